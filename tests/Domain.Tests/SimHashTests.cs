using Ingest.Domain.Articles;
using Ingest.Domain.Digests;
using Ingest.Domain.Parsing;

namespace Ingest.Domain.Tests;

public sealed class SimHashTests
{
    private static readonly string[] Story =
    [
        "The harbour board voted on Monday to approve a winter timetable that adds two crossings a day to the island.",
        "Islanders had campaigned for extra sailings since the summer, when queues at the terminal stretched for hours.",
        "The board's chair said the new timetable would run from November until the end of March next year.",
        "Operators said they would hire twelve more crew members to staff the additional crossings through the winter.",
    ];

    [Fact]
    public void Compute_SameStoryLightlyEdited_IsWithinTheSameStoryDistance()
    {
        var original = Article("Board approves winter ferry timetable", Story);
        var edited = Article("Winter ferry timetable approved by board", [.. Story[..3], Story[3].Replace("twelve", "12", StringComparison.Ordinal)]);

        Assert.True(SimHash.SameStory(SimHash.Compute(original), SimHash.Compute(edited)), $"distance {SimHash.Distance(SimHash.Compute(original), SimHash.Compute(edited))}");
    }

    [Fact]
    public void Compute_DifferentStories_AreFarApart()
    {
        var ferry = Article("Board approves winter ferry timetable", Story);
        var budget = Article("Council backs budget that freezes bus fares", [
            "Councillors voted narrowly in favour of a budget that keeps bus fares frozen for a second year.",
            "Opponents warned the freeze would open a gap in the transport budget by the end of the decade.",
            "The finance chair said higher parking charges in the centre would close that gap over time.",
        ]);

        Assert.False(SimHash.SameStory(SimHash.Compute(ferry), SimHash.Compute(budget)));
    }

    [Fact]
    public void Compose_NearDuplicatesFromTwoPublishers_CollapseIntoOneItemAlsoReportedBy()
    {
        var fingerprint = SimHash.Compute(Article("Board approves winter ferry timetable", Story));
        var hits = new[]
        {
            IndexedHitBuilder.Make("a1", titleHit: true, publisher: "Harbour Gazette") with { SimHash = fingerprint },
            IndexedHitBuilder.Make("a2", publisher: "Island Post") with { SimHash = fingerprint ^ 0b101 },
            IndexedHitBuilder.Make("a3", publisher: "Island Post") with { SimHash = ~fingerprint },
        };

        var digest = DigestComposer.Compose("d1", WatchBuilder.Named("ferries", "ferry"), DateTimeOffset.UnixEpoch, hits);

        Assert.Equal(["a1", "a3"], digest.Items.Select(i => i.ArticleId));
        Assert.Equal(["Island Post"], digest.Items[0].AlsoReportedBy);
        Assert.Equal(["a2"], digest.Items[0].DuplicateArticleIds);
        Assert.Contains("Also reported by Island Post.", DigestMarkdown.Render(digest), StringComparison.Ordinal);
    }

    private static Article Article(string title, string[] paragraphs) =>
        new PlainTextNewsParser().Parse(title + "\n\n" + string.Join("\n\n", paragraphs)).Article!;
}
