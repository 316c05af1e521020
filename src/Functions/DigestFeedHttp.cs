using System.Net;
using Ingest.Domain.Watches;
using Ingest.Infrastructure.Channels;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Logging;

namespace Ingest.Functions;

/// <summary>The Atom feed of recent digests: <c>/api/feeds/digests</c>, or <c>/api/feeds/digests/{watch}</c> for one watch.</summary>
public sealed class DigestFeedHttp(DigestFeed feed, ILogger<DigestFeedHttp> logger)
{
    [Function("DigestFeed")]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "feeds/digests/{watch?}")] HttpRequestData request,
        string? watch,
        CancellationToken cancellationToken)
    {
        if (watch is not null && !WatchId.IsValid(watch))
        {
            return request.CreateResponse(HttpStatusCode.NotFound);
        }

        var atom = await feed.RenderAsync(request.Url, watch, DigestFeed.DefaultEntries, cancellationToken);
        var response = request.CreateResponse(HttpStatusCode.OK);
        response.Headers.Add("Content-Type", "application/atom+xml; charset=utf-8");
        await response.WriteStringAsync(atom, cancellationToken);
        logger.LogInformation("Served the digest feed for {WatchId}", watch ?? "all watches");
        return response;
    }
}
