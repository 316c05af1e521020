using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Ingest.Domain;
using Ingest.Domain.Digests;
using Ingest.Domain.Ingestion;
using Ingest.Domain.Parsing;
using Ingest.Domain.Watches;
using Ingest.Infrastructure.Channels;
using Ingest.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Microsoft.Extensions.Options;

namespace Ingest.Infrastructure;

/// <summary>The one DI entry point: both hosts (Functions and LocalHost) call <see cref="AddIngest(IHostApplicationBuilder)"/>.</summary>
public static class IngestServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddIngest(this IHostApplicationBuilder builder)
    {
        builder.Services.AddIngest(builder.Configuration);
        return builder;
    }

    public static IServiceCollection AddIngest(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageNames>().Bind(configuration).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ReconcileOptions>().BindConfiguration(ReconcileOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WatchOptions>()
            .BindConfiguration(WatchOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WatchOptions>, WatchSeedValidation>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => StorageAccount.FromConfiguration(configuration));
        services.TryAddSingleton(BoilerplateRules.Default);
        services.TryAddSingleton<PlainTextNewsParser>();
        services.TryAddSingleton<HtmlNewsParser>();
        services.TryAddSingleton<NewsDocumentParser>();

        services.TryAddSingleton<IArticleStore>(sp => sp.GetRequiredService<TableArticleStore>());
        services.TryAddSingleton(sp => new TableArticleStore(Table(sp, n => n.ArticlesTable), Container(sp, n => n.BodyContainer)));
        services.TryAddSingleton<IHitIndex>(sp => new TableHitIndex(Table(sp, n => n.HitsTable)));
        services.TryAddSingleton<IWatchStore>(sp => new TableWatchStore(Table(sp, n => n.WatchesTable)));
        services.TryAddSingleton(sp => new TableDigestStateStore(Table(sp, n => n.DigestStateTable), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IDigestStateStore>(sp => sp.GetRequiredService<TableDigestStateStore>());
        services.TryAddSingleton(sp => new BlobQuarantine(Table(sp, n => n.QuarantineTable), Container(sp, n => n.InboxContainer), Container(sp, n => n.QuarantineContainer)));
        services.TryAddSingleton<IQuarantine>(sp => sp.GetRequiredService<BlobQuarantine>());
        services.TryAddSingleton<IInboxLedger>(sp => new TableInboxLedger(Table(sp, n => n.LedgerTable)));
        services.TryAddSingleton<IInbox>(sp => new BlobInbox(Container(sp, n => n.InboxContainer)));

        services.AddSingleton<IDigestChannel>(sp => new ArchiveDigestChannel(Container(sp, n => n.ArchiveContainer)));
        services.AddSingleton<IDigestChannel>(sp => new QueueDigestChannel(
            sp.GetRequiredService<StorageAccount>().Queues.GetQueueClient(sp.GetRequiredService<IOptions<StorageNames>>().Value.DigestQueue)));
        services.AddSingleton<IDigestChannel, LogDigestChannel>();
        AddConfiguredChannels(services, configuration);

        services.TryAddSingleton(sp => new DigestFeed(Container(sp, n => n.ArchiveContainer), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new QuarantineReplay(
            sp.GetRequiredService<BlobQuarantine>(), Container(sp, n => n.InboxContainer), Container(sp, n => n.QuarantineContainer),
            sp.GetRequiredService<NewsIngestion>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<WatchCatalog>();
        services.TryAddSingleton(sp => new WatchBackfill(sp.GetRequiredService<TableArticleStore>(), sp.GetRequiredService<IHitIndex>()));
        services.TryAddSingleton<WatchSeeding>();
        services.TryAddSingleton<NewsIngestion>();
        services.TryAddSingleton<DigestRunner>();
        services.TryAddSingleton<InboxReconciler>();
        services.TryAddSingleton<StorageProvisioner>();
        services.AddHostedService<IngestStartup>();
        AddTelemetry(services, configuration);
        return services;
    }

    /// <summary>
    /// OpenTelemetry for the app's meter, exported to Application Insights when
    /// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set, authenticating with the storage identity's
    /// managed identity when one is configured (local auth is disabled on the deployed resource).
    /// </summary>
    private static void AddTelemetry(IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(IngestMetrics.MeterName));
        var connectionString = configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return;
        }

        var clientId = configuration[$"{StorageNames.ConnectionSetting}:clientId"];
        telemetry.UseAzureMonitorExporter(options =>
        {
            options.ConnectionString = connectionString;
            if (!string.IsNullOrWhiteSpace(clientId))
            {
                options.Credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
            }
        });
    }

    /// <summary>Webhook and email channels from the <c>Channels</c> section; webhooks share one resilient HttpClient.</summary>
    private static void AddConfiguredChannels(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ChannelOptions>()
            .BindConfiguration(ChannelOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.Webhooks.All(w => w.Url is { IsAbsoluteUri: true } u && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp)), "Channels:Webhooks: every webhook needs an absolute http(s) Url.")
            .Validate(o => o.Email.All(e => e.To.Count > 0), "Channels:Email: every email channel needs at least one To address.")
            .Validate(o => o.Webhooks.Select(w => w.Name).Concat(o.Email.Select(e => e.Name)).GroupBy(n => n).All(g => g.Count() == 1), "Channels: channel names must be unique.")
            .ValidateOnStart();

        var channels = configuration.GetSection(ChannelOptions.SectionName).Get<ChannelOptions>() ?? new ChannelOptions();
        services.AddHttpClient(WebhookClient)
            .AddResilienceHandler("webhooks", (pipeline, context) =>
            {
                var o = context.ServiceProvider.GetRequiredService<IOptions<ChannelOptions>>().Value;
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(1, o.WebhookRetries),
                    Delay = o.WebhookRetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldHandle = args => ValueTask.FromResult(o.WebhookRetries > 0 && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                });
                pipeline.AddTimeout(o.WebhookAttemptTimeout);
            });
        for (var i = 0; i < channels.Webhooks.Count; i++)
        {
            var index = i;
            services.AddSingleton<IDigestChannel>(sp => new WebhookDigestChannel(
                sp.GetRequiredService<IOptions<ChannelOptions>>().Value.Webhooks[index],
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(WebhookClient)));
        }

        for (var i = 0; i < channels.Email.Count; i++)
        {
            var index = i;
            services.AddSingleton<IDigestChannel>(sp => new EmailDigestChannel(sp.GetRequiredService<IOptions<ChannelOptions>>().Value.Email[index]));
        }
    }

    private const string WebhookClient = "ingest-webhooks";

    private static Azure.Data.Tables.TableClient Table(IServiceProvider sp, Func<StorageNames, string> name) =>
        sp.GetRequiredService<StorageAccount>().Tables.GetTableClient(name(sp.GetRequiredService<IOptions<StorageNames>>().Value));

    private static Azure.Storage.Blobs.BlobContainerClient Container(IServiceProvider sp, Func<StorageNames, string> name) =>
        sp.GetRequiredService<StorageAccount>().Blobs.GetBlobContainerClient(name(sp.GetRequiredService<IOptions<StorageNames>>().Value));
}
