using System.Text.Json;
using Azure.Storage.Queues;
using Ingest.Domain.Digests;

namespace Ingest.Infrastructure.Channels;

/// <summary>
/// Puts a JSON notification for each digest on the <c>digest-notifications</c> queue: the digest id
/// (consumers' idempotency key), counts, the archive blobs and the articles. Delivery is at least once.
/// </summary>
public sealed class QueueDigestChannel(QueueClient queue) : IDigestChannel
{
    /// <summary>Queue messages hold 64 KiB; base64 costs a third, so the JSON stays under this.</summary>
    private const int MaxMessageChars = 45_000;

    public string Name => "queue";

    public async Task DeliverAsync(Digest digest, CancellationToken cancellationToken)
    {
        var items = digest.Items.Select(i => new DigestNotificationItem(i.ArticleId, i.Title, i.Publisher, i.HitCount)).ToList();
        string json;
        do
        {
            json = JsonSerializer.Serialize(
                new DigestNotification(
                    DigestJson.SchemaVersion,
                    digest.Id,
                    digest.WatchId,
                    digest.WatchName,
                    digest.CreatedAt,
                    digest.Items.Count,
                    digest.TotalHits,
                    ArchiveDigestChannel.MarkdownBlob(digest),
                    ArchiveDigestChannel.JsonBlob(digest),
                    items),
                DigestJson.Options);
            if (json.Length > MaxMessageChars)
            {
                // The full list is in the archive blob; the message keeps the best-ranked items that fit.
                items = items.Take(items.Count / 2).ToList();
            }
        }
        while (json.Length > MaxMessageChars);

        await queue.SendMessageAsync(json, cancellationToken);
    }
}

/// <summary>The queue message. <c>ItemCount</c> is the digest's; <c>Items</c> may list fewer when the digest is long.</summary>
public sealed record DigestNotification(
    int SchemaVersion,
    string DigestId,
    string WatchId,
    string WatchName,
    DateTimeOffset CreatedAt,
    int ItemCount,
    int TotalHits,
    string MarkdownBlob,
    string JsonBlob,
    IReadOnlyList<DigestNotificationItem> Items);

public sealed record DigestNotificationItem(string ArticleId, string Title, string? Publisher, int HitCount);
