using Ingest.Domain.Digests;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Ingest.Functions;

/// <summary>On the digest schedule, sends one digest per watch with new hits.</summary>
public sealed class EmitDigests(DigestRunner digests, ILogger<EmitDigests> logger)
{
    [Function(nameof(EmitDigests))]
    public async Task RunAsync([TimerTrigger("%DigestSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var summary = await digests.RunAsync(cancellationToken);
        logger.LogInformation("Digest run: {Summary}", summary);
    }
}
