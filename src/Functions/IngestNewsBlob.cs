using Ingest.Domain.Ingestion;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Ingest.Functions;

/// <summary>Parses each new blob in the inbox into an article record, or quarantines it with its reason.</summary>
public sealed class IngestNewsBlob(NewsIngestion ingestion, ILogger<IngestNewsBlob> logger)
{
    [Function(nameof(IngestNewsBlob))]
    public async Task RunAsync([BlobTrigger("%InboxContainer%/{name}")] Stream content, string name, CancellationToken cancellationToken)
    {
        var outcome = await ingestion.IngestAsync(name, content, cancellationToken);
        logger.LogInformation("Ingested {BlobName}: {Outcome}", name, outcome);
    }
}
