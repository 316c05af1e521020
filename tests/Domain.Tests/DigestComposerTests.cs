using Ingest.Domain.Articles;
using Ingest.Domain.Digests;
using Ingest.Domain.Matching;

namespace Ingest.Domain.Tests;

public sealed class DigestComposerTests
{
    private static readonly DateTimeOffset T0 = IndexedHitBuilder.BaseTime;

    private static Digest Compose(params IndexedHit[] hits) =>
        DigestComposer.Compose("d-1", WatchBuilder.For("ferry"), T0.AddHours(1), hits);

    [Fact]
    public void Compose_TitleHit_RanksAboveMoreBodyHits()
    {
        var digest = Compose(
            IndexedHitBuilder.Make("many", bodyHits: 5),
            IndexedHitBuilder.Make("title", bodyHits: 0, titleHit: true));

        Assert.Equal(["title", "many"], digest.Items.Select(i => i.ArticleId));
        Assert.True(digest.Items[0].TitleHit);
        Assert.False(digest.Items[1].TitleHit);
    }

    [Fact]
    public void Compose_NoTitleHits_RanksByHitCountThenNewestFirst()
    {
        var digest = Compose(
            IndexedHitBuilder.Make("old-two", bodyHits: 2, ingestedAt: T0),
            IndexedHitBuilder.Make("one", bodyHits: 1, ingestedAt: T0.AddMinutes(30)),
            IndexedHitBuilder.Make("new-two", bodyHits: 2, ingestedAt: T0.AddMinutes(10)),
            IndexedHitBuilder.Make("three", bodyHits: 3, ingestedAt: T0));

        Assert.Equal(["three", "new-two", "old-two", "one"], digest.Items.Select(i => i.ArticleId));
    }

    [Fact]
    public void Compose_SeveralTitleHits_RankAmongThemselvesByCountThenRecency()
    {
        var digest = Compose(
            IndexedHitBuilder.Make("t-old", bodyHits: 1, titleHit: true, ingestedAt: T0),
            IndexedHitBuilder.Make("body", bodyHits: 9),
            IndexedHitBuilder.Make("t-new", bodyHits: 1, titleHit: true, ingestedAt: T0.AddMinutes(5)),
            IndexedHitBuilder.Make("t-many", bodyHits: 4, titleHit: true, ingestedAt: T0));

        Assert.Equal(["t-many", "t-new", "t-old", "body"], digest.Items.Select(i => i.ArticleId));
    }

    [Fact]
    public void Compose_ManyHits_CountsAllButShowsFirstSnippetsTitleFirst()
    {
        var digest = Compose(IndexedHitBuilder.Make("a", bodyHits: 5, titleHit: true));

        var item = Assert.Single(digest.Items);
        Assert.Equal(6, item.HitCount);
        Assert.Equal(6, digest.TotalHits);
        Assert.Equal(DigestComposer.SnippetsPerItem, item.Snippets.Count);
        Assert.Equal(ArticleField.Title, item.Snippets[0].Field);
        Assert.All(item.Snippets.Skip(1), s => Assert.Equal(ArticleField.Body, s.Field));
    }

    [Fact]
    public void Compose_HitsOfTheSameKeywordAtOnePlace_ShowOneSnippetAndCountEach()
    {
        var title = new KeywordHit("ferry", ArticleField.Title, 0, 5, "Ferry fares rise", 0, 5);
        var inflected = new KeywordHit("ferries", ArticleField.Title, 0, 5, "Ferry fares rise", 0, 5);
        var body = new KeywordHit("ferry", ArticleField.Body, 10, 5, "…the ferry left late…", 5, 5);
        var indexed = IndexedHitBuilder.Make("a", bodyHits: 0) with { Hits = [title, title, inflected, body, body], HitCount = 5 };

        var item = Assert.Single(Compose(indexed).Items);

        Assert.Equal(5, item.HitCount);
        Assert.Equal(
            [(ArticleField.Title, "ferry"), (ArticleField.Title, "ferries"), (ArticleField.Body, "ferry")],
            item.Snippets.Select(s => (s.Field, s.Keyword)));
    }

    [Fact]
    public void Compose_Snippets_CarryTheHitsMatchLocation()
    {
        var hit = new KeywordHit("ferry", ArticleField.Standfirst, 12, 5, "…a late ferry home…", 7, 5);
        var indexed = IndexedHitBuilder.Make("a", bodyHits: 0) with { Hits = [hit] };

        var snippet = Assert.Single(Assert.Single(Compose(indexed).Items).Snippets);

        Assert.Equal(new DigestSnippet(ArticleField.Standfirst, "ferry", "…a late ferry home…", 7, 5), snippet);
    }

    [Fact]
    public void Compose_Digest_CarriesWatchAndArticleDetails()
    {
        var digest = DigestComposer.Compose("d-9", WatchBuilder.Named("ferries", "ferry"), T0, [IndexedHitBuilder.Make("a", title: "Ferry news", publisher: null)]);

        Assert.Equal(("d-9", "ferries", "ferries", T0), (digest.Id, digest.WatchId, digest.WatchName, digest.CreatedAt));
        var item = Assert.Single(digest.Items);
        Assert.Equal(("a", "Ferry news", (string?)null, "a.txt", T0), (item.ArticleId, item.Title, item.Publisher, item.SourceBlob, item.IngestedAt));
    }

    [Fact]
    public void Compose_NoHits_IsEmptyDigest()
    {
        var digest = Compose();

        Assert.Empty(digest.Items);
        Assert.Equal(0, digest.TotalHits);
    }
}
