using Ingest.Domain.Ingestion;
using Ingest.Infrastructure.Storage;
using Ingest.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Ingest.Infrastructure.Tests;

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class QuarantineTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly StorageNames names = AzuriteFixture.UniqueNames("qua");
    private ServiceProvider services = null!;

    public async Task InitializeAsync() => services = await IngestServices.CreateAsync(azurite, names);

    public async Task DisposeAsync() => await services.DisposeAsync();

    [Theory]
    [InlineData("binary.bin")]
    [InlineData("folder/with spaces/naïve #1?.dat")]
    public async Task Ingest_BinaryBlob_IsCopiedToQuarantineWithARowGivingTheReason(string blobName)
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[10] = 0;
        var blobs = services.GetRequiredService<StorageAccount>().Blobs;
        await blobs.GetBlobContainerClient(names.InboxContainer).GetBlobClient(blobName).UploadAsync(new BinaryData(bytes));

        var outcome = await services.GetRequiredService<NewsIngestion>().IngestAsync(blobName, new MemoryStream(bytes), default);
        await services.GetRequiredService<NewsIngestion>().IngestAsync(blobName, new MemoryStream(bytes), default); // a retry

        Assert.Equal(IngestionResult.Quarantined, outcome.Result);
        var row = Assert.Single(await services.GetRequiredService<BlobQuarantine>().ListAsync(default), r => r.BlobName == blobName);
        Assert.Contains("binary", row.Reason, StringComparison.Ordinal);
        Assert.NotNull(row.BlobETag);
        var copy = await blobs.GetBlobContainerClient(names.QuarantineContainer).GetBlobClient(row.QuarantineBlob).DownloadContentAsync();
        Assert.Equal(bytes, copy.Value.Content.ToArray());
    }

    [Fact]
    public async Task Ingest_BlobDeletedBeforeQuarantine_StillRecordsTheFailure()
    {
        var outcome = await services.GetRequiredService<NewsIngestion>().IngestAsync("gone.txt", new MemoryStream([]), default);

        Assert.Equal(IngestionResult.Quarantined, outcome.Result);
        var row = Assert.Single(await services.GetRequiredService<BlobQuarantine>().ListAsync(default), r => r.BlobName == "gone.txt");
        Assert.Equal("The file is empty.", row.Reason);
        Assert.Null(row.QuarantineBlob);
    }

    [Fact]
    public async Task Ingest_FeedWithABrokenItem_StoresTheRestAndQuarantinesTheItemByNumber()
    {
        const string blobName = "feeds/harbour.xml";
        var feed = System.Text.Encoding.UTF8.GetBytes(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbour Gazette</title>"
            + "<item><title>Pier reopens after storm repairs</title><description>The north pier reopened on Friday after six weeks of repairs.</description></item>"
            + "<item><title></title><description></description></item>"
            + "</channel></rss>");
        var blobs = services.GetRequiredService<StorageAccount>().Blobs;
        await blobs.GetBlobContainerClient(names.InboxContainer).GetBlobClient(blobName).UploadAsync(new BinaryData(feed));

        var outcome = await services.GetRequiredService<NewsIngestion>().IngestAsync(blobName, new MemoryStream(feed), default);

        Assert.Equal(IngestionResult.Stored, outcome.Result);
        Assert.Equal((1, 1), (outcome.StoredCount, outcome.QuarantinedCount));
        var row = Assert.Single(await services.GetRequiredService<BlobQuarantine>().ListAsync(default), r => r.BlobName == blobName);
        Assert.StartsWith("Item 2 of the rss file", row.Reason, StringComparison.Ordinal);
        var copy = await blobs.GetBlobContainerClient(names.QuarantineContainer).GetBlobClient(row.QuarantineBlob).DownloadContentAsync();
        Assert.Equal(feed, copy.Value.Content.ToArray());
        var stored = await services.GetRequiredService<TableArticleStore>().GetAsync(outcome.ArticleId!, default);
        Assert.Equal(("Pier reopens after storm repairs", "Harbour Gazette"), (stored!.Title, stored.Publisher));
    }
}
