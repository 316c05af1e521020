using Ingest.Domain.Ingestion;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Ingest.Functions;

/// <summary>On its schedule, ingests any inbox blob the blob trigger missed (a lost event, a blob older than the app).</summary>
public sealed class ReconcileInbox(InboxReconciler reconciler, ILogger<ReconcileInbox> logger)
{
    [Function(nameof(ReconcileInbox))]
    public async Task RunAsync([TimerTrigger("%ReconcileSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var summary = await reconciler.ReconcileAsync(cancellationToken);
        logger.LogInformation("Inbox reconciliation: {Summary}", summary);
    }
}
