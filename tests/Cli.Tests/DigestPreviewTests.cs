using System.Text;
using Ingest.Domain.Digests;
using Ingest.Domain.Ingestion;
using Ingest.Domain.Watches;
using Ingest.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ingest.Cli.Tests;

public sealed class DigestPreviewTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private readonly Infrastructure.Storage.StorageNames names = AzuriteFixture.UniqueNames("cli");
    private ServiceProvider services = null!;
    private IConfiguration configuration = null!;

    public async Task InitializeAsync()
    {
        services = await IngestServices.CreateAsync(azurite, names);
        var settings = AzuriteFixture.AsSettings(names);
        settings["AzureWebJobsStorage"] = azurite.ConnectionString;
        configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        await services.GetRequiredService<IWatchStore>().UpsertAsync(WatchBuilder.Keywords("ferries", "ferry"), default);
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
    }

    [Fact]
    public async Task Preview_ShowsTheNextDigestWithoutClaimingItsHits()
    {
        var text = new NewsDropBuilder().WithHeadline("Ferry fares frozen for winter", "Harbour Gazette").Build();
        await services.GetRequiredService<NewsIngestion>().IngestAsync("fares.txt", new MemoryStream(Encoding.UTF8.GetBytes(text)), default);

        var (code, output, _) = await RunAsync("digest", "preview", "ferries");
        var (jsonCode, json, _) = await RunAsync("digest", "preview", "ferries", "--format", "json");

        Assert.Equal(0, code);
        Assert.Contains("## Ferry fares frozen for winter", output, StringComparison.Ordinal);
        Assert.Equal(0, jsonCode);
        Assert.Equal("Ferry fares frozen for winter", Assert.Single(DigestJson.Deserialize(json).Items).Title);
        Assert.Single(await services.GetRequiredService<IHitIndex>().ListPendingAsync("ferries", 10, default)); // still pending
        Assert.Empty(await services.GetRequiredService<IDigestStateStore>().ListUnfinishedAsync("ferries", default));
    }

    [Fact]
    public async Task Preview_WithNoNewHits_SaysNoDigestWouldBeSent()
    {
        var (code, output, _) = await RunAsync("digest", "preview", "ferries");

        Assert.Equal(0, code);
        Assert.Contains("No new hits for watch 'ferries'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_UnknownWatch_FailsNamingIt()
    {
        var (code, _, error) = await RunAsync("digest", "preview", "no-such-watch");

        Assert.Equal(1, code);
        Assert.Contains("No watch 'no-such-watch'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchList_ShowsEachWatchWithItsCadence()
    {
        var (code, output, _) = await RunAsync("watch", "list");

        Assert.Equal(0, code);
        Assert.Contains("ferries\tenabled\tas-it-happens\tferry", output, StringComparison.Ordinal);
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await IngestCli.RunAsync(args, output, error, configuration);
        return (code, output.ToString(), error.ToString());
    }
}
