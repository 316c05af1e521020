using System.Text;
using Ingest.Domain.Digests;
using Ingest.Domain.Ingestion;
using Ingest.Domain.Watches;
using Ingest.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Ingest.Cli.Tests;

public sealed class WatchCommandTests(AzuriteFixture azurite) : CliHarness(azurite, "cliw"), IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Add_ValidExpression_IsStoredWithItsCadenceAndCanBeRemoved()
    {
        var (code, _, addError) = await RunAsync("watch", "add", "shipping", "sanction* NEAR/5 vessel -\"sanctions relief\"", "--cadence", "daily 08:00 Europe/London", "--min-hits", "2");
        Assert.True(code == 0, addError);
        var stored = (await Services.GetRequiredService<IWatchStore>().ListAsync(default)).Single(w => w.Id == "shipping");
        var (again, _, duplicateError) = await RunAsync("watch", "add", "shipping", "ferry");
        var (removed, _, _) = await RunAsync("watch", "remove", "shipping");

        Assert.Equal(0, code);
        Assert.Equal(("sanction* NEAR/5 vessel -\"sanctions relief\"", "daily 08:00 Europe/London", 2), (stored.Expression, stored.Cadence.ToString(), stored.MinimumHits));
        Assert.Equal(1, again);
        Assert.Contains("exists; use --replace", duplicateError, StringComparison.Ordinal);
        Assert.Equal(0, removed);
        Assert.DoesNotContain(await Services.GetRequiredService<IWatchStore>().ListAsync(default), w => w.Id == "shipping");
    }

    [Fact]
    public async Task Add_BadExpression_FailsNamingThePositionAndStoresNothing()
    {
        var (code, _, error) = await RunAsync("watch", "add", "broken", "(sanctions OR");

        Assert.Equal(1, code);
        Assert.Contains("position", error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(await Services.GetRequiredService<IWatchStore>().ListAsync(default), w => w.Id == "broken");
    }

    [Fact]
    public async Task Test_ExpressionAgainstASeedFile_ExplainsEachHit()
    {
        var seed = Path.Combine(RepositoryPaths.Root, "seeds", "sample-sanctions.txt");

        var (code, output, _) = await RunAsync("watch", "test", "sanction", seed);
        var (missCode, miss, _) = await RunAsync("watch", "test", "\"export tariffs\"", seed);

        Assert.Equal(0, code);
        Assert.Contains("sample-sanctions.txt: MATCH", output, StringComparison.Ordinal);
        Assert.Contains("»sanctions«", output, StringComparison.Ordinal);
        Assert.Contains("»sanctioned«", output, StringComparison.Ordinal);
        Assert.Equal(3, missCode);
        Assert.Contains("no match", miss, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-hamas sanctions", "»sanctions«")]
    [InlineData("-h sanctions", "»sanctions«")]
    [InlineData("@un", "@»un«")]
    public async Task Test_ExpressionBeginningLikeAnOptionOrResponseFile_IsTheExpression(string expression, string marked)
    {
        // "-hamas" is a NOT, not the bundled options -h -a -m -a -s; "@un" a term, not a response file to read.
        var file = Path.Combine(Path.GetTempPath(), $"cli-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(file, "Ferry strike ends\n\nCrews returned.\n\nNew sanctions were named at the @un meeting.\n");
        try
        {
            var (code, output, error) = await RunAsync("watch", "test", expression, file);

            Assert.Equal(string.Empty, error);
            Assert.Equal(0, code);
            Assert.Contains(marked, output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Test_MissingFile_FailsNamingIt()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"cli-{Guid.NewGuid():N}.txt");

        var (code, _, error) = await RunAsync("watch", "test", "sanctions", missing);

        Assert.Equal(1, code);
        Assert.Contains(missing, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backfill_NewWatchOverStoredArticles_AddsEachHitOnce()
    {
        var text = new NewsDropBuilder().WithHeadline("Lighthouse keepers return to the cape", "Harbour Gazette").Build();
        await Services.GetRequiredService<NewsIngestion>().IngestAsync("cape.txt", new MemoryStream(Encoding.UTF8.GetBytes(text)), default);
        await RunAsync("watch", "add", "lighthouses", "lighthouse");

        var (code, output, _) = await RunAsync("watch", "backfill", "lighthouses");
        await RunAsync("watch", "backfill", "lighthouses", "--since", "2000-01-01T00:00:00Z");

        Assert.Equal(0, code);
        Assert.Contains("1 matched", output, StringComparison.Ordinal);
        var pending = await Services.GetRequiredService<IHitIndex>().ListPendingAsync("lighthouses", 10, default);
        Assert.Equal("Lighthouse keepers return to the cape", Assert.Single(pending).Title);
        var digest = await ActivatorUtilities.CreateInstance<DigestRunner>(Services).RunAsync(default);
        Assert.Single(digest.Delivered, d => d.WatchId == "lighthouses");
    }

}
