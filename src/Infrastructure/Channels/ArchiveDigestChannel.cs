using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Ingest.Domain.Digests;

namespace Ingest.Infrastructure.Channels;

/// <summary>
/// Writes each digest as <c>{watch}/{digest}.md</c> and <c>{watch}/{digest}.json</c> in the archive
/// container. Names come from the digest id, so a re-delivery overwrites rather than duplicates.
/// </summary>
public sealed class ArchiveDigestChannel(BlobContainerClient archive) : IDigestChannel
{
    public string Name => "archive";

    public static string MarkdownBlob(Digest digest) => $"{digest.WatchId}/{digest.Id}.md";

    public static string JsonBlob(Digest digest) => $"{digest.WatchId}/{digest.Id}.json";

    public async Task DeliverAsync(Digest digest, CancellationToken cancellationToken)
    {
        await archive.GetBlobClient(MarkdownBlob(digest)).UploadAsync(
            BinaryData.FromString(DigestMarkdown.Render(digest)),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/markdown; charset=utf-8" } },
            cancellationToken);
        await archive.GetBlobClient(JsonBlob(digest)).UploadAsync(
            BinaryData.FromString(DigestJson.Serialize(digest)),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
            cancellationToken);
    }
}
