using Ingest.Domain.Digests;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ingest.LocalHost;

/// <summary>The EmitDigests timer: runs the digest on <c>DigestSchedule</c>. A failed run is logged and retried at the next tick.</summary>
public sealed class DigestTimer(DigestRunner digests, IOptions<DigestScheduleOptions> schedule, TimeProvider time, ILogger<DigestTimer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var next = schedule.Value.Next(now);
            await Task.Delay(next - now, time, stoppingToken);
            try
            {
                var summary = await digests.RunAsync(stoppingToken);
                logger.LogInformation("Digest run: {Summary}", summary);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Digest run failed; it will be retried at the next tick: {Reason}", ex.Message);
            }
        }
    }
}
