using System.Text;
using Ingest.Domain.Digests;
using Ingest.Domain.Ingestion;
using Ingest.Domain.Watches;
using Ingest.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Ingest.Cli.Tests;

public sealed class DigestPreviewTests(AzuriteFixture azurite) : CliHarness(azurite, "cli"), IClassFixture<AzuriteFixture>
{
    protected override Task ArrangeAsync() =>
        Services.GetRequiredService<IWatchStore>().UpsertAsync(WatchBuilder.Keywords("ferries", "ferry"), default);

    [Fact]
    public async Task Preview_ShowsTheNextDigestWithoutClaimingItsHits()
    {
        var text = new NewsDropBuilder().WithHeadline("Ferry fares frozen for winter", "Harbour Gazette").Build();
        await Services.GetRequiredService<NewsIngestion>().IngestAsync("fares.txt", new MemoryStream(Encoding.UTF8.GetBytes(text)), default);

        var (code, output, _) = await RunAsync("digest", "preview", "ferries");
        var (jsonCode, json, _) = await RunAsync("digest", "preview", "ferries", "--format", "json");

        Assert.Equal(0, code);
        Assert.Contains("## Ferry fares frozen for winter", output, StringComparison.Ordinal);
        Assert.Equal(0, jsonCode);
        Assert.Equal("Ferry fares frozen for winter", Assert.Single(DigestJson.Deserialize(json).Items).Title);
        Assert.Single(await Services.GetRequiredService<IHitIndex>().ListPendingAsync("ferries", 10, default)); // still pending
        Assert.Empty(await Services.GetRequiredService<IDigestStateStore>().ListUnfinishedAsync("ferries", default));
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

}
