using Ingest.Domain.Matching;
using Ingest.Domain.Watches;
using Ingest.Infrastructure.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ingest.Infrastructure;

/// <summary>At host start: make sure storage exists, seed the configured watches, and warn about stored watches whose expression does not parse.</summary>
public sealed class IngestStartup(StorageProvisioner provisioner, WatchSeeding seeding, IWatchStore watches, ILogger<IngestStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await provisioner.EnsureCreatedAsync(cancellationToken);
        var seeded = await seeding.SeedAsync(cancellationToken);
        var all = await watches.ListAsync(cancellationToken);
        logger.LogInformation(
            "Storage ready; {WatchCount} watch(es): {Watches}; newly seeded: {Seeded}",
            all.Count,
            string.Join(", ", all.Select(w => w.Enabled ? w.Id : w.Id + " (disabled)")),
            seeded.Count == 0 ? "none" : string.Join(", ", seeded));
        foreach (var watch in all.Where(w => w.Enabled))
        {
            if (!WatchExpression.TryParse(watch.Expression, out _, out var error))
            {
                logger.LogWarning("Watch {WatchId} is skipped: its expression {Expression} is invalid: {Error}", watch.Id, watch.Expression, error!.Message);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
