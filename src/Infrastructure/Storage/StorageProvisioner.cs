using Microsoft.Extensions.Options;

namespace Ingest.Infrastructure.Storage;

/// <summary>Creates the containers, queue and tables the app uses when they are missing (Azurite, a new account).</summary>
public sealed class StorageProvisioner(StorageAccount account, IOptions<StorageNames> options)
{
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        var names = options.Value;
        var containers = new[] { names.InboxContainer, names.ArchiveContainer, names.QuarantineContainer, names.BodyContainer };
        var tables = new[] { names.ArticlesTable, names.HitsTable, names.WatchesTable, names.DigestStateTable, names.QuarantineTable, names.LedgerTable };
        await Task.WhenAll(
            containers.Select(c => account.Blobs.GetBlobContainerClient(c).CreateIfNotExistsAsync(cancellationToken: cancellationToken))
                .Cast<Task>()
                .Concat(tables.Select(t => account.Tables.CreateTableIfNotExistsAsync(t, cancellationToken)))
                .Append(account.Queues.GetQueueClient(names.DigestQueue).CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
    }
}
