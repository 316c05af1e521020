using Ingest.Domain.Digests;
using Ingest.Domain.Ingestion;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ingest.LocalHost;

/// <summary>A timer trigger: runs on its schedule; a failed run is logged and retried at the next tick.</summary>
public abstract class ScheduledTrigger(Func<Schedules, string> schedule, IOptions<Schedules> schedules, TimeProvider time, ILogger logger) : BackgroundService
{
    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            await Task.Delay(Schedules.Next(schedule(schedules.Value), now) - now, time, stoppingToken);
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "{Trigger} failed; it runs again at the next tick: {Reason}", GetType().Name, ex.Message);
            }
        }
    }
}

/// <summary>EmitDigests: one digest per watch with new hits, on <c>DigestSchedule</c>.</summary>
public sealed class EmitDigests(DigestRunner digests, IOptions<Schedules> schedules, TimeProvider time, ILogger<EmitDigests> logger)
    : ScheduledTrigger(s => s.DigestSchedule, schedules, time, logger)
{
    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var summary = await digests.RunAsync(cancellationToken);
        logger.LogInformation("Digest run: {Summary}", summary);
    }
}

/// <summary>ReconcileInbox: ingests inbox blobs the blob trigger missed, on <c>ReconcileSchedule</c>.</summary>
public sealed class ReconcileInbox(InboxReconciler reconciler, IOptions<Schedules> schedules, TimeProvider time, ILogger<ReconcileInbox> logger)
    : ScheduledTrigger(s => s.ReconcileSchedule, schedules, time, logger)
{
    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var summary = await reconciler.ReconcileAsync(cancellationToken);
        if (summary.Ingested.Count > 0 || summary.Failed.Count > 0)
        {
            logger.LogInformation("Inbox reconciliation: {Summary}", summary);
        }
    }
}
