using Azure.Data.Tables;
using Ingest.Domain.Watches;
using Ingest.Infrastructure.Storage;
using Ingest.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Ingest.Infrastructure.Tests;

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class WatchStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly StorageNames names = AzuriteFixture.UniqueNames("wat");
    private ServiceProvider services = null!;

    public async Task InitializeAsync() => services = await IngestServices.CreateAsync(azurite, names);

    public async Task DisposeAsync() => await services.DisposeAsync();

    private IWatchStore Store => services.GetRequiredService<IWatchStore>();

    [Fact]
    public async Task Upsert_ExpressionWatch_RoundTrips()
    {
        var watch = new Watch("trade", "Trade", "sanctions NEAR/3 (russia) -title:relief", Enabled: false, MinimumHits: 2);

        await Store.UpsertAsync(watch, default);

        Assert.Contains(watch, await Store.ListAsync(default));
    }

    [Fact]
    public async Task List_LegacyKeywordRow_ReadsAsOrExpression()
    {
        var table = azurite.Account.Tables.GetTableClient(names.WatchesTable);
        var legacy = new TableEntity(WatchEntity.Partition, "legacy")
        {
            ["Name"] = "Legacy",
            ["KeywordsJson"] = "[\"ferries\",\"toll charges\"]",
            ["Enabled"] = true,
        };
        await table.AddEntityAsync(legacy);

        var watch = Assert.Single(await Store.ListAsync(default), w => w.Id == "legacy");

        Assert.Equal(new Watch("legacy", "Legacy", "ferries OR \"toll charges\""), watch);
    }

    [Fact]
    public async Task Upsert_OverLegacyRow_DropsTheKeywordList()
    {
        var table = azurite.Account.Tables.GetTableClient(names.WatchesTable);
        await table.AddEntityAsync(new TableEntity(WatchEntity.Partition, "old") { ["Name"] = "Old", ["KeywordsJson"] = "[\"ferries\"]", ["Enabled"] = true });

        await Store.UpsertAsync(new Watch("old", "Old", "ferry OR storm"), default);
        var row = await table.GetEntityAsync<TableEntity>(WatchEntity.Partition, "old");

        Assert.False(row.Value.ContainsKey("KeywordsJson"));
        Assert.Equal("ferry OR storm", row.Value.GetString("Expression"));
    }
}
