using Azure;
using Azure.Data.Tables;
using Ingest.Domain.Ingestion;

namespace Ingest.Infrastructure.Storage;

/// <summary>The inbox ledger: partition = encoded blob name, one row each, replaced on every processing.</summary>
public sealed class TableInboxLedger(TableClient table) : IInboxLedger
{
    public Task RecordAsync(InboxLedgerEntry entry, CancellationToken cancellationToken) =>
        table.UpsertEntityAsync(
            new InboxLedgerEntity
            {
                PartitionKey = TableKey.Encode(entry.BlobName),
                BlobName = entry.BlobName,
                Result = entry.Result.ToString(),
                ArticleId = entry.ArticleId,
                Reason = entry.Reason,
                ProcessedAt = entry.ProcessedAt,
            },
            TableUpdateMode.Replace,
            cancellationToken);

    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> ListAsync(CancellationToken cancellationToken)
    {
        var processed = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<InboxLedgerEntity>(select: [nameof(InboxLedgerEntity.BlobName), nameof(InboxLedgerEntity.ProcessedAt)], cancellationToken: cancellationToken))
        {
            processed[row.BlobName] = row.ProcessedAt;
        }

        return processed;
    }
}

public sealed class InboxLedgerEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string BlobName { get; set; } = string.Empty;

    public string Result { get; set; } = string.Empty;

    public string? ArticleId { get; set; }

    public string? Reason { get; set; }

    public DateTimeOffset ProcessedAt { get; set; }
}
