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
            .Validate(SeedsAreValid, "Watches:Seed has an invalid watch: each needs a Name, at least one keyword, and an Id of lower-case letters, digits and hyphens.")
            .ValidateOnStart();

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

        services.TryAddSingleton<WatchCatalog>();
        services.TryAddSingleton<WatchSeeding>();
        services.TryAddSingleton<NewsIngestion>();
        services.TryAddSingleton<DigestRunner>();
        services.TryAddSingleton<InboxReconciler>();
        services.TryAddSingleton<StorageProvisioner>();
        services.AddHostedService<IngestStartup>();
        return services;
    }

    private static bool SeedsAreValid(WatchOptions options)
    {
        try
        {
            _ = options.SeedWatches();
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static Azure.Data.Tables.TableClient Table(IServiceProvider sp, Func<StorageNames, string> name) =>
        sp.GetRequiredService<StorageAccount>().Tables.GetTableClient(name(sp.GetRequiredService<IOptions<StorageNames>>().Value));

    private static Azure.Storage.Blobs.BlobContainerClient Container(IServiceProvider sp, Func<StorageNames, string> name) =>
        sp.GetRequiredService<StorageAccount>().Blobs.GetBlobContainerClient(name(sp.GetRequiredService<IOptions<StorageNames>>().Value));
}
