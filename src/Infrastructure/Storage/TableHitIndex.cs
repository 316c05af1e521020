using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Ingest.Domain.Articles;
using Ingest.Domain.Digests;
using Ingest.Domain.Ingestion;
using Ingest.Domain.Matching;

namespace Ingest.Infrastructure.Storage;

/// <summary>
/// The keyword-hit index. Partition = watch id. Each (watch, article) has a permanent <c>hit|</c> row
/// and, until a digest claims it, a <c>pending|</c> row; both are added in one transaction, so a
/// re-run adds nothing. Claiming deletes the pending row on its ETag and stamps the digest id on the
/// hit row in one transaction, so a hit can be claimed by one digest only.
/// </summary>
public sealed class TableHitIndex(TableClient table) : IHitIndex
{
    /// <summary>Explained hits stored per (watch, article); the count covers all of them.</summary>
    public const int MaxStoredHits = 50;

    /// <summary>Hits claimed per transaction: two operations each, within the 100-operation limit.</summary>
    private const int ClaimBatch = 50;

    private static readonly JsonSerializerOptions Json = DigestJson.Options;

    public async Task AddAsync(IReadOnlyList<IndexedHit> hits, CancellationToken cancellationToken)
    {
        foreach (var hit in hits)
        {
            var permanent = ToEntity(hit, HitEntity.HitPrefix + hit.ArticleId);
            var pending = ToEntity(hit, PendingKey(hit));
            try
            {
                await table.SubmitTransactionAsync(
                    [new TableTransactionAction(TableTransactionActionType.Add, permanent), new TableTransactionAction(TableTransactionActionType.Add, pending)],
                    cancellationToken);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409)
            {
                // Already indexed by an earlier attempt or an earlier drop of the same article.
            }
        }
    }

    public async Task<IReadOnlyList<IndexedHit>> ListPendingAsync(string watchId, int max, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {watchId} and RowKey ge {HitEntity.PendingPrefix} and RowKey lt {"pending}"}");
        var found = new List<IndexedHit>();
        await foreach (var row in table.QueryAsync<HitEntity>(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken))
        {
            found.Add(ToHit(row));
            if (found.Count >= max)
            {
                break;
            }
        }

        return found;
    }

    public async Task<IReadOnlyList<IndexedHit>> ClaimAsync(string watchId, string digestId, IReadOnlyList<IndexedHit> pending, CancellationToken cancellationToken)
    {
        var claimed = new List<IndexedHit>();
        foreach (var batch in pending.Chunk(ClaimBatch))
        {
            if (await TryClaimAsync(watchId, digestId, batch, cancellationToken))
            {
                claimed.AddRange(batch);
                continue;
            }

            // Someone claimed part of this batch first: claim the rest one by one.
            foreach (var hit in batch)
            {
                if (await TryClaimAsync(watchId, digestId, [hit], cancellationToken))
                {
                    claimed.Add(hit);
                }
            }
        }

        return claimed;
    }

    public async Task<IReadOnlyList<IndexedHit>> ListClaimedAsync(string watchId, string digestId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {watchId} and RowKey ge {HitEntity.HitPrefix} and RowKey lt {"hit}"} and DigestId eq {digestId}");
        var found = new List<IndexedHit>();
        await foreach (var row in table.QueryAsync<HitEntity>(filter, cancellationToken: cancellationToken))
        {
            found.Add(ToHit(row));
        }

        return found;
    }

    private async Task<bool> TryClaimAsync(string watchId, string digestId, IndexedHit[] hits, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>(hits.Length * 2);
        foreach (var hit in hits)
        {
            var etag = hit is StoredHit stored ? stored.PendingETag : ETag.All;
            actions.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(watchId, PendingKey(hit)), etag));
            actions.Add(new TableTransactionAction(
                TableTransactionActionType.UpdateMerge,
                new TableEntity(watchId, HitEntity.HitPrefix + hit.ArticleId) { [nameof(HitEntity.DigestId)] = digestId },
                ETag.All));
        }

        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 404 or 412)
        {
            return false;
        }
    }

    /// <summary>Pending rows sort by ingestion time, so the oldest hits go into the next digest first.</summary>
    private static string PendingKey(IndexedHit hit) =>
        $"{HitEntity.PendingPrefix}{hit.IngestedAt.UtcTicks:D19}|{hit.ArticleId}";

    private static HitEntity ToEntity(IndexedHit hit, string rowKey) => new()
    {
        PartitionKey = hit.WatchId,
        RowKey = rowKey,
        ArticleId = hit.ArticleId,
        Title = hit.Title,
        Publisher = hit.Publisher,
        SourceBlob = hit.SourceBlob,
        IngestedAt = hit.IngestedAt,
        HitCount = hit.HitCount,
        SimHash = unchecked((long)hit.SimHash),
        TitleHit = hit.Hits.Any(h => h.Field == ArticleField.Title),
        HitsJson = JsonSerializer.Serialize(hit.Hits.OrderBy(h => h.Field).Take(MaxStoredHits), Json),
    };

    private static StoredHit ToHit(HitEntity row) => new(
        row.PartitionKey,
        row.ArticleId,
        row.Title,
        row.Publisher,
        row.SourceBlob,
        row.IngestedAt,
        JsonSerializer.Deserialize<List<KeywordHit>>(row.HitsJson, Json) ?? [],
        row.ETag)
    {
        HitCount = row.HitCount,
        SimHash = unchecked((ulong)row.SimHash),
    };

    /// <summary>A hit as read from the pending rows, with the ETag its claim is conditional on.</summary>
    private sealed record StoredHit(
        string WatchId,
        string ArticleId,
        string Title,
        string? Publisher,
        string SourceBlob,
        DateTimeOffset IngestedAt,
        IReadOnlyList<KeywordHit> Hits,
        ETag PendingETag) : IndexedHit(WatchId, ArticleId, Title, Publisher, SourceBlob, IngestedAt, Hits);
}
