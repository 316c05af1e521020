using Azure.Storage.Blobs;
using Ingest.Domain.Digests;

namespace Ingest.Infrastructure.Channels;

/// <summary>The Atom feed of recent digests, read back from the archive container the archive channel writes.</summary>
public sealed class DigestFeed(BlobContainerClient archive, TimeProvider time)
{
    public const int DefaultEntries = 50;

    /// <summary>The feed of every watch's digests, or of one watch's.</summary>
    public async Task<string> RenderAsync(Uri feedUri, string? watchId, int entries, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (var blob in archive.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = watchId is null ? null : watchId + "/" }, cancellationToken))
        {
            if (blob.Name.EndsWith(".json", StringComparison.Ordinal))
            {
                names.Add(blob.Name);
            }
        }

        // Digest ids start with their UTC creation time, so the file name sorts them.
        var recent = names.OrderByDescending(n => n[(n.IndexOf('/', StringComparison.Ordinal) + 1)..], StringComparer.Ordinal).Take(entries);
        var digests = new List<Digest>();
        foreach (var name in recent)
        {
            var content = await archive.GetBlobClient(name).DownloadContentAsync(cancellationToken);
            var d = DigestJson.Deserialize(content.Value.Content.ToString());
            digests.Add(new Digest(d.Id, d.WatchId, d.WatchName, d.CreatedAt, d.Items));
        }

        var title = watchId is null ? "Ingest digests" : $"Ingest digests: {watchId}";
        return DigestAtom.Render(digests, feedUri, title, time.GetUtcNow());
    }
}
