using Ingest.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ingest.LocalHost;

/// <summary>Tells the person who started the host where to drop files and where results land.</summary>
public sealed class StartupBanner(IOptions<StorageNames> names, IConfiguration configuration, ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var n = names.Value;
        logger.LogInformation(
            "Ingest is running. Drop news files into blob container '{Inbox}', e.g. az storage blob upload --connection-string \"$AZURE_STORAGE_CONNECTION_STRING\" -c {Inbox} -f article.txt -n article.txt. "
            + "Articles land in table '{Articles}', keyword hits in '{Hits}', quarantined drops in '{Quarantine}'; digests ({Schedule}) in container '{Archive}', queue '{Queue}' and the Atom feed {FeedUrl}/api/feeds/digests.",
            n.InboxContainer,
            n.InboxContainer,
            n.ArticlesTable,
            n.HitsTable,
            n.QuarantineTable,
            configuration["DigestSchedule"],
            n.ArchiveContainer,
            n.DigestQueue,
            configuration["FeedUrl"]?.TrimEnd('/'));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
