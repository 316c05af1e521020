using Ingest.Domain.Digests;
using Microsoft.Extensions.Logging;

namespace Ingest.Infrastructure.Channels;

/// <summary>One readable log line per digest.</summary>
public sealed class LogDigestChannel(ILogger<LogDigestChannel> logger) : IDigestChannel
{
    public string Name => "log";

    public Task DeliverAsync(Digest digest, CancellationToken cancellationToken)
    {
        logger.LogInformation(
            "Digest {DigestId} for watch {WatchId}: {ItemCount} article(s), {HitCount} hit(s): {Titles}",
            digest.Id,
            digest.WatchId,
            digest.Items.Count,
            digest.TotalHits,
            string.Join(" | ", digest.Items.Take(5).Select(i => i.Title)));
        return Task.CompletedTask;
    }
}
