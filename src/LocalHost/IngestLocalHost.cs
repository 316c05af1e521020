using Ingest.Infrastructure;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ingest.LocalHost;

/// <summary>
/// The Functions app's triggers on the WebJobs SDK: the real blob trigger extension (receipts,
/// retries, poison queue) and an NCrontab-scheduled digest timer, with the same settings and services.
/// </summary>
public static class IngestLocalHost
{
    /// <summary>Pinned so that a renamed assembly keeps its blob receipts instead of re-processing every blob.</summary>
    public const string HostId = "ingest-localhost";

    public static IHostBuilder CreateBuilder(string[] args) =>
        Host.CreateDefaultBuilder(args)
            .UseContentRoot(AppContext.BaseDirectory)
            .ConfigureAppConfiguration(config => config.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Defaults }))
            .ConfigureWebJobs(webJobs =>
            {
                webJobs.UseHostId(HostId);
                webJobs.AddAzureStorageCoreServices();
                webJobs.AddAzureStorageBlobs();
            })
            .ConfigureWebHost(FeedEndpoint.Configure)
            .ConfigureLogging(logging =>
            {
                logging.ClearProviders();
                logging.AddSimpleConsole(console =>
                {
                    console.SingleLine = true;
                    console.TimestampFormat = "HH:mm:ss ";
                });
            })
            .ConfigureServices((context, services) =>
            {
                services.AddIngest(context.Configuration);
                services.AddOptions<Schedules>().Bind(context.Configuration).ValidateOnStart();
                services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<Schedules>, Schedules.Validator>();
                services.AddHostedService<EmitDigests>();
                services.AddHostedService<ReconcileInbox>();
                services.AddHostedService<StartupBanner>();
            });

    /// <summary>Settings a fresh clone runs with: Azurite, the default inbox, an hourly digest.</summary>
    private static readonly Dictionary<string, string?> Defaults = new()
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        ["InboxContainer"] = "news-inbox",
        ["DigestSchedule"] = "0 0 * * * *",
        ["ReconcileSchedule"] = "0 */5 * * * *",
        ["FeedUrl"] = "http://127.0.0.1:7080",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Ingest"] = "Information",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Information",
        // The blob trigger polls for queues and containers that may not exist yet; those 404s are expected.
        ["Logging:LogLevel:Azure"] = "Error",
    };
}
