using Ingest.Domain.Matching;
using Microsoft.Extensions.Options;

namespace Ingest.Domain.Watches;

/// <summary>
/// Holds the watches compiled into one <see cref="KeywordMatcher"/>, re-read from the store when the
/// refresh interval passes and swapped atomically, so ingestion never sees a half-built matcher.
/// </summary>
public sealed class WatchCatalog(IWatchStore store, TimeProvider time, IOptions<WatchOptions> options) : IDisposable
{
    private readonly SemaphoreSlim refresh = new(1, 1);
    private volatile Snapshot? current;

    public async Task<KeywordMatcher> GetMatcherAsync(CancellationToken cancellationToken)
    {
        var snapshot = current;
        if (snapshot is not null && time.GetUtcNow() - snapshot.LoadedAt < options.Value.RefreshInterval)
        {
            return snapshot.Matcher;
        }

        await refresh.WaitAsync(cancellationToken);
        try
        {
            snapshot = current;
            if (snapshot is null || time.GetUtcNow() - snapshot.LoadedAt >= options.Value.RefreshInterval)
            {
                var watches = await store.ListAsync(cancellationToken);
                snapshot = new Snapshot(KeywordMatcher.Compile(watches), time.GetUtcNow());
                current = snapshot;
            }

            return snapshot.Matcher;
        }
        finally
        {
            refresh.Release();
        }
    }

    /// <summary>Makes the next call re-read the watches, after a change made in this process.</summary>
    public void Invalidate() => current = null;

    public void Dispose() => refresh.Dispose();

    private sealed record Snapshot(KeywordMatcher Matcher, DateTimeOffset LoadedAt);
}
