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
}
