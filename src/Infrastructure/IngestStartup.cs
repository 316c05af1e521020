using Ingest.Domain.Watches;
using Ingest.Infrastructure.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ingest.Infrastructure;

/// <summary>At host start: make sure storage exists, then seed the configured watches.</summary>
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
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
