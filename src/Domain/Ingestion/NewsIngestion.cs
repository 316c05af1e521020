using System.Security.Cryptography;
using System.Text;
using Ingest.Domain.Articles;
using Ingest.Domain.Digests;
using Ingest.Domain.Parsing;
using Ingest.Domain.Watches;
using Microsoft.Extensions.Options;

namespace Ingest.Domain.Ingestion;

/// <summary>
/// Ingests one dropped blob: decode, parse, record the article once, index its keyword hits once.
/// Safe to run again for the same blob (a retry, a host restart) and for the same content under
/// another name: neither adds a record nor a hit. Unreadable drops are quarantined, never thrown.
/// Storage errors do throw, so the trigger's retry and poison handling take over.
/// </summary>
public sealed class NewsIngestion(
    PlainTextNewsParser parser,
    IArticleStore articles,
    IHitIndex hits,
    IQuarantine quarantine,
    IInboxLedger ledger,
    WatchCatalog watches,
    TimeProvider time,
    IOptions<IngestionOptions> options)
{
    public async Task<IngestionOutcome> IngestAsync(string blobName, Stream content, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var outcome = await IngestCoreAsync(blobName, content, now, cancellationToken);
        (outcome.Result switch
        {
            IngestionResult.Stored => IngestMetrics.ArticlesStored,
            IngestionResult.Duplicate => IngestMetrics.ArticlesDuplicate,
            _ => IngestMetrics.DropsQuarantined,
        }).Add(1);
        foreach (var watch in outcome.Watches)
        {
            IngestMetrics.HitsIndexed.Add(1, new KeyValuePair<string, object?>("watch", watch));
        }

        await ledger.RecordAsync(new InboxLedgerEntry(blobName, outcome.Result, outcome.ArticleId, outcome.Reason, now), cancellationToken);
        return outcome;
    }

    private async Task<IngestionOutcome> IngestCoreAsync(string blobName, Stream content, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxBlobBytes;
        var bytes = await ReadBoundedAsync(content, limit, cancellationToken);
        if (bytes is null)
        {
            var size = Math.Max(limit + 1, TryLength(content));
            return await QuarantineAsync(blobName, Encoding.UTF8.GetBytes($"oversize|{blobName}|{size}"), size, $"The file is larger than the {limit:N0}-byte limit (Ingestion:MaxBlobBytes).", now, cancellationToken);
        }

        var decoded = NewsTextDecoder.Decode(bytes);
        if (decoded.Error is not null)
        {
            return await QuarantineAsync(blobName, bytes, bytes.Length, decoded.Error, now, cancellationToken);
        }

        var parsed = parser.Parse(decoded.Text!);
        if (parsed.Article is not { } article)
        {
            return await QuarantineAsync(blobName, bytes, bytes.Length, parsed.Error!, now, cancellationToken);
        }

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
                return new IngestionOutcome(IngestionResult.Duplicate, article.Id, article.Title, [], null);
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
        return new IngestionOutcome(existing is null ? IngestionResult.Stored : IngestionResult.Duplicate, article.Id, article.Title, matches.Select(m => m.WatchId).ToList(), null);
    }

    /// <param name="identity">What identifies the failed content: its bytes, or for an oversize drop, its name and size.</param>
    private async Task<IngestionOutcome> QuarantineAsync(string blobName, byte[] identity, long size, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(identity))[..32];
        await quarantine.QuarantineAsync(new IngestionFailure(blobName, fingerprint, size, reason, now), cancellationToken);
        return new IngestionOutcome(IngestionResult.Quarantined, null, null, [], reason);
    }

    /// <summary>Reads the whole stream, or returns null as soon as it passes the limit.</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream content, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
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
