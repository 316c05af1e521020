using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Ingest.Domain.Digests;
using Ingest.Domain.Matching;
using Ingest.Domain.Watches;

namespace Ingest.Infrastructure.Storage;

/// <summary>Watches, one row each in partition <c>watch</c>. Legacy keyword rows read as OR expressions.</summary>
public sealed class TableWatchStore(TableClient table) : IWatchStore
{
    public async Task<IReadOnlyList<Watch>> ListAsync(CancellationToken cancellationToken)
    {
        var watches = new List<Watch>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {WatchEntity.Partition}");
        await foreach (var row in table.QueryAsync<WatchEntity>(filter, cancellationToken: cancellationToken))
        {
            watches.Add(ToWatch(row));
        }

        return watches;
    }

    public async Task<bool> AddIfMissingAsync(Watch watch, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(ToEntity(watch), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public Task UpsertAsync(Watch watch, CancellationToken cancellationToken) =>
        table.UpsertEntityAsync(ToEntity(watch), TableUpdateMode.Replace, cancellationToken);

    public async Task<bool> RemoveAsync(string watchId, CancellationToken cancellationToken)
    {
        var response = await table.DeleteEntityAsync(WatchEntity.Partition, watchId, ETag.All, cancellationToken);
        return response.Status != 404;
    }

    /// <summary>Rows written before expressions have only <c>KeywordsJson</c>: any keyword hits, so they read as <c>a OR b</c>.</summary>
    private static Watch ToWatch(WatchEntity row) => new(
        row.RowKey,
        row.Name,
        row.Expression ?? WatchExpression.FromKeywords(JsonSerializer.Deserialize<List<string>>(row.KeywordsJson ?? "[]") ?? []),
        row.Enabled,
        row.MinimumHits ?? 1)
    {
        Cadence = DigestCadence.Parse(row.Cadence),
    };

    private static WatchEntity ToEntity(Watch watch) => new()
    {
        RowKey = watch.Id,
        Name = watch.Name,
        Expression = watch.Expression,
        Enabled = watch.Enabled,
        Cadence = watch.Cadence == DigestCadence.AsItHappens ? null : watch.Cadence.ToString(),
        MinimumHits = watch.MinimumHits,
    };
}
