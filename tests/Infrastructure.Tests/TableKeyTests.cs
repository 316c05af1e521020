using Azure.Data.Tables;
using CsCheck;
using Ingest.Infrastructure.Storage;
using Ingest.TestSupport;

namespace Ingest.Infrastructure.Tests;

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class TableKeyTests(AzuriteFixture azurite)
{
    [Fact]
    public void Encode_AnyString_IsAValidKeyThatRoundTripsOrIsHashed()
    {
        Gen.String[Gen.Char, 0, 1500].Sample(value =>
        {
            var key = TableKey.Encode(value);
            Assert.True(TableKey.IsValidKey(key), $"invalid key for input of length {value.Length}");
            Assert.True(key.Length <= TableKey.MaxLength);
            var decoded = TableKey.TryDecode(key);
            Assert.True(decoded is null ? key.Length > TableKey.MaxLength - 70 : decoded == value);
        });
    }

    [Fact]
    public void Encode_DistinctLongNamesSharingAPrefix_GiveDistinctKeys()
    {
        var prefix = new string('a', 2000);
        Assert.NotEqual(TableKey.Encode(prefix + "1"), TableKey.Encode(prefix + "2"));
        Assert.Null(TableKey.TryDecode(TableKey.Encode(prefix)));
    }

    [Theory]
    [InlineData("reports/2024/q1 summary.txt")]
    [InlineData("back\\slash #hash ?query")]
    [InlineData("tab\tand\u0001control\u007f")]
    [InlineData("Zürich – café ’quotes’ 東京 🚀.txt")]
    [InlineData("it's 'quoted' and \"double\"")]
    public async Task Encode_BlobNames_WorkAsKeysInTableStorage(string blobName)
    {
        var table = azurite.Account.Tables.GetTableClient("keys" + Guid.NewGuid().ToString("n")[..10]);
        await table.CreateIfNotExistsAsync();
        var key = TableKey.Encode(blobName);

        await table.AddEntityAsync(new TableEntity(key, key) { ["BlobName"] = blobName });
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {key}");
        var found = await table.QueryAsync<TableEntity>(filter).SingleAsync();

        Assert.Equal(blobName, found.GetString("BlobName"));
        Assert.Equal(blobName, TableKey.TryDecode(found.PartitionKey));
    }

    [Fact]
    public async Task Encode_ThousandCharacterBlobName_WorksAsAKey()
    {
        var blobName = string.Concat(Enumerable.Repeat("folder/näme #", 80));
        var table = azurite.Account.Tables.GetTableClient("keys" + Guid.NewGuid().ToString("n")[..10]);
        await table.CreateIfNotExistsAsync();
        var key = TableKey.Encode(blobName);

        await table.AddEntityAsync(new TableEntity(key, "row"));
        var found = await table.GetEntityAsync<TableEntity>(key, "row");

        Assert.Equal(key, found.Value.PartitionKey);
    }
}
