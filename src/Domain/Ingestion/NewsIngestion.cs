using System.Security.Cryptography;
using System.Text;
using Ingest.Domain.Articles;
using Ingest.Domain.Digests;
using Ingest.Domain.Parsing;
using Ingest.Domain.Watches;
using Microsoft.Extensions.Options;

namespace Ingest.Domain.Ingestion;

/// <summary>
/// Ingests one dropped blob: detect its format, parse every article in it, record each article once,
/// index its keyword hits once. Safe to run again for the same blob (a retry, a host restart) and for
/// the same content under another name or inside another file (a feed and a single-article file):
/// article ids are content hashes, so neither adds a record nor a hit. Every source of an article is
/// recorded under the blob's own name (not an item number, which shifts when a feed is refreshed).
/// Unreadable drops, and each unreadable item of a multi-article file, are quarantined with a reason
/// (naming the item number), never thrown. Storage errors do throw, so the trigger's retry and poison
/// handling take over.
/// </summary>
public sealed class NewsIngestion(
    NewsDocumentParser parser,
    IArticleStore articles,
    IHitIndex hits,
    IQuarantine quarantine,
    IInboxLedger ledger,
    WatchCatalog watches,
    TimeProvider time,
    IOptions<IngestionOptions> options)
{
    /// <summary>
    /// Most quarantine entries one file gets for its items (each entry copies the whole file);
    /// further failed items share one more entry that lists them.
    /// </summary>
    public const int MaxQuarantineEntriesPerFile = 20;

    public async Task<IngestionOutcome> IngestAsync(string blobName, Stream content, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var outcome = await IngestCoreAsync(blobName, content, now, cancellationToken);
        // Counted per article, so a feed of fifty items counts fifty.
        IngestMetrics.ArticlesStored.Add(outcome.StoredCount);
        IngestMetrics.ArticlesDuplicate.Add(outcome.DuplicateCount);
        IngestMetrics.DropsQuarantined.Add(outcome.QuarantinedCount);
        foreach (var watch in outcome.Items.Where(i => i.Result == IngestionResult.Stored).SelectMany(i => i.Watches))
        {
            IngestMetrics.HitsIndexed.Add(1, new KeyValuePair<string, object?>("watch", watch));
        }

        await ledger.RecordAsync(new InboxLedgerEntry(blobName, outcome.Result, outcome.ArticleId, outcome.Reason, now), cancellationToken);
        return outcome;
    }

    private async Task<IngestionOutcome> IngestCoreAsync(string blobName, Stream content, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var head = await ReadHeadAsync(content, cancellationToken);
        var gzipped = head.Length >= 2 && head[0] == 0x1F && head[1] == 0x8B;
        if (NewsDocumentParser.Detect(gzipped ? GunzipHead(head) : head) == NewsFormat.Xml)
        {
            return await IngestFeedAsync(blobName, head, gzipped, content, now, cancellationToken);
        }

        var limit = settings.MaxBlobBytes;
        var bytes = head.Length > limit ? null : await ReadBoundedAsync(head, content, limit, cancellationToken);
        if (bytes is null)
        {
            var size = Math.Max(limit + 1, TryLength(content));
            var reason = $"The file is larger than the {limit:N0}-byte limit (Ingestion:MaxBlobBytes).";
            await QuarantineAsync(blobName, Encoding.UTF8.GetBytes($"oversize|{blobName}|{size}"), size, reason, now, cancellationToken);
            return new IngestionOutcome(IngestionResult.Quarantined, null, null, [], reason);
        }

        var document = parser.Parse(bytes, settings.ToParseLimits());
        if (document.Error is not null)
        {
            await QuarantineAsync(blobName, bytes, bytes.Length, document.Error, now, cancellationToken);
            return new IngestionOutcome(IngestionResult.Quarantined, null, null, [], document.Error) { Format = document.FormatName };
        }

        return await IngestItemsAsync(
            blobName, document.Items.ToAsyncEnumerable(), document.IsMultiItem, () => document.FormatName, n => document.IsMultiItem ? [.. bytes, .. Encoding.UTF8.GetBytes($"#item{n}")] : bytes, bytes.Length, now, cancellationToken);
    }

    /// <summary>
    /// An RSS or Atom drop, read as a stream one item at a time (gzip unpacked on the way), so memory holds
    /// one item however large the feed. Each item is recorded before the next is read.
    /// </summary>
    private async Task<IngestionOutcome> IngestFeedAsync(string blobName, byte[] head, bool gzipped, Stream content, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var size = TryLength(content);
        Stream xml = new BoundedStream(new ResumedStream(head, content), settings.MaxFeedBytes, $"The file is larger than the {settings.MaxFeedBytes:N0}-byte limit (Ingestion:MaxFeedBytes).");
        if (gzipped)
        {
            xml = new BoundedStream(
                new System.IO.Compression.GZipStream(xml, System.IO.Compression.CompressionMode.Decompress),
                settings.MaxDecompressedBytes,
                $"The gzip content unpacks to more than the {settings.MaxDecompressedBytes:N0}-byte limit (Ingestion:MaxDecompressedBytes); unpacking stopped there.");
        }

        await using (xml)
        {
            var reading = FeedNewsParser.Open(xml, settings.ToParseLimits(), gzipped);
            var outcome = await IngestItemsAsync(
                blobName, reading.ReadItemsAsync(cancellationToken), multiItem: true, () => reading.FormatName, n => [.. head, .. Encoding.UTF8.GetBytes($"#item{n}")], size, now, cancellationToken);
            if (outcome.Items.Count > 0 || reading.Error is null)
            {
                return outcome;
            }

            await QuarantineAsync(blobName, [.. head, .. Encoding.UTF8.GetBytes("#" + reading.Error)], size, reading.Error, now, cancellationToken);
            return new IngestionOutcome(IngestionResult.Quarantined, null, null, [], reading.Error) { Format = reading.FormatName };
        }
    }

    /// <param name="identity">Item number → what identifies a failed item's content, for its quarantine entry.</param>
    private async Task<IngestionOutcome> IngestItemsAsync(
        string blobName, IAsyncEnumerable<NewsItem> source, bool multiItem, Func<string> formatName, Func<int, byte[]> identity, long size, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var items = new List<ItemOutcome>();
        var unrecorded = new List<ItemOutcome>();
        var failures = 0;
        await foreach (var item in source.WithCancellation(cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (item.Article is { } article)
            {
                items.Add(await RecordAsync(item.Number, article, blobName, now, cancellationToken));
                continue;
            }

            var reason = multiItem ? $"Item {item.Number} of the {formatName()} file: {item.Error}" : item.Error!;
            var failed = new ItemOutcome(item.Number, IngestionResult.Quarantined, null, null, [], reason);
            items.Add(failed);
            if (++failures > MaxQuarantineEntriesPerFile)
            {
                unrecorded.Add(failed);
                continue;
            }

            await QuarantineAsync(blobName, identity(item.Number), size, reason, now, cancellationToken);
        }

        if (unrecorded.Count > 0)
        {
            var numbers = string.Join(", ", unrecorded.Take(20).Select(i => i.Number)) + (unrecorded.Count > 20 ? ", …" : string.Empty);
            var reason = $"{unrecorded.Count:N0} more items of the {formatName()} file failed too (items {numbers}); first: {unrecorded[0].Reason}";
            await QuarantineAsync(blobName, [.. identity(0), .. "#more-items"u8], size, reason, now, cancellationToken);
        }

        var first = items.FirstOrDefault(i => i.ArticleId is not null);
        var result = items.Any(i => i.Result == IngestionResult.Stored) ? IngestionResult.Stored
            : items.Any(i => i.Result == IngestionResult.Duplicate) ? IngestionResult.Duplicate
            : IngestionResult.Quarantined;
        return new IngestionOutcome(
            result,
            first?.ArticleId,
            first?.Title,
            items.SelectMany(i => i.Watches).Distinct(StringComparer.Ordinal).ToList(),
            items.FirstOrDefault(i => i.Reason is not null)?.Reason)
        {
            Format = formatName(),
            Items = items,
        };
    }

    private async Task<ItemOutcome> RecordAsync(int number, Article article, string blobName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var source = new ArticleSource(blobName, now);
        var existing = await articles.FindAsync(article.Id, cancellationToken);
        var ingestedAt = now;
        if (existing is null)
        {
            if (!await articles.TryCreateAsync(article, source, cancellationToken))
            {
                existing = await articles.FindAsync(article.Id, cancellationToken);
            }
        }
        else
        {
            await articles.AddSourceAsync(article.Id, source, cancellationToken);
        }

        if (existing is not null)
        {
            ingestedAt = existing.IngestedAt;
            if (existing.HitsIndexed)
            {
                return new ItemOutcome(number, IngestionResult.Duplicate, article.Id, article.Title, [], null);
            }
        }

        // New, or an earlier attempt stopped before its hits were indexed: (re)index. The index ignores entries it has.
        var matcher = await watches.GetMatcherAsync(cancellationToken);
        var matches = matcher.Match(article);
        var fingerprint = matches.Count == 0 ? 0 : SimHash.Compute(article);
        await hits.AddAsync(
            matches.Select(m => new IndexedHit(m.WatchId, article.Id, article.Title, article.Publisher, blobName, ingestedAt, m.Hits) { SimHash = fingerprint }).ToList(),
            cancellationToken);
        await articles.MarkHitsIndexedAsync(article.Id, cancellationToken);
        return new ItemOutcome(number, existing is null ? IngestionResult.Stored : IngestionResult.Duplicate, article.Id, article.Title, matches.Select(m => m.WatchId).ToList(), null);
    }

    /// <param name="identity">What identifies the failed content: its bytes (and item number), or for an oversize drop, its name and size.</param>
    private async Task QuarantineAsync(string blobName, byte[] identity, long size, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(identity))[..32];
        await quarantine.QuarantineAsync(new IngestionFailure(blobName, fingerprint, size, reason, now), cancellationToken);
    }

    /// <summary>Bytes read first, to tell gzip and the format before deciding how to read the rest.</summary>
    private const int HeadBytes = 4096;

    private static async Task<byte[]> ReadHeadAsync(Stream content, CancellationToken cancellationToken)
    {
        var head = new byte[HeadBytes];
        var filled = 0;
        int read;
        while (filled < head.Length && (read = await content.ReadAsync(head.AsMemory(filled), cancellationToken)) > 0)
        {
            filled += read;
        }

        return head[..filled];
    }

    /// <summary>As much of the start of a gzip stream as its first bytes unpack to, for telling the format.</summary>
    private static byte[] GunzipHead(byte[] head)
    {
        using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(head, writable: false), System.IO.Compression.CompressionMode.Decompress);
        var buffer = new byte[HeadBytes];
        var filled = 0;
        try
        {
            int read;
            while (filled < buffer.Length && (read = gzip.Read(buffer, filled, buffer.Length - filled)) > 0)
            {
                filled += read;
            }
        }
        catch (InvalidDataException)
        {
            // Corrupt, or cut off where the head ends: what was unpacked is enough to tell the format.
        }

        return buffer[..filled];
    }

    /// <summary>The head and the rest of the stream, or null as soon as they pass the limit.</summary>
    private static async Task<byte[]?> ReadBoundedAsync(byte[] head, Stream content, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        buffer.Write(head);
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static long TryLength(Stream stream)
    {
        try
        {
            return stream.CanSeek ? stream.Length : -1;
        }
        catch (NotSupportedException)
        {
            return -1;
        }
    }
}
