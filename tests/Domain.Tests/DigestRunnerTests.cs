using Ingest.Domain.Digests;
using Ingest.Domain.Watches;
using Microsoft.Extensions.Options;

namespace Ingest.Domain.Tests;

public sealed class DigestRunnerTests
{
    private readonly ManualTimeProvider time = new(IndexedHitBuilder.BaseTime.AddHours(1));
    private readonly InMemoryWatchStore watches = new(
        WatchBuilder.Named("ferries", "ferry"),
        WatchBuilder.Named("storms", "storm"),
        new Watch("paused", "Paused", "ferry", Enabled: false));

    private readonly InMemoryHitIndex hits = new();
    private readonly InMemoryDigestStateStore state;
    private readonly RecordingChannel email = new("email");
    private readonly RecordingChannel archive = new("archive");
    private readonly DigestOptions options = new();

    public DigestRunnerTests()
    {
        state = new InMemoryDigestStateStore(time);
    }

    /// <summary>A new runner each call, as each timer tick on each host has its own.</summary>
    private DigestRunner Runner() => new(watches, hits, state, [email, archive], time, Options.Create(options));

    private Task<DigestRunSummary> Run() => Runner().RunAsync(CancellationToken.None);

    private Task AddHits(string watchId, params string[] articleIds) =>
        hits.AddAsync([.. articleIds.Select(id => IndexedHitBuilder.Make(id, watchId: watchId))], CancellationToken.None);

    private static IEnumerable<string> ArticleIds(IEnumerable<Digest> digests) => digests.SelectMany(d => d.Items).Select(i => i.ArticleId);

    [Fact]
    public async Task Run_PendingHits_DeliversOneDigestPerWatchWithHits()
    {
        await AddHits("ferries", "a", "b");
        await AddHits("paused", "c");

        var summary = await Run();

        var digest = Assert.Single(summary.Delivered);
        Assert.Equal("ferries", digest.WatchId);
        Assert.Equal(["a", "b"], digest.Items.Select(i => i.ArticleId).Order());
        Assert.Equal([digest], email.Received);
        Assert.Equal([digest], archive.Received);
        Assert.Empty(summary.Failures);
        var record = Assert.Single(state.Records);
        Assert.Equal((DigestStatus.Delivered, 2, digest.Id), (record.Status, record.ItemCount, record.DigestId));
        Assert.Null(hits.ClaimedBy("paused", "c"));
    }

    [Fact]
    public async Task Run_NoPendingHits_DeliversNothing()
    {
        var summary = await Run();

        Assert.Empty(summary.Delivered);
        Assert.Empty(email.Received);
        Assert.Empty(state.Records);
        Assert.Equal("no new hits; no digest", summary.ToString());
    }

    [Fact]
    public async Task Run_Twice_PutsEachHitInExactlyOneDigest()
    {
        await AddHits("ferries", "a", "b");
        await AddHits("storms", "s");
        var first = await Run();
        await AddHits("ferries", "c");
        time.Advance(TimeSpan.FromHours(1));

        var second = await Run();
        var third = await Run();

        Assert.Equal(2, first.Delivered.Count);
        Assert.Equal(["c"], ArticleIds(second.Delivered));
        Assert.Empty(third.Delivered);
        Assert.Equal(["a", "b", "c", "s"], ArticleIds(email.Received).Order());
        Assert.Equal(3, email.Received.Select(d => d.Id).Distinct().Count());
    }

    [Fact]
    public async Task Run_MorePendingThanMaxItems_LeavesTheRestForTheNextDigest()
    {
        options.MaxItems = 2;
        await AddHits("ferries", "a", "b", "c");

        var first = await Run();
        var second = await Run();

        Assert.Equal(2, Assert.Single(first.Delivered).Items.Count);
        Assert.Single(Assert.Single(second.Delivered).Items);
        Assert.Equal(["a", "b", "c"], ArticleIds(email.Received).Order());
    }

    [Fact]
    public async Task Run_ChannelThrows_LeavesDigestReadyAndRetriesOnlyThatChannel()
    {
        await AddHits("ferries", "a");
        email.FailuresRemaining = 1;

        var first = await Run();

        Assert.Empty(first.Delivered);
        Assert.Contains(first.Failures, f => f.Contains("email", StringComparison.Ordinal));
        var record = Assert.Single(state.Records);
        Assert.Equal(DigestStatus.Ready, record.Status);
        Assert.Equal(["archive"], record.DeliveredChannels);
        Assert.Contains("email is down", record.LastError, StringComparison.Ordinal);
        Assert.Empty(email.Received);
        var archived = Assert.Single(archive.Received);

        var second = await Run();

        var delivered = Assert.Single(second.Delivered);
        Assert.Equal(archived.Id, delivered.Id);
        Assert.Equal(archived.Id, Assert.Single(email.Received).Id);
        Assert.Single(archive.Received);
        record = Assert.Single(state.Records);
        Assert.Equal((DigestStatus.Delivered, 2), (record.Status, record.Attempts));
        Assert.Equal(["archive", "email"], record.DeliveredChannels.Order());
    }

    [Fact]
    public async Task Run_ChannelStillFailing_NewHitsGoToANewDigest()
    {
        await AddHits("ferries", "a");
        email.FailuresRemaining = 1;
        await Run();
        await AddHits("ferries", "b");
        time.Advance(TimeSpan.FromMinutes(10));

        var second = await Run();

        Assert.Equal(2, second.Delivered.Count);
        Assert.Equal(["a", "b"], ArticleIds(email.Received));
        Assert.Equal(["a", "b"], ArticleIds(archive.Received));
    }

    [Fact]
    public async Task Run_RecordLeftClaimingAfterClaim_IsFinishedNextRun()
    {
        await AddHits("ferries", "a", "b");
        state.CrashOnNextUpdate = true;
        await Assert.ThrowsAsync<SimulatedCrashException>(Run);
        var stuck = Assert.Single(state.Records);
        Assert.Equal(DigestStatus.Claiming, stuck.Status);
        Assert.Equal(stuck.DigestId, hits.ClaimedBy("ferries", "a"));
        Assert.Empty(email.Received);

        var next = await Run();

        var digest = Assert.Single(next.Delivered);
        Assert.Equal(stuck.DigestId, digest.Id);
        Assert.Equal(["a", "b"], digest.Items.Select(i => i.ArticleId).Order());
        Assert.Equal(DigestStatus.Delivered, Assert.Single(state.Records).Status);
        Assert.Single(email.Received);
    }

    [Fact]
    public async Task Run_RecordLeftClaimingBeforeAnyClaim_IsClosedEmptyAndHitsGoToNewDigest()
    {
        await AddHits("ferries", "a");
        await state.CreateAsync(new DigestRecord("ferries", "crashed", DigestStatus.Claiming, time.GetUtcNow(), 0, [], 0, null), CancellationToken.None);

        var next = await Run();

        Assert.Equal(DigestStatus.Empty, state.Records.Single(r => r.DigestId == "crashed").Status);
        var digest = Assert.Single(next.Delivered);
        Assert.NotEqual("crashed", digest.Id);
        Assert.Equal(["a"], digest.Items.Select(i => i.ArticleId));
    }

    [Fact]
    public async Task Run_WatchLeasedByAnotherRunner_IsSkippedAsBusy()
    {
        await AddHits("ferries", "a");
        Assert.True(await state.TryAcquireRunLeaseAsync("ferries", "other-host", options.RunLease, CancellationToken.None));

        var busy = await Run();

        Assert.Equal(["ferries"], busy.BusyWatches);
        Assert.Empty(busy.Delivered);
        Assert.Null(hits.ClaimedBy("ferries", "a"));

        time.Advance(options.RunLease + TimeSpan.FromSeconds(1));
        var later = await Run();

        Assert.Single(later.Delivered);
    }

    [Fact]
    public async Task Run_AfterCrash_ReleasesLeaseForTheNextRunner()
    {
        await AddHits("ferries", "a");
        state.CrashOnNextUpdate = true;
        await Assert.ThrowsAsync<SimulatedCrashException>(Run);

        var next = await Run();

        Assert.Empty(next.BusyWatches);
        Assert.Single(next.Delivered);
    }
}
