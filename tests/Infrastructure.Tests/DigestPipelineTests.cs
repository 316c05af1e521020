using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using Ingest.Domain.Digests;
using Ingest.Domain.Ingestion;
using Ingest.Domain.Watches;
using Ingest.Infrastructure.Channels;
using Ingest.Infrastructure.Storage;
using Ingest.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ingest.Infrastructure.Tests;

/// <summary>Ingestion into the hit index and digests out of it, on Azurite, through the app's own services.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class DigestPipelineTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly StorageNames names = AzuriteFixture.UniqueNames("dig");
    private readonly ManualTime time = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
    private readonly FlakyChannel flaky = new();
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        services = await IngestServices.CreateAsync(azurite, names, configure: s =>
        {
            s.AddSingleton<TimeProvider>(time);
            s.AddSingleton<IDigestChannel>(flaky);
        });
        await services.GetRequiredService<IWatchStore>().UpsertAsync(WatchBuilder.Keywords("ferries", "ferry"), default);
        await services.GetRequiredService<IWatchStore>().UpsertAsync(WatchBuilder.Keywords("tolls", "\"toll charges\""), default);
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    [Fact]
    public async Task Run_AfterIngestion_DeliversOneDigestPerWatchWithHitsToArchiveAndQueue()
    {
        await IngestAsync("one.txt", new NewsDropBuilder().WithHeadline("Ferry fares rise").Build());
        await IngestAsync("two.txt", new NewsDropBuilder().WithHeadline("Bridge toll charges frozen").WithParagraph("Toll charges stay at current levels.").Build());

        var summary = await Runner().RunAsync(default);

        Assert.Equal(["ferries", "tolls"], summary.Delivered.Select(d => d.WatchId).Order());
        var ferries = summary.Delivered.Single(d => d.WatchId == "ferries");
        Assert.Equal(2, ferries.Items.Count); // both drops mention ferries in the standard paragraphs
        Assert.Equal("Ferry fares rise", ferries.Items[0].Title); // title hit ranks first
        var archive = services.GetRequiredService<StorageAccount>().Blobs.GetBlobContainerClient(names.ArchiveContainer);
        var json = (await archive.GetBlobClient(ArchiveDigestChannel.JsonBlob(ferries)).DownloadContentAsync()).Value.Content.ToString();
        Assert.Equal(ferries.Id, DigestJson.Deserialize(json).Id);
        var markdown = (await archive.GetBlobClient(ArchiveDigestChannel.MarkdownBlob(ferries)).DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("**Ferry**", markdown, StringComparison.Ordinal);
        var messages = await ReadQueueAsync();
        Assert.Equal(2, messages.Count);
        Assert.Contains(messages, m => m.DigestId == ferries.Id && m.ItemCount == 2);
    }

    [Fact]
    public async Task Run_WithNoNewHits_SendsNothing()
    {
        await IngestAsync("quiet.txt", new NewsDropBuilder().WithHeadline("Ferry timetable").Build());
        await Runner().RunAsync(default);

        var second = await Runner().RunAsync(default);

        Assert.Empty(second.Delivered);
        Assert.Single(await ReadQueueAsync()); // the ferries digest of the first run, and nothing since
    }

    [Fact]
    public async Task Run_TwoRunnersRacingWhileIngestionContinues_PutEachHitInExactlyOneDigest()
    {
        var ingest = Task.Run(async () =>
        {
            for (var i = 0; i < 40; i++)
            {
                await IngestAsync($"race-{i}.txt", new NewsDropBuilder().WithHeadline($"Ferry story number {i}").Build());
            }
        });
        var digests = new List<Digest>();
        var runnerA = Runner();
        var runnerB = Runner();
        while (!ingest.IsCompleted)
        {
            var results = await Task.WhenAll(runnerA.RunAsync(default), runnerB.RunAsync(default));
            digests.AddRange(results.SelectMany(r => r.Delivered));
            time.Advance(TimeSpan.FromSeconds(1));
        }

        await ingest;
        var last = await Task.WhenAll(runnerA.RunAsync(default), runnerB.RunAsync(default));
        digests.AddRange(last.SelectMany(r => r.Delivered));

        // The forty drops share their body, so digests collapse them as near-duplicates: count the collapsed ids too.
        var ferryArticles = digests.Where(d => d.WatchId == "ferries").SelectMany(d => d.Items).SelectMany(i => i.DuplicateArticleIds.Prepend(i.ArticleId)).ToList();
        Assert.Equal(40, ferryArticles.Count);
        Assert.Equal(40, ferryArticles.Distinct().Count());
    }

    [Fact]
    public async Task Run_ChannelFailsThenRecovers_DigestReachesItOnceAndOtherChannelsAreNotRepeated()
    {
        await IngestAsync("flaky.txt", new NewsDropBuilder().WithHeadline("Ferry strike called off").Build());
        flaky.FailuresLeft = 1;

        var first = await Runner().RunAsync(default);
        Assert.Empty(first.Delivered);
        Assert.Single(first.Failures);
        var unfinished = await services.GetRequiredService<IDigestStateStore>().ListUnfinishedAsync("ferries", default);
        Assert.Equal(DigestStatus.Ready, Assert.Single(unfinished).Status);

        var second = await Runner().RunAsync(default);

        var digest = Assert.Single(second.Delivered);
        Assert.Equal(unfinished[0].DigestId, digest.Id);
        Assert.Equal([digest.Id], flaky.Delivered);
        Assert.Single(await ReadQueueAsync()); // the queue got it on the first run and not again
        Assert.Empty(await services.GetRequiredService<IDigestStateStore>().ListUnfinishedAsync("ferries", default));
    }

    [Fact]
    public async Task Run_ProcessDiesBetweenComposeAndSend_NextRunnerDeliversTheSameDigestOnce()
    {
        await IngestAsync("crash.txt", new NewsDropBuilder().WithHeadline("Ferry crash inquiry").Build());
        using var crash = new CancellationTokenSource();
        flaky.OnDeliver = crash.Cancel; // the "process" stops mid-delivery, before any channel acknowledges

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Runner().RunAsync(crash.Token));
        flaky.OnDeliver = null;
        var orphan = Assert.Single(await services.GetRequiredService<IDigestStateStore>().ListUnfinishedAsync("ferries", default));

        var recovered = await Runner().RunAsync(default);

        var digest = Assert.Single(recovered.Delivered, d => d.WatchId == "ferries");
        Assert.Equal(orphan.DigestId, digest.Id);
        Assert.Single(await ReadQueueAsync(), m => m.WatchId == "ferries");
        Assert.Empty(await Runner().RunAsync(default) is { Delivered: var none } ? none : []);
    }

    [Fact]
    public async Task ScheduledWatch_CadenceAndServedSlotSurviveStorage_DigestWaitsForItsSlot()
    {
        var watches = services.GetRequiredService<IWatchStore>();
        await watches.UpsertAsync(WatchBuilder.Keywords("weekly-ferries", "ferry") with { Cadence = DigestCadence.Parse("weekly fri 17:00 Europe/London min 1") }, default);
        Assert.Equal("weekly fri 17:00 Europe/London", (await watches.ListAsync(default)).Single(w => w.Id == "weekly-ferries").Cadence.ToString());

        await Runner().RunAsync(default); // starts the schedule (Saturday 28 Nov 2026: last slot Friday 27th)
        await IngestAsync("weekly.txt", new NewsDropBuilder().WithHeadline("Ferry weekly roundup").Build());
        var sameWeek = await Runner().RunAsync(default);
        time.Advance(TimeSpan.FromDays(6) + TimeSpan.FromHours(9)); // Friday 4 Dec, 18:00
        var friday = await Runner().RunAsync(default);

        Assert.DoesNotContain(sameWeek.Delivered, d => d.WatchId == "weekly-ferries");
        Assert.Single(friday.Delivered, d => d.WatchId == "weekly-ferries");
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 17, 0, 0, TimeSpan.Zero), await services.GetRequiredService<IDigestStateStore>().GetLastSlotAsync("weekly-ferries", default));
    }

    [Fact]
    public async Task RunLease_HeldByARunnerThatDied_IsTakenOverOnlyAfterItExpires()
    {
        var state = services.GetRequiredService<IDigestStateStore>();
        var lease = services.GetRequiredService<IOptions<DigestOptions>>().Value.RunLease;
        Assert.True(await state.TryAcquireRunLeaseAsync("lease-watch", "dead-runner", lease, default));

        Assert.False(await state.TryAcquireRunLeaseAsync("lease-watch", "new-runner", lease, default));
        time.Advance(lease + TimeSpan.FromSeconds(1));
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => state.TryAcquireRunLeaseAsync("lease-watch", $"contender-{i}", lease, default)));

        Assert.Single(results, won => won);
    }

    private DigestRunner Runner() => ActivatorUtilities.CreateInstance<DigestRunner>(services);

    private async Task IngestAsync(string blobName, string text)
    {
        var outcome = await services.GetRequiredService<NewsIngestion>().IngestAsync(blobName, new MemoryStream(Encoding.UTF8.GetBytes(text)), default);
        Assert.NotEqual(IngestionResult.Quarantined, outcome.Result);
        services.GetRequiredService<WatchCatalog>().Invalidate();
    }

    private async Task<List<DigestNotification>> ReadQueueAsync()
    {
        var queue = services.GetRequiredService<StorageAccount>().Queues.GetQueueClient(names.DigestQueue);
        var peeked = await queue.PeekMessagesAsync(32);
        return peeked.Value.Select(m => JsonSerializer.Deserialize<DigestNotification>(m.Body.ToString(), DigestJson.Options)!).ToList();
    }

    /// <summary>A channel the test can make fail, or use to stop the run mid-delivery.</summary>
    private sealed class FlakyChannel : IDigestChannel
    {
        public int FailuresLeft { get; set; }

        public Action? OnDeliver { get; set; }

        public List<string> Delivered { get; } = [];

        public string Name => "flaky";

        public Task DeliverAsync(Digest digest, CancellationToken cancellationToken)
        {
            OnDeliver?.Invoke();
            cancellationToken.ThrowIfCancellationRequested();
            if (FailuresLeft > 0)
            {
                FailuresLeft--;
                throw new HttpRequestException("endpoint unavailable");
            }

            Delivered.Add(digest.Id);
            return Task.CompletedTask;
        }
    }
}
