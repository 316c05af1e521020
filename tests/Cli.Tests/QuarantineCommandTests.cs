using System.Text;
using Ingest.Domain.Ingestion;
using Ingest.Infrastructure.Storage;
using Ingest.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Ingest.Cli.Tests;

public sealed class QuarantineCommandTests(AzuriteFixture azurite) : CliHarness(azurite, "cliq"), IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Replay_AfterTheCauseIsFixed_IngestsTheDropAndClearsItsQuarantineRow()
    {
        // Quarantined by a host with a tight size limit...
        var drop = Encoding.UTF8.GetBytes(new NewsDropBuilder().WithHeadline("Ferry report too long for the old limit", "Harbour Gazette").WithParagraph(new string('x', 3000) + " ferry").Build());
        var inbox = Services.GetRequiredService<StorageAccount>().Blobs.GetBlobContainerClient(Names.InboxContainer);
        await inbox.GetBlobClient("long report.txt").UploadAsync(new BinaryData(drop));
        await using (var strict = await IngestServices.CreateAsync(Azurite, Names, new Dictionary<string, string?> { ["Ingestion:MaxBlobBytes"] = "2048" }))
        {
            var first = await strict.GetRequiredService<NewsIngestion>().IngestAsync("long report.txt", new MemoryStream(drop), default);
            Assert.Equal(IngestionResult.Quarantined, first.Result);
        }

        var (listCode, listed, _) = await RunAsync("quarantine", "list");
        Assert.Equal(0, listCode);
        Assert.Contains("long report.txt\tThe file is larger than", listed, StringComparison.Ordinal);

        // ...and replayed with the default limit.
        var (code, output, _) = await RunAsync("quarantine", "replay", "long report.txt");
        var (again, secondOutput, _) = await RunAsync("quarantine", "replay", "--all");

        Assert.Equal(0, code);
        Assert.Contains("long report.txt: stored article", output, StringComparison.Ordinal);
        Assert.Empty(await Services.GetRequiredService<BlobQuarantine>().ListAsync(default));
        Assert.Equal(0, again);
        Assert.Contains("0 drop(s) replayed", secondOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_WithoutBlobOrAll_Fails()
    {
        var (code, _, error) = await RunAsync("quarantine", "replay");

        Assert.Equal(1, code);
        Assert.Contains("Give a blob name, or --all.", error, StringComparison.Ordinal);
    }
}
