using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Ingest.Domain.Ingestion;

namespace Ingest.Infrastructure.Storage;

/// <summary>
/// Quarantines a drop: copies the blob, server-side, from the inbox into the quarantine container
/// and writes a row with its name, ETag, size, reason and time. Re-quarantining the same content
/// from the same blob updates that one row.
/// </summary>
public sealed class BlobQuarantine(TableClient table, BlobContainerClient inbox, BlobContainerClient quarantine) : IQuarantine
{
    private static readonly TimeSpan CopyPoll = TimeSpan.FromMilliseconds(250);

    public async Task QuarantineAsync(IngestionFailure failure, CancellationToken cancellationToken)
    {
        var source = inbox.GetBlobClient(failure.BlobName);
        string? copyName = $"{failure.FailedAt.UtcDateTime:yyyy-MM-dd}/{failure.Fingerprint}";
        string? sourceETag = null;
        try
        {
            var properties = await source.GetPropertiesAsync(cancellationToken: cancellationToken);
            sourceETag = properties.Value.ETag.ToString();
            var copy = quarantine.GetBlobClient(copyName);
            var operation = await copy.StartCopyFromUriAsync(
                source.Uri,
                new BlobCopyFromUriOptions
                {
                    SourceConditions = new BlobRequestConditions { IfMatch = properties.Value.ETag },
                    Metadata = new Dictionary<string, string> { ["fingerprint"] = failure.Fingerprint },
                },
                cancellationToken);
            await operation.WaitForCompletionAsync(CopyPoll, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // The drop was deleted or replaced before it could be copied; the row still records the failure.
            copyName = null;
        }

        await table.UpsertEntityAsync(
            new QuarantineEntity
            {
                PartitionKey = TableKey.Encode(failure.BlobName),
                RowKey = failure.Fingerprint,
                BlobName = failure.BlobName,
                BlobETag = sourceETag,
                Size = failure.Size,
                Reason = failure.Reason,
                FailedAt = failure.FailedAt,
                QuarantineBlob = copyName,
            },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    /// <summary>Removes one quarantine row (after a replay); the quarantine copy stays.</summary>
    public Task RemoveAsync(QuarantineEntity row, CancellationToken cancellationToken) =>
        table.DeleteEntityAsync(row.PartitionKey, row.RowKey, Azure.ETag.All, cancellationToken);

    /// <summary>Every quarantine row, for tools and tests.</summary>
    public async Task<IReadOnlyList<QuarantineEntity>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = new List<QuarantineEntity>();
        await foreach (var row in table.QueryAsync<QuarantineEntity>(cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }
}
