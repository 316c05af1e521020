using Microsoft.Extensions.Options;

namespace Ingest.Domain.Watches;

/// <summary>Writes the configured seed watches into the watches table, leaving existing ones untouched.</summary>
public sealed class WatchSeeding(IWatchStore store, IOptions<WatchOptions> options)
{
    public async Task<IReadOnlyList<string>> SeedAsync(CancellationToken cancellationToken)
    {
        var added = new List<string>();
        foreach (var watch in options.Value.SeedWatches())
        {
            if (await store.AddIfMissingAsync(watch, cancellationToken))
            {
                added.Add(watch.Id);
            }
        }

        return added;
    }
}
