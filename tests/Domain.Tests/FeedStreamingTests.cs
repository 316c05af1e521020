using System.Text;
using Ingest.Domain.Ingestion;
using Ingest.Domain.Parsing;

namespace Ingest.Domain.Tests;

/// <summary>
/// RSS and Atom drops are read as a stream: each item is recorded before the next is read, a feed may be
/// far larger than the whole-file limit, and reading that stops part-way keeps what came before.
/// </summary>
public sealed class FeedStreamingTests() : IngestionTestBase(WatchBuilder.Named("ferries", "ferry"))
{
    private static byte[] Feed(int items)
    {
        var feed = new FeedBuilder();
        for (var i = 1; i <= items; i++)
        {
            feed.Add(Story.Numbered(i));
        }

        return Encoding.UTF8.GetBytes(feed.BuildRss());
    }

    [Fact]
    public async Task Ingest_FeedLargerThanTheWholeFileLimit_IsReadAsAStreamAndStoredWhole()
    {
        var feed = Feed(40);
        options.MaxBlobBytes = feed.Length / 10;

        var outcome = await ingestion.IngestAsync("big.xml", new MemoryStream(feed), CancellationToken.None);

        Assert.Equal((40, 0), (outcome.StoredCount, outcome.QuarantinedCount));
        Assert.Equal(40, articles.Count);
        Assert.Empty(quarantine.Failures);
    }

    [Fact]
    public async Task Ingest_GzippedFeedLargerThanTheWholeFileLimit_IsUnpackedAsAStream()
    {
        var feed = Gzip.Compress(Feed(40));
        options.MaxBlobBytes = 1024;

        var outcome = await ingestion.IngestAsync("big.xml.gz", new MemoryStream(feed), CancellationToken.None);

        Assert.Equal(40, outcome.StoredCount);
        Assert.Equal("gzip+rss", outcome.Format);
    }

    [Fact]
    public async Task Ingest_EachItemIsRecordedBeforeTheNextIsRead()
    {
        // The stream fails once the reader asks for bytes past the first few items: those are stored by then.
        var feed = Feed(30);
        var stream = new FailingStream(feed, failAfter: feed.Length / 2);

        await Assert.ThrowsAsync<IOException>(() => ingestion.IngestAsync("flaky.xml", stream, CancellationToken.None));

        Assert.InRange(articles.Count, 3, 29);
        var retry = await ingestion.IngestAsync("flaky.xml", new MemoryStream(feed), CancellationToken.None);
        Assert.Equal(30, articles.Count);
        Assert.Equal(30, retry.StoredCount + retry.DuplicateCount);
    }

    [Fact]
    public async Task Ingest_FeedMalformedPartWay_KeepsTheItemsBeforeAndQuarantinesTheRest()
    {
        var feed = new FeedBuilder().Add(Story.Numbered(1)).Add(Story.Numbered(2)).AddRawItem("<item><title>Cut <b>off</title></item>").BuildRss();

        var outcome = await ingestion.IngestAsync("cut.xml", new MemoryStream(Encoding.UTF8.GetBytes(feed)), CancellationToken.None);

        Assert.Equal(IngestionResult.Stored, outcome.Result);
        Assert.Equal((2, 1), (outcome.StoredCount, outcome.QuarantinedCount));
        var failure = Assert.Single(quarantine.Failures);
        Assert.StartsWith("Item 3 of the rss file: Reading stopped after item 2: The XML is malformed", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_FeedOverTheFeedLimit_KeepsTheItemsBeforeTheLimitAndSaysWhichLimit()
    {
        var feed = Feed(30);
        options.MaxFeedBytes = feed.Length / 2;

        var outcome = await ingestion.IngestAsync("huge.xml", new MemoryStream(feed), CancellationToken.None);

        Assert.InRange(outcome.StoredCount, 3, 29);
        var failure = Assert.Single(quarantine.Failures);
        Assert.Contains("Ingestion:MaxFeedBytes", failure.Reason, StringComparison.Ordinal);
        Assert.Contains($"Reading stopped after item {outcome.StoredCount}", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_GzippedFeedUnpackingPastTheLimit_StopsThereWithTheReason()
    {
        var feed = Gzip.Compress(Feed(30));
        options.MaxDecompressedBytes = Feed(30).Length / 3;

        var outcome = await ingestion.IngestAsync("bomb.xml.gz", new MemoryStream(feed), CancellationToken.None);

        Assert.InRange(outcome.StoredCount, 1, 29);
        Assert.Contains("Ingestion:MaxDecompressedBytes", Assert.Single(quarantine.Failures).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_FeedReadTwice_AddsNothingTheSecondTime()
    {
        var feed = Feed(12);
        options.MaxBlobBytes = 1024;

        var first = await ingestion.IngestAsync("feed.xml", new MemoryStream(feed), CancellationToken.None);
        var indexed = hits.All.Count;
        var again = await ingestion.IngestAsync("feed.xml", new MemoryStream(feed), CancellationToken.None);

        Assert.Equal((12, 0), (first.StoredCount, first.DuplicateCount));
        Assert.Equal((0, 12), (again.StoredCount, again.DuplicateCount));
        Assert.Equal(12, articles.Count);
        Assert.Equal(indexed, hits.All.Count);
    }

    [Fact]
    public void Open_StreamOfAtomEntries_YieldsThemOneByOneWithTheFeedTitle()
    {
        var atom = new StringBuilder("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Harbour Wire</title>");
        for (var i = 1; i <= 3; i++)
        {
            atom.Append($"<entry><title>Pier {i} reopens</title><content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Pier {i} reopened on Monday after repairs to the deck.</p></div></content></entry>");
        }

        var reading = FeedNewsParser.Open(new MemoryStream(Encoding.UTF8.GetBytes(atom.Append("</feed>").ToString())), ParseLimits.Default, gzipped: false);
        var items = reading.ReadItemsAsync(CancellationToken.None).ToBlockingEnumerable().ToList();

        Assert.Equal(NewsFormat.Atom, reading.Format);
        Assert.Equal(["Pier 1 reopens", "Pier 2 reopens", "Pier 3 reopens"], items.Select(i => i.Article!.Title));
        Assert.All(items, i => Assert.Equal("Harbour Wire", i.Article!.Publisher));
        Assert.Equal("Pier 2 reopened on Monday after repairs to the deck.", Assert.Single(items[1].Article!.Paragraphs));
    }

    /// <summary>Serves the bytes, then fails as a dropped connection would.</summary>
    private sealed class FailingStream(byte[] bytes, int failAfter) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => Position >= failAfter
            ? throw new IOException("Simulated: the connection was reset.")
            : base.Read(buffer, offset, Math.Min(count, 512));

        public override int Read(Span<byte> buffer) => Position >= failAfter
            ? throw new IOException("Simulated: the connection was reset.")
            : base.Read(buffer[..Math.Min(buffer.Length, 512)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer, offset, count));
    }
}
