using Ingest.Domain.Articles;
using Ingest.Domain.Digests;
using Ingest.Domain.Matching;

namespace Ingest.Domain.Tests;

public sealed class DigestMarkdownTests
{
    private static Digest DigestOf(params IndexedHit[] hits) =>
        DigestComposer.Compose("d-1", WatchBuilder.Named("ferries", "ferry"), IndexedHitBuilder.BaseTime, hits);

    [Fact]
    public void Render_TitleWithMarkdown_EscapesIt()
    {
        var md = DigestMarkdown.Render(DigestOf(IndexedHitBuilder.Make("a", title: "Ferry *fares* [up] #1 <b>_x_ `y` a|b \\")));

        Assert.Contains("## Ferry \\*fares\\* \\[up\\] \\#1 \\<b\\>\\_x\\_ \\`y\\` a\\|b \\\\\n", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TitleWithLineBreak_StaysOneHeading()
    {
        var md = DigestMarkdown.Render(DigestOf(IndexedHitBuilder.Make("a", title: "Ferry\n# injected")));

        Assert.Contains("## Ferry \\# injected\n", md, StringComparison.Ordinal);
        Assert.DoesNotContain("\n# injected", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Snippet_BoldsTheMatchAndEscapesTheRest()
    {
        var hit = new KeywordHit("ferry", ArticleField.Body, 0, 5, "*the* ferry_left", 6, 5);
        var md = DigestMarkdown.Render(DigestOf(IndexedHitBuilder.Make("a", bodyHits: 0) with { Hits = [hit] }));

        Assert.Contains("- body: \\*the\\* **ferry**\\_left\n", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SnippetMatchAtEdges_BoldsExactlyTheMatch()
    {
        var start = new KeywordHit("ferry", ArticleField.Title, 0, 5, "Ferry", 0, 5);
        var md = DigestMarkdown.Render(DigestOf(IndexedHitBuilder.Make("a", bodyHits: 0) with { Hits = [start] }));

        Assert.Contains("- title: **Ferry**\n", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Digest_HasHeaderWithCountsAndPublisherLine()
    {
        var md = DigestMarkdown.Render(DigestOf(
            IndexedHitBuilder.Make("a", bodyHits: 2, publisher: "Harbour *Gazette*"),
            IndexedHitBuilder.Make("b", bodyHits: 1, publisher: null)));

        Assert.StartsWith("# ferries: 2 articles, 3 hits\n", md, StringComparison.Ordinal);
        Assert.Contains("\nHarbour \\*Gazette\\* · ingested 2025-03-14 09:00 UTC · 2 hits · source `a.txt`\n", md, StringComparison.Ordinal);
        Assert.Contains("\nUnknown publisher · ingested 2025-03-14 09:00 UTC · 1 hit · source `b.txt`\n", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SingleArticleSingleHit_UsesSingular()
    {
        var md = DigestMarkdown.Render(DigestOf(IndexedHitBuilder.Make("a")));

        Assert.StartsWith("# ferries: 1 article, 1 hit\n", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SourceBlobWithBacktick_CannotCloseCodeSpan()
    {
        var md = DigestMarkdown.Render(DigestOf(IndexedHitBuilder.Make("a") with { SourceBlob = "in`box.txt" }));

        Assert.Contains("source `in'box.txt`", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Escape_PlainText_IsUnchanged()
    {
        Assert.Equal("Ferry fares rise 5% (again)", DigestMarkdown.Escape("Ferry fares rise 5% (again)"));
    }
}
