using System.Text;
using Ingest.Domain.Ingestion;
using Ingest.Domain.Parsing;

namespace Ingest.Domain.Tests;

/// <summary>Ingestion of drops in every format, and of files holding several articles.</summary>
public sealed class MultiItemIngestionTests() : IngestionTestBase(WatchBuilder.Named("ferries", "ferry"), WatchBuilder.Named("piers", "pier"))
{
    private const string BrokenItem = "<item><title></title><description></description></item>";

    private static string FeedWithBrokenSecondItem() =>
        new FeedBuilder().Add(Story.Numbered(1)).AddRawItem(BrokenItem).Add(Story.Numbered(3)).BuildRss();

    [Fact]
    public async Task Ingest_FeedWithOneBrokenItem_StoresTheGoodOnesAndQuarantinesTheBrokenOneByNumber()
    {
        var outcome = await Ingest("feeds/harbour.xml", FeedWithBrokenSecondItem());

        Assert.Equal(IngestionResult.Stored, outcome.Result);
        Assert.Equal((2, 0, 1), (outcome.StoredCount, outcome.DuplicateCount, outcome.QuarantinedCount));
        Assert.Equal(2, articles.Count);
        Assert.Equal(Story.Numbered(1).Headline, outcome.Title);
        Assert.Equal([1, 2, 3], outcome.Items.Select(i => i.Number));
        var failure = Assert.Single(quarantine.Failures);
        Assert.Equal("feeds/harbour.xml", failure.BlobName);
        Assert.StartsWith("Item 2 of the rss file: ", failure.Reason, StringComparison.Ordinal);
        Assert.Contains("no headline", failure.Reason, StringComparison.Ordinal);
        Assert.Equal(failure.Reason, outcome.Reason);
        Assert.Equal(["piers"], outcome.Watches);
        Assert.All(outcome.Items.Where(i => i.ArticleId is not null), i => Assert.Equal(["feeds/harbour.xml"], articles.Sources(i.ArticleId!).Select(s => s.BlobName)));
        Assert.Equal(IngestionResult.Stored, ledger.Entries["feeds/harbour.xml"].Result);
    }

    [Fact]
    public async Task Ingest_MultiItemOutcome_IsOneReadableLine()
    {
        var line = (await Ingest("feed.xml", FeedWithBrokenSecondItem())).ToString();

        Assert.DoesNotContain('\n', line);
        Assert.StartsWith("rss with 3 items: 2 stored, 0 duplicate, 1 quarantined; first \"Harbour story number 1", line, StringComparison.Ordinal);
        Assert.Contains("watches hit: piers", line, StringComparison.Ordinal);
        Assert.Contains("first failure: Item 2", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_SameFeedAgain_AddsNothingAndUpdatesTheSameQuarantineEntry()
    {
        await Ingest("feed.xml", FeedWithBrokenSecondItem());
        var hitsBefore = hits.Count;

        var again = await Ingest("feed.xml", FeedWithBrokenSecondItem());

        Assert.Equal(IngestionResult.Duplicate, again.Result);
        Assert.Equal((0, 2, 1), (again.StoredCount, again.DuplicateCount, again.QuarantinedCount));
        Assert.Equal(2, articles.Count);
        Assert.Equal(hitsBefore, hits.Count);
        Assert.Single(quarantine.Failures.Select(f => f.Fingerprint).Distinct());
    }

    [Fact]
    public async Task Ingest_SameArticleInAFeedAndAsASingleFile_IsRecordedOnce()
    {
        var feed = await Ingest("feed.xml", new FeedBuilder().Add(Story.Numbered(1)).Add(Story.Default).BuildRss());
        time.Advance(TimeSpan.FromMinutes(5));

        var single = await Ingest("drops/ferry.txt", Story.Default.AsText());
        var json = await Ingest("drops/ferry.json.gz", Gzip.Compress(JsonNews.OneArticle(Story.Default)));
        var page = await Ingest("drops/ferry.html", new HtmlPageBuilder().Build());

        Assert.Equal(2, articles.Count);
        Assert.All([single, json, page], o => Assert.Equal(IngestionResult.Duplicate, o.Result));
        Assert.All([single, json, page], o => Assert.Equal(feed.Items[1].ArticleId, o.ArticleId));
        Assert.Equal(["feed.xml", "drops/ferry.txt", "drops/ferry.json.gz", "drops/ferry.html"], articles.Sources(single.ArticleId!).Select(s => s.BlobName));
        Assert.Single(hits.All, h => h.ArticleId == single.ArticleId);
    }

    [Fact]
    public async Task Ingest_SingleFileThenFeed_FeedItemIsTheDuplicate()
    {
        var single = await Ingest("ferry.txt", Story.Default.AsText());

        var feed = await Ingest("feed.atom", FeedBuilder.BuildAtom(Story.Default, Story.Numbered(2)));

        Assert.Equal(IngestionResult.Stored, feed.Result);
        Assert.Equal([IngestionResult.Duplicate, IngestionResult.Stored], feed.Items.Select(i => i.Result));
        Assert.Equal(single.ArticleId, feed.Items[0].ArticleId);
        Assert.Equal(2, articles.Count);
    }

    [Fact]
    public async Task Ingest_StructuredFormats_KeepMetadataOnTheArticle()
    {
        var outcome = await Ingest("page.html", new HtmlPageBuilder().Build());

        var article = articles.Article(outcome.ArticleId!);
        Assert.Equal(("Morag Dunn", Story.Default.Url), (article.Author, article.CanonicalUrl));
        Assert.Equal(new DateTimeOffset(2025, 3, 3, 8, 30, 0, TimeSpan.Zero), article.PublishedAt);
        Assert.Equal("html", outcome.Format);
    }

    [Fact]
    public async Task Ingest_JsonArrayWithAStringItem_QuarantinesThatItemOnly()
    {
        var json = $"[{JsonNews.OneArticle(Story.Numbered(1))}, 42, {JsonNews.OneArticle(Story.Numbered(3))}]";

        var outcome = await Ingest("batch.json", json);

        Assert.Equal((2, 1), (outcome.StoredCount, outcome.QuarantinedCount));
        Assert.StartsWith("Item 2 of the json file: The item is a number", Assert.Single(quarantine.Failures).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_FeedWhoseItemsAreAllBroken_IsQuarantined()
    {
        var outcome = await Ingest("feed.xml", new FeedBuilder().AddRawItem(BrokenItem).AddRawItem(BrokenItem).BuildRss());

        Assert.Equal(IngestionResult.Quarantined, outcome.Result);
        Assert.Equal(2, quarantine.Failures.Select(f => f.Fingerprint).Distinct().Count());
        Assert.Equal(IngestionResult.Quarantined, ledger.Entries["feed.xml"].Result);
    }

    /// <summary>
    /// Drops no ingestion may throw on. Enumerated when the theory runs, not when tests are discovered: discovery
    /// serialises each row's arguments byte by byte, and for the 10 MB line that took the test host to 12-16 GB
    /// before any test ran, whichever tests were filtered for.
    /// </summary>
    public static TheoryData<string, byte[]> BadDrops()
    {
        var random = new byte[4096];
        new Random(5).NextBytes(random);
        var truncated = Gzip.Compress(JsonNews.Array(Story.Numbered(1), Story.Numbered(2)));
        var invalidUtf8 = Encoding.UTF8.GetBytes(JsonNews.OneArticle(Story.Default));
        invalidUtf8[30] = 0xC0;
        return new()
        {
            { "empty.txt", [] },
            { "random.bin", random },
            { "truncated.json.gz", truncated[..(truncated.Length - 12)] },
            { "bomb.gz", Gzip.Compress(new byte[80 << 20]) },
            { "malformed.json", Encoding.UTF8.GetBytes("{\"title\": \"Pier\", \"content\": [\"a\", }") },
            { "malformed.xml", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><rss><channel><item></channel>") },
            { "dtd.xml", Encoding.UTF8.GetBytes(new FeedBuilder().WithDoctype("<!DOCTYPE rss SYSTEM \"http://example.invalid/rss.dtd\">").Add(Story.Default).BuildRss()) },
            { "invalid-utf8.json", invalidUtf8 },
            { "one-line.txt", Encoding.UTF8.GetBytes(new string('x', 10 << 20)) },
        };
    }

    [Theory]
    [MemberData(nameof(BadDrops), DisableDiscoveryEnumeration = true)]
    public async Task Ingest_BadContent_IsQuarantinedWithAReasonNeverThrown(string blobName, byte[] bytes)
    {
        var outcome = await Ingest(blobName, bytes);

        Assert.Equal(IngestionResult.Quarantined, outcome.Result);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Reason));
        var failure = Assert.Single(quarantine.Failures);
        Assert.Equal((blobName, outcome.Reason), (failure.BlobName, (string?)failure.Reason));
        Assert.Equal(0, articles.Count);
        Assert.Equal(IngestionResult.Quarantined, ledger.Entries[blobName].Result);
    }

    [Fact]
    public async Task Ingest_StorageFailsMidFeed_ThrowsSoTheTriggerRetriesAndTheRetryCompletes()
    {
        var feed = new FeedBuilder().Add(Story.Numbered(1)).Add(Story.Default).BuildRss();
        hits.CrashOnNextAdd = true;

        await Assert.ThrowsAsync<SimulatedCrashException>(() => Ingest("feed.xml", feed));
        var retry = await Ingest("feed.xml", feed);

        Assert.Equal(IngestionResult.Stored, retry.Result);
        Assert.Equal(2, articles.Count);
        Assert.Single(hits.All, h => h.WatchId == "ferries");
        Assert.Empty(quarantine.Failures);
    }

    [Fact]
    public async Task Ingest_FeedWithManyBrokenItems_CapsTheQuarantineEntriesAndListsTheRestInOne()
    {
        var feed = new FeedBuilder().Add(Story.Numbered(1));
        for (var i = 0; i < NewsIngestion.MaxQuarantineEntriesPerFile + 5; i++)
        {
            feed.AddRawItem(BrokenItem);
        }

        var outcome = await Ingest("feed.xml", feed.BuildRss());

        Assert.Equal((1, NewsIngestion.MaxQuarantineEntriesPerFile + 5), (outcome.StoredCount, outcome.QuarantinedCount));
        Assert.Equal(NewsIngestion.MaxQuarantineEntriesPerFile + 1, quarantine.Failures.Count);
        Assert.StartsWith("5 more items of the rss file failed too (items 22, 23, 24, 25, 26); first: Item 22 of the rss file:", quarantine.Failures[^1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void IngestionOptions_Defaults_AreTheParserDefaults()
    {
        Assert.Equal(ParseLimits.Default, new IngestionOptions().ToParseLimits());
    }
}
