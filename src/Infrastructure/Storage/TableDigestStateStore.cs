using Azure;
using Azure.Data.Tables;
using Ingest.Domain.Digests;

namespace Ingest.Infrastructure.Storage;

/// <summary>
/// Digest state, partitioned by watch: the run lease (row <c>lease</c>), the outbox of digests not yet
/// delivered everywhere (<c>outbox|{id}</c>) and the history of finished ones (<c>sent|{id}</c>).
/// Lease changes are conditional on the row's ETag, so of two runners only one wins.
/// </summary>
public sealed class TableDigestStateStore(TableClient table, TimeProvider time) : IDigestStateStore
{
    /// <summary>Row prefix of dead letters: <c>dead|{digest}|{channel}</c>.</summary>
    public const string DeadLetterPrefix = "dead|";

    /// <summary>Row holding the latest cadence slot served for the watch.</summary>
    public const string ScheduleRow = "schedule";

    public async Task<bool> TryAcquireRunLeaseAsync(string watchId, string owner, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var lease = new DigestLeaseEntity { PartitionKey = watchId, Owner = owner, LeaseUntil = now + duration };
        var existing = await table.GetEntityIfExistsAsync<DigestLeaseEntity>(watchId, DigestLeaseEntity.Row, cancellationToken: cancellationToken);
        try
        {
            if (!existing.HasValue || existing.Value is null)
            {
                await table.AddEntityAsync(lease, cancellationToken);
                return true;
            }

            var current = existing.Value;
            if (current.Owner != owner && current.LeaseUntil > now)
            {
                return false;
            }

            await table.UpdateEntityAsync(lease, current.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    public async Task ReleaseRunLeaseAsync(string watchId, string owner, CancellationToken cancellationToken)
    {
        var existing = await table.GetEntityIfExistsAsync<DigestLeaseEntity>(watchId, DigestLeaseEntity.Row, cancellationToken: cancellationToken);
        if (existing.HasValue && existing.Value is { } current && current.Owner == owner)
        {
            current.LeaseUntil = DateTimeOffset.UnixEpoch;
            try
            {
                await table.UpdateEntityAsync(current, current.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // Our lease ran out and another runner took it: it is theirs now.
            }
        }
    }

    public Task CreateAsync(DigestRecord record, CancellationToken cancellationToken) =>
        table.AddEntityAsync(ToEntity(record, DigestEntity.OutboxPrefix), cancellationToken);

    public async Task<IReadOnlyList<DigestRecord>> ListUnfinishedAsync(string watchId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {watchId} and RowKey ge {DigestEntity.OutboxPrefix} and RowKey lt {"outbox}"}");
        var records = new List<DigestRecord>();
        await foreach (var row in table.QueryAsync<DigestEntity>(filter, cancellationToken: cancellationToken))
        {
            records.Add(ToRecord(row));
        }

        return records.OrderBy(r => r.DigestId, StringComparer.Ordinal).ToList();
    }

    public async Task UpdateAsync(DigestRecord record, CancellationToken cancellationToken)
    {
        if (record.Status is DigestStatus.Claiming or DigestStatus.Ready)
        {
            await table.UpdateEntityAsync(ToEntity(record, DigestEntity.OutboxPrefix), ETag.All, TableUpdateMode.Replace, cancellationToken);
            return;
        }

        // Finished: out of the outbox and into the history, atomically.
        await table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(record, DigestEntity.SentPrefix)),
                new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(record.WatchId, DigestEntity.OutboxPrefix + record.DigestId), ETag.All),
            ],
            cancellationToken);
    }

    public async Task<DateTimeOffset?> GetLastSlotAsync(string watchId, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(watchId, ScheduleRow, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.GetDateTimeOffset("LastSlot") : null;
    }

    public Task SetLastSlotAsync(string watchId, DateTimeOffset slot, CancellationToken cancellationToken) =>
        table.UpsertEntityAsync(new TableEntity(watchId, ScheduleRow) { ["LastSlot"] = slot }, TableUpdateMode.Replace, cancellationToken);

    public Task RecordDeadLetterAsync(DeadLetter deadLetter, CancellationToken cancellationToken) =>
        table.UpsertEntityAsync(
            new TableEntity(deadLetter.WatchId, $"{DeadLetterPrefix}{deadLetter.DigestId}|{TableKey.Encode(deadLetter.Channel)}")
            {
                ["DigestId"] = deadLetter.DigestId,
                ["Channel"] = deadLetter.Channel,
                ["Reason"] = deadLetter.Reason,
                ["At"] = deadLetter.At,
            },
            TableUpdateMode.Replace,
            cancellationToken);

    /// <summary>Digests channels refused for good, for a watch.</summary>
    public async Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(string watchId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {watchId} and RowKey ge {DeadLetterPrefix} and RowKey lt {"dead}"}");
        var found = new List<DeadLetter>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            found.Add(new DeadLetter(watchId, row.GetString("DigestId"), row.GetString("Channel"), row.GetString("Reason"), row.GetDateTimeOffset("At") ?? default));
        }

        return found;
    }

    /// <summary>Finished digests of a watch, oldest first.</summary>
    public async Task<IReadOnlyList<DigestRecord>> ListSentAsync(string watchId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {watchId} and RowKey ge {DigestEntity.SentPrefix} and RowKey lt {"sent}"}");
        var records = new List<DigestRecord>();
        await foreach (var row in table.QueryAsync<DigestEntity>(filter, cancellationToken: cancellationToken))
        {
            records.Add(ToRecord(row));
        }

        return records;
    }

    private static DigestEntity ToEntity(DigestRecord record, string prefix) => new()
    {
        PartitionKey = record.WatchId,
        RowKey = prefix + record.DigestId,
        DigestId = record.DigestId,
        Status = record.Status.ToString(),
        CreatedAt = record.CreatedAt,
        ItemCount = record.ItemCount,
        DeliveredChannels = string.Join(',', record.DeliveredChannels),
        Attempts = record.Attempts,
        LastError = record.LastError,
    };

    private static DigestRecord ToRecord(DigestEntity row) => new(
        row.PartitionKey,
        row.DigestId,
        Enum.Parse<DigestStatus>(row.Status),
        row.CreatedAt,
        row.ItemCount,
        row.DeliveredChannels.Split(',', StringSplitOptions.RemoveEmptyEntries),
        row.Attempts,
        row.LastError);
}
