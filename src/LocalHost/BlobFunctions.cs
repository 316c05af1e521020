using Ingest.Domain.Ingestion;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Logging;

namespace Ingest.LocalHost;

/// <summary>The same blob trigger as the Functions app, on the WebJobs SDK blob extension.</summary>
public sealed class BlobFunctions(NewsIngestion ingestion, ILogger<BlobFunctions> logger)
{
    [FunctionName("IngestNewsBlob")]
    public async Task IngestNewsBlobAsync([BlobTrigger("%InboxContainer%/{name}")] Stream content, string name, CancellationToken cancellationToken)
    {
        var outcome = await ingestion.IngestAsync(name, content, cancellationToken);
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["ArticleId"] = outcome.ArticleId, ["WatchIds"] = outcome.Watches });
        logger.LogInformation("Ingested {BlobName}: {Outcome}", name, outcome);
    }
}
