using Ingest.Domain.Digests;
using Microsoft.Extensions.Options;

namespace Ingest.Domain.Tests;

public sealed class DigestCadenceTests
{
    /// <summary>Monday 2 March 2026, 06:00 UTC (07:00 in Paris).</summary>
    private static readonly DateTimeOffset Monday6Utc = new(2026, 3, 2, 6, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("", "as-it-happens")]
    [InlineData("hourly", "hourly")]
    [InlineData("daily 8:00", "daily 08:00")]
    [InlineData("weekly Monday 08:30 Europe/Paris", "weekly mon 08:30 Europe/Paris")]
    [InlineData("daily 07:30 Europe/London quiet 22:00-06:00 min 3", "daily 07:30 Europe/London quiet 22:00-06:00 min 3")]
    public void Parse_TextForm_RoundTrips(string text, string expected) =>
        Assert.Equal(expected, DigestCadence.Parse(text).ToString());

    [Theory]
    [InlineData("fortnightly", "'fortnightly' is not one of")]
    [InlineData("daily", "expected a time")]
    [InlineData("daily 25:00", "'25:00' is not a time")]
    [InlineData("weekly funday 08:00", "'funday' is not a day")]
    [InlineData("hourly Mars/Olympus", "neither a time zone")]
    [InlineData("hourly min 0", "at least 1")]
    public void Parse_BadText_SaysWhatIsWrong(string text, string message) =>
        Assert.Contains(message, Assert.Throws<FormatException>(() => DigestCadence.Parse(text)).Message, StringComparison.Ordinal);

    [Fact]
    public void LatestSlot_DailyInATimeZone_IsTodaysTimeOnceItHasPassedThere()
    {
        var cadence = DigestCadence.Parse("daily 08:00 Europe/Paris");

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.FromHours(1)), cadence.LatestSlot(Monday6Utc)); // 07:00 in Paris: yesterday's
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.FromHours(1)), cadence.LatestSlot(Monday6Utc.AddHours(1)));
    }

    [Fact]
    public void LatestSlot_Weekly_IsTheLastOccurrenceOfThatDay()
    {
        var cadence = DigestCadence.Parse("weekly fri 17:00");

        Assert.Equal(new DateTimeOffset(2026, 2, 27, 17, 0, 0, TimeSpan.Zero), cadence.LatestSlot(Monday6Utc));
    }

    [Fact]
    public void LatestSlot_InQuietHoursAcrossMidnight_IsNone()
    {
        var cadence = DigestCadence.Parse("hourly quiet 22:00-07:00");

        Assert.Null(cadence.LatestSlot(Monday6Utc));
        Assert.Null(cadence.LatestSlot(Monday6Utc.AddHours(17)));
        Assert.NotNull(cadence.LatestSlot(Monday6Utc.AddHours(1)));
    }

    [Fact]
    public async Task Runner_DailyWatch_SendsOnceAtTheFirstTickAfterItsTimeAndHoldsLaterHitsForTomorrow()
    {
        var time = new ManualTimeProvider(Monday6Utc.AddHours(-1)); // Monday 05:00 UTC
        var (runner, hits, channel) = Setup(time, "daily 06:00");
        await hits.AddAsync([IndexedHitBuilder.Make("a1", watchId: "ferries")], default);

        Assert.Empty((await runner().RunAsync(default)).Delivered); // the schedule starts: the first digest is at the next 06:00
        time.Advance(TimeSpan.FromMinutes(65));
        var atSix = await runner().RunAsync(default);
        await hits.AddAsync([IndexedHitBuilder.Make("a2", watchId: "ferries")], default);
        time.Advance(TimeSpan.FromHours(3));
        var later = await runner().RunAsync(default);
        time.Advance(TimeSpan.FromDays(1));
        var tomorrow = await runner().RunAsync(default);

        Assert.Equal(["a1"], Assert.Single(atSix.Delivered).Items.Select(i => i.ArticleId));
        Assert.Empty(later.Delivered);
        Assert.Equal(["a2"], Assert.Single(tomorrow.Delivered).Items.Select(i => i.ArticleId));
        Assert.Equal(2, channel.Received.Count);
    }

    [Fact]
    public async Task Runner_MinimumHits_HoldsTheDigestUntilEnoughArticlesHit()
    {
        var time = new ManualTimeProvider(Monday6Utc);
        var (runner, hits, _) = Setup(time, "as-it-happens min 2");
        await hits.AddAsync([IndexedHitBuilder.Make("a1", watchId: "ferries")], default);

        var one = await runner().RunAsync(default);
        await hits.AddAsync([IndexedHitBuilder.Make("a2", watchId: "ferries")], default);
        var two = await runner().RunAsync(default);

        Assert.Empty(one.Delivered);
        Assert.Equal(["a1", "a2"], Assert.Single(two.Delivered).Items.Select(i => i.ArticleId).Order());
    }

    private static (Func<DigestRunner> Runner, InMemoryHitIndex Hits, RecordingChannel Channel) Setup(ManualTimeProvider time, string cadence)
    {
        var watches = new InMemoryWatchStore(WatchBuilder.Named("ferries", "ferry") with { Cadence = DigestCadence.Parse(cadence) });
        var hits = new InMemoryHitIndex();
        var state = new InMemoryDigestStateStore(time);
        var channel = new RecordingChannel("archive");
        return (() => new DigestRunner(watches, hits, state, [channel], time, Options.Create(new DigestOptions())), hits, channel);
    }
}
