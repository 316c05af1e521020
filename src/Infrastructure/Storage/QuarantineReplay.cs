using Azure.Storage.Blobs;
using Ingest.Domain.Ingestion;

namespace Ingest.Infrastructure.Storage;

/// <summary>
/// Re-ingests quarantined drops after a fix (a parser change, a raised limit): from the inbox blob
/// when it is still there, else from the quarantine copy. A drop that still fails is quarantined
/// again with its current reason; the rows from before the replay are then removed, so each drop
/// keeps only its latest reason. Ingestion is idempotent, so replaying twice adds nothing.
/// </summary>
public sealed class QuarantineReplay(BlobQuarantine quarantine, BlobContainerClient inbox, BlobContainerClient copies, NewsIngestion ingestion, TimeProvider time)
{
    public async Task<IReadOnlyList<(string BlobName, IngestionOutcome Outcome)>> ReplayAsync(string? blobName, CancellationToken cancellationToken)
    {
        var rows = (await quarantine.ListAsync(cancellationToken)).Where(r => blobName is null || r.BlobName == blobName).ToList();
        var replayed = new List<(string, IngestionOutcome)>();
        foreach (var drop in rows.GroupBy(r => r.BlobName))
        {
            var started = time.GetUtcNow();
            await using var content = await OpenAsync(drop.Key, drop.Select(r => r.QuarantineBlob).FirstOrDefault(b => b is not null), cancellationToken);
            if (content is null)
            {
                continue; // neither the drop nor its copy exists any more: the rows stay as the record of it
            }

            replayed.Add((drop.Key, await ingestion.IngestAsync(drop.Key, content, cancellationToken)));
            foreach (var old in drop.Where(r => r.FailedAt < started))
            {
                await quarantine.RemoveAsync(old, cancellationToken);
            }
        }

        return replayed;
    }

    private async Task<Stream?> OpenAsync(string blobName, string? copyName, CancellationToken cancellationToken)
    {
        var original = inbox.GetBlobClient(blobName);
        if (await original.ExistsAsync(cancellationToken))
        {
            return await original.OpenReadAsync(cancellationToken: cancellationToken);
        }

        if (copyName is not null && await copies.GetBlobClient(copyName).ExistsAsync(cancellationToken))
        {
            return await copies.GetBlobClient(copyName).OpenReadAsync(cancellationToken: cancellationToken);
        }

        return null;
    }
}
