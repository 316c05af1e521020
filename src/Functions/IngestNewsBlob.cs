using Ingest.Domain.Ingestion;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Ingest.Functions;

/// <summary>
/// Parses each new blob in the inbox into an article record, or quarantines it with its reason.
/// Blob-created events arrive through Event Grid, the only blob trigger source Flex Consumption runs;
/// where there is no Event Grid (Azurite under <c>func start</c>) the <see cref="ReconcileInbox"/> sweep ingests new blobs.
/// </summary>
public sealed class IngestNewsBlob(NewsIngestion ingestion, ILogger<IngestNewsBlob> logger)
{
    [Function(nameof(IngestNewsBlob))]
    public async Task RunAsync([BlobTrigger("%InboxContainer%/{name}", Source = BlobTriggerSource.EventGrid)] Stream content, string name, CancellationToken cancellationToken)
    {
        var outcome = await ingestion.IngestAsync(name, content, cancellationToken);
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["ArticleId"] = outcome.ArticleId, ["WatchIds"] = outcome.Watches });
        logger.LogInformation("Ingested {BlobName}: {Outcome}", name, outcome);
    }
}
