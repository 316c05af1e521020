using Ingest.Domain.Ingestion;
using Ingest.Domain.Parsing;
using Ingest.Domain.Watches;
using Microsoft.Extensions.Options;

namespace Ingest.Domain.Tests;

public sealed class InboxReconcilerTests : IDisposable
{
    private readonly ManualTimeProvider time = new();
    private readonly InMemoryArticleStore articles = new();
    private readonly InMemoryInboxLedger ledger = new();
    private readonly InMemoryInbox inbox = new();
    private readonly WatchCatalog catalog;
    private readonly InboxReconciler reconciler;
    private readonly NewsIngestion ingestion;

    public InboxReconcilerTests()
    {
        catalog = new WatchCatalog(new InMemoryWatchStore(WatchBuilder.Named("ferries", "ferry")), time, Options.Create(new WatchOptions()));
        ingestion = new NewsIngestion(new NewsDocumentParser(), articles, new InMemoryHitIndex(), new InMemoryQuarantine(), ledger, catalog, time, Options.Create(new IngestionOptions()));
        reconciler = new InboxReconciler(inbox, ledger, ingestion, time, Options.Create(new ReconcileOptions { Grace = TimeSpan.FromMinutes(2) }));
    }

    public void Dispose() => catalog.Dispose();

    [Fact]
    public async Task Reconcile_BlobTheTriggerMissed_IsIngestedOnceItIsPastTheGracePeriod()
    {
        inbox.Blobs["missed.txt"] = (new NewsDropBuilder().BuildUtf8(), time.GetUtcNow());

        var early = await reconciler.ReconcileAsync(default);
        time.Advance(TimeSpan.FromMinutes(3));
        var late = await reconciler.ReconcileAsync(default);
        var again = await reconciler.ReconcileAsync(default);

        Assert.Empty(early.Ingested);
        Assert.Equal("missed.txt", Assert.Single(late.Ingested).Blob);
        Assert.Empty(again.Ingested);
        Assert.Equal(1, articles.Count);
    }

    [Fact]
    public async Task Reconcile_BlobTheTriggerProcessed_IsLeftAlone()
    {
        var bytes = new NewsDropBuilder().BuildUtf8();
        inbox.Blobs["seen.txt"] = (bytes, time.GetUtcNow());
        await ingestion.IngestAsync("seen.txt", new MemoryStream(bytes), default);
        time.Advance(TimeSpan.FromMinutes(10));

        var summary = await reconciler.ReconcileAsync(default);

        Assert.Empty(summary.Ingested);
        Assert.Equal(1, summary.Scanned);
    }

    [Fact]
    public async Task Reconcile_BlobOverwrittenAfterProcessing_IsProcessedAgain()
    {
        inbox.Blobs["story.txt"] = (new NewsDropBuilder().BuildUtf8(), time.GetUtcNow());
        await ingestion.IngestAsync("story.txt", new MemoryStream(inbox.Blobs["story.txt"].Content), default);
        time.Advance(TimeSpan.FromMinutes(10));
        inbox.Blobs["story.txt"] = (new NewsDropBuilder().WithHeadline("Ferry story, corrected").BuildUtf8(), time.GetUtcNow());
        time.Advance(TimeSpan.FromMinutes(3));

        var summary = await reconciler.ReconcileAsync(default);

        Assert.Equal(IngestionResult.Stored, Assert.Single(summary.Ingested).Outcome.Result);
        Assert.Equal(2, articles.Count);
    }
}
