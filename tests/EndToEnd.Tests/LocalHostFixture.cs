using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Ingest.Infrastructure.Storage;
using Ingest.LocalHost;
using Ingest.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ingest.EndToEnd.Tests;

/// <summary>
/// The LocalHost app as users run it — the WebJobs blob trigger and the digest timer — on a real
/// Azurite, with containers, queue and tables of its own. The digest timer ticks every two seconds,
/// and the reconciliation sweep every five, taking blobs the trigger has left for fifteen.
/// </summary>
public sealed class LocalHostFixture : IAsyncLifetime
{
    public const string DigestInterval = "00:00:02";
    private readonly AzuriteFixture azurite = new();
    private IHost? host;

    public StorageNames Names { get; } = AzuriteFixture.UniqueNames("e2e");

    public StorageAccount Account => azurite.Account;

    /// <summary>Where LocalHost serves the Atom feed of digests.</summary>
    public Uri FeedBase { get; } = new($"http://127.0.0.1:{FreePort()}/");

    public IServiceProvider Services => host!.Services;

    public BlobContainerClient Inbox => Account.Blobs.GetBlobContainerClient(Names.InboxContainer);

    public BlobContainerClient Archive => Account.Blobs.GetBlobContainerClient(Names.ArchiveContainer);

    public TableClient Table(Func<StorageNames, string> name) => Account.Tables.GetTableClient(name(Names));

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        var settings = AzuriteFixture.AsSettings(Names);
        settings["AzureWebJobsStorage"] = azurite.ConnectionString;
        settings["DigestSchedule"] = DigestInterval;
        settings["ReconcileSchedule"] = "00:00:05";
        settings["Reconcile:Grace"] = "00:00:15";
        settings["FeedUrl"] = FeedBase.ToString();
        host = IngestLocalHost.CreateBuilder([])
            .ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings))
            .Build();
        await host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.StopAsync(TimeSpan.FromSeconds(10));
            host.Dispose();
        }

        await azurite.DisposeAsync();
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Polls until <paramref name="probe"/> returns a value, or fails the test after <paramref name="seconds"/>.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, string what, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {seconds} s for {what}.");
            }

            await Task.Delay(250);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class LocalHostCollectionDefinition : ICollectionFixture<LocalHostFixture>
{
    public const string Name = "LocalHost";
}
