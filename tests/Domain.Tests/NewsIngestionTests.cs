using System.Text;
using Ingest.Domain.Ingestion;
using Ingest.Domain.Parsing;
using Ingest.Domain.Watches;
using Microsoft.Extensions.Options;

namespace Ingest.Domain.Tests;

public sealed class NewsIngestionTests : IngestionTestBase
{
    public NewsIngestionTests()
        : base(WatchBuilder.Named("ferries", "ferry"), WatchBuilder.Named("storms", "storm"))
    {
        options.MaxBlobBytes = 4096;
    }

    [Fact]
    public async Task Ingest_NewArticle_StoresItAndIndexesHits()
    {
        var outcome = await Ingest("inbox/a.txt", new NewsDropBuilder().Build());

        Assert.Equal(IngestionResult.Stored, outcome.Result);
        Assert.Equal(NewsDropBuilder.DefaultHeadline, outcome.Title);
        Assert.Equal(["ferries"], outcome.Watches);
        Assert.Equal(NewsDropBuilder.DefaultHeadline, articles.Article(outcome.ArticleId!).Title);
        var hit = Assert.Single(hits.All);
        Assert.Equal(("ferries", outcome.ArticleId, "inbox/a.txt", time.GetUtcNow()), (hit.WatchId, (string?)hit.ArticleId, hit.SourceBlob, hit.IngestedAt));
        Assert.Equal(NewsDropBuilder.DefaultHeadline, hit.Title);
        Assert.NotEmpty(hit.Hits);
        Assert.Empty(quarantine.Failures);
        Assert.Contains("stored article", outcome.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_ExpressionWatches_IndexOnlyThoseThatHoldWithEnoughHits()
    {
        var store = new InMemoryWatchStore(
            new Watch("toll-rows", "Toll rows", "title:toll* OR \"toll charges\" -storm"),
            new Watch("near", "Near", "ferry NEAR/3 fares"),
            new Watch("often", "Often", "ferry", MinimumHits: 3));
        using var expressions = new WatchCatalog(store, time, Options.Create(new WatchOptions()));
        var ingest = new NewsIngestion(new NewsDocumentParser(), articles, hits, quarantine, ledger, expressions, time, Options.Create(options));
        var drop = new NewsDropBuilder().WithHeadline("Tolls to rise on harbour crossing").WithStandfirst(null)
            .WithParagraphs("New toll charges start in May.", "The ferry will keep its fares.").Build();

        var outcome = await ingest.IngestAsync("tolls.txt", new MemoryStream(Encoding.UTF8.GetBytes(drop)), CancellationToken.None);

        Assert.Equal(["toll-rows", "near"], outcome.Watches);
        var tolls = Assert.Single(hits.All, h => h.WatchId == "toll-rows");
        Assert.Equal(["toll*", "\"toll charges\""], tolls.Hits.Select(h => h.Keyword));
        Assert.Equal(["ferry", "fares"], Assert.Single(hits.All, h => h.WatchId == "near").Hits.Select(h => h.Keyword));
    }

    [Fact]
    public async Task Ingest_ArticleHittingNoWatch_StoresItWithoutHits()
    {
        var outcome = await Ingest("a.txt", new NewsDropBuilder().WithHeadline("Library opens late on Thursdays").WithStandfirst(null)
            .WithParagraphs("The library will stay open until nine.", "Readers asked for it.").Build());

        Assert.Equal(IngestionResult.Stored, outcome.Result);
        Assert.Empty(outcome.Watches);
        Assert.Equal(1, articles.Count);
        Assert.Equal(0, hits.Count);
    }

    [Fact]
    public async Task Ingest_SameContentUnderAnotherName_IsDuplicateWithoutSecondHit()
    {
        var first = await Ingest("a.txt", new NewsDropBuilder().Build());
        time.Advance(TimeSpan.FromMinutes(5));

        var second = await Ingest("b.txt", new NewsDropBuilder().BlankLineSeparated().WithLineEnding("\r\n").Build());

        Assert.Equal(IngestionResult.Duplicate, second.Result);
        Assert.Equal(first.ArticleId, second.ArticleId);
        Assert.Equal(1, articles.Count);
        Assert.Equal(["a.txt", "b.txt"], articles.Sources(first.ArticleId!).Select(s => s.BlobName));
        var hit = Assert.Single(hits.All);
        Assert.Equal("a.txt", hit.SourceBlob);
    }

    [Fact]
    public async Task Ingest_SameBlobAgain_IsDuplicateAndAddsNothing()
    {
        var first = await Ingest("a.txt", new NewsDropBuilder().Build());

        var again = await Ingest("a.txt", new NewsDropBuilder().Build());

        Assert.Equal(IngestionResult.Duplicate, again.Result);
        Assert.Single(articles.Sources(first.ArticleId!));
        Assert.Equal(1, hits.Count);
    }

    [Fact]
    public async Task Ingest_Binary_IsQuarantinedWithReason()
    {
        byte[] bytes = [0x89, .. "PNG"u8, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D];

        var outcome = await Ingest("image.txt", bytes);

        Assert.Equal(IngestionResult.Quarantined, outcome.Result);
        Assert.Contains("binary", outcome.Reason, StringComparison.OrdinalIgnoreCase);
        var failure = Assert.Single(quarantine.Failures);
        Assert.Equal(("image.txt", (long)bytes.Length, outcome.Reason, time.GetUtcNow()), (failure.BlobName, failure.Size, (string?)failure.Reason, failure.FailedAt));
        Assert.Matches("^[0-9a-f]{32}$", failure.Fingerprint);
        Assert.Equal(0, articles.Count);
        Assert.Equal(0, hits.Count);
    }

    [Fact]
    public async Task Ingest_TextThatIsNotAnArticle_IsQuarantinedWithParseReason()
    {
        var outcome = await Ingest("headline-only.txt", "Just a headline\n\n");

        Assert.Equal(IngestionResult.Quarantined, outcome.Result);
        Assert.Equal(new PlainTextNewsParser().Parse("Just a headline\n\n").Error, outcome.Reason);
        Assert.Single(quarantine.Failures);
        Assert.Equal(0, articles.Count);
    }

    [Fact]
    public async Task Ingest_EmptyFile_IsQuarantined()
    {
        var outcome = await Ingest("empty.txt", []);

        Assert.Equal(IngestionResult.Quarantined, outcome.Result);
        Assert.Equal(NewsTextDecoder.Decode([]).Error, outcome.Reason);
    }

    [Fact]
    public async Task Ingest_LargerThanMaxBlobBytes_IsQuarantinedWithoutParsing()
    {
        var text = new NewsDropBuilder().AddParagraph(new string('x', (int)options.MaxBlobBytes)).Build();

        var outcome = await Ingest("huge.txt", text);

        Assert.Equal(IngestionResult.Quarantined, outcome.Result);
        Assert.Contains("MaxBlobBytes", outcome.Reason, StringComparison.Ordinal);
        var failure = Assert.Single(quarantine.Failures);
        Assert.True(failure.Size > options.MaxBlobBytes);
        Assert.Equal(Encoding.UTF8.GetByteCount(text), failure.Size);
        Assert.Equal(0, articles.Count);
    }

    [Fact]
    public async Task Ingest_ExactlyMaxBlobBytes_IsIngested()
    {
        var text = new NewsDropBuilder().Build();
        options.MaxBlobBytes = Encoding.UTF8.GetByteCount(text);

        Assert.Equal(IngestionResult.Stored, (await Ingest("a.txt", text)).Result);
    }

    [Fact]
    public async Task Ingest_CrashBeforeHitsWritten_RerunIndexesHitsOnce()
    {
        hits.CrashOnNextAdd = true;
        await Assert.ThrowsAsync<SimulatedCrashException>(() => Ingest("a.txt", new NewsDropBuilder().Build()));
        Assert.Equal(1, articles.Count);
        Assert.Equal(0, hits.Count);

        var retry = await Ingest("a.txt", new NewsDropBuilder().Build());
        var after = await Ingest("a.txt", new NewsDropBuilder().Build());

        Assert.Equal(["ferries"], retry.Watches);
        Assert.Equal(1, hits.Count);
        Assert.Empty(after.Watches);
        Assert.Equal(1, hits.Count);
    }

    [Fact]
    public async Task Ingest_CrashAfterHitsWrittenBeforeMarked_RerunLeavesOneHit()
    {
        articles.CrashOnNextMarkHitsIndexed = true;
        await Assert.ThrowsAsync<SimulatedCrashException>(() => Ingest("a.txt", new NewsDropBuilder().Build()));
        Assert.Equal(1, hits.Count);

        var retry = await Ingest("a.txt", new NewsDropBuilder().Build());
        var after = await Ingest("a.txt", new NewsDropBuilder().Build());

        Assert.Equal(["ferries"], retry.Watches);
        Assert.Equal(1, hits.Count);
        Assert.Empty(after.Watches);
    }

    [Fact]
    public async Task Ingest_RedropAfterCrash_IndexesHitsWithFirstIngestionTime()
    {
        var firstSeen = time.GetUtcNow();
        hits.CrashOnNextAdd = true;
        await Assert.ThrowsAsync<SimulatedCrashException>(() => Ingest("a.txt", new NewsDropBuilder().Build()));
        time.Advance(TimeSpan.FromHours(1));

        await Ingest("b.txt", new NewsDropBuilder().Build());

        var hit = Assert.Single(hits.All);
        Assert.Equal(firstSeen, hit.IngestedAt);
    }

    [Fact]
    public async Task Ingest_WatchAddedLater_AppliesAfterCatalogRefresh()
    {
        var store = new InMemoryWatchStore();
        using var lateCatalog = new WatchCatalog(store, time, Options.Create(new WatchOptions { RefreshInterval = TimeSpan.FromSeconds(30) }));
        var late = new NewsIngestion(new NewsDocumentParser(), articles, hits, quarantine, ledger, lateCatalog, time, Options.Create(options));
        Assert.Empty((await late.IngestAsync("a.txt", new MemoryStream(new NewsDropBuilder().BuildUtf8()), CancellationToken.None)).Watches);

        await store.UpsertAsync(WatchBuilder.Named("ferries", "ferry"), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(31));
        var outcome = await late.IngestAsync("b.txt", new MemoryStream(new NewsDropBuilder().WithHeadline("Ferry late again").BuildUtf8()), CancellationToken.None);

        Assert.Equal(["ferries"], outcome.Watches);
    }
}
