using Ingest.Domain.Articles;
using Ingest.Domain.Matching;

namespace Ingest.Domain.Tests;

public class KeywordMatcherTests
{
    /// <summary>How the matchers under test find candidate words; a subclass runs every test again with the other strategy.</summary>
    protected virtual MatchStrategy Strategy => MatchStrategy.Search;

    private KeywordMatcher Compile(IEnumerable<Ingest.Domain.Watches.Watch> watches) => KeywordMatcher.Compile(watches, Strategy);

    private IReadOnlyList<KeywordHit> BodyHits(string keyword, string body)
    {
        var matches = Compile([WatchBuilder.For(keyword)]).Match(ArticleBuilder.WithBody(body));
        return matches.Count == 0 ? [] : Assert.Single(matches).Hits;
    }

    private static string MatchedText(Article article, KeywordHit hit) => hit.Field switch
    {
        ArticleField.Title => article.Title.Substring(hit.Offset, hit.Length),
        ArticleField.Standfirst => article.Standfirst!.Substring(hit.Offset, hit.Length),
        _ => article.Body.Substring(hit.Offset, hit.Length),
    };

    [Theory]
    [InlineData("sanctions", "New sanction imposed.", "sanction")]
    [InlineData("sanctions", "Sanctions were widened.", "Sanctions")]
    [InlineData("sanctions", "Banks were sanctioned on Friday.", "sanctioned")]
    [InlineData("sanction", "The board is sanctioning the plan.", "sanctioning")]
    [InlineData("sanction", "MORE SANCTIONS ARE COMING", "SANCTIONS")]
    [InlineData("cafe", "The Café reopened.", "Café")]
    [InlineData("Café", "The cafe reopened.", "cafe")]
    [InlineData("russia", "Russia\u2019s exports fell.", "Russia\u2019s")]
    [InlineData("escalate", "The dispute escalated quickly.", "escalated")]
    public void Match_InflectedCaseOrAccentVariant_Hits(string keyword, string body, string expected)
    {
        var hit = Assert.Single(BodyHits(keyword, body));

        Assert.Equal(expected, body.Substring(hit.Offset, hit.Length));
        Assert.Equal(keyword, hit.Keyword);
    }

    [Theory]
    [InlineData("sanctions", "A sanctimonious speech.")]
    [InlineData("sanctions", "The sanctuary is closed.")]
    [InlineData("ferry", "Ferrymen went on strike.")]
    [InlineData("port", "The airport reopened after a report.")]
    public void Match_DifferentWordSharingLetters_DoesNotHit(string keyword, string body)
    {
        Assert.Empty(BodyHits(keyword, body));
    }

    [Fact]
    public void Match_HyphenatedCompound_HitsThePart()
    {
        var body = "Anti-sanctions protesters marched.";

        var hit = Assert.Single(BodyHits("sanctions", body));

        Assert.Equal("sanctions", body.Substring(hit.Offset, hit.Length));
    }

    [Fact]
    public void Match_Phrase_HitsWordsInOrderCaseInsensitively()
    {
        var body = "The Foreign Minister flew to Oslo.";

        var hit = Assert.Single(BodyHits("foreign minister", body));

        Assert.Equal("Foreign Minister", body.Substring(hit.Offset, hit.Length));
    }

    [Fact]
    public void Match_PhraseAcrossPunctuationAndLineBreak_Hits()
    {
        var hit = Assert.Single(BodyHits("foreign minister", "Said the foreign\nminister, tired."));

        Assert.Equal("foreign\nminister".Length, hit.Length);
    }

    [Theory]
    [InlineData("The minister, foreign to the region, left.")]
    [InlineData("The foreign trade minister left.")]
    [InlineData("Foreign policy; the minister left.")]
    public void Match_PhraseWordsOutOfOrderOrApart_DoesNotHit(string body)
    {
        Assert.Empty(BodyHits("foreign minister", body));
    }

    [Fact]
    public void Match_QuotedPhraseKeyword_MatchesAsPhrase()
    {
        Assert.Single(BodyHits("\"foreign minister\"", "The foreign minister left."));
    }

    [Fact]
    public void Match_PhraseAtEndOfText_DoesNotReadPastIt()
    {
        Assert.Empty(BodyHits("foreign minister", "They met the foreign"));
    }

    [Fact]
    public void Match_SeveralOccurrences_HitsEachWithItsOwnOffset()
    {
        var body = "Sanctions first. Then more sanctions, and a sanction.";

        var hits = BodyHits("sanctions", body);

        Assert.Equal([0, 27, 44], hits.Select(h => h.Offset));
        Assert.All(hits, h => Assert.StartsWith("sanction", body.Substring(h.Offset, h.Length), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Match_BodyHitOffsets_CountParagraphSeparators()
    {
        var article = ArticleBuilder.Make(paragraphs: ["The ferry was late.", "Sanctions were not the reason."]);

        var hit = Assert.Single(Assert.Single(Compile([WatchBuilder.For("sanctions")]).Match(article)).Hits);

        Assert.Equal("The ferry was late.".Length + Article.ParagraphSeparator.Length, hit.Offset);
        Assert.Equal("Sanctions", MatchedText(article, hit));
    }

    [Fact]
    public void Match_EachField_ReportsItsFieldAndOffsetsIntoIt()
    {
        var article = ArticleBuilder.Make(
            title: "Sanctions hit ferry operator",
            standfirst: "Fresh sanctions announced.",
            paragraphs: ["The operator faces sanctions from Monday."]);

        var hits = Assert.Single(Compile([WatchBuilder.For("sanctions")]).Match(article)).Hits;

        Assert.Equal([ArticleField.Title, ArticleField.Standfirst, ArticleField.Body], hits.Select(h => h.Field));
        Assert.All(hits, h => Assert.Equal("sanctions", MatchedText(article, h), ignoreCase: true));
    }

    [Fact]
    public void Match_TitleHit_SetsInTitle()
    {
        var article = ArticleBuilder.Make(title: "Ferry sanctions lifted");

        var match = Assert.Single(Compile([WatchBuilder.For("sanctions")]).Match(article));

        Assert.True(match.InTitle);
        Assert.Equal(ArticleField.Title, Assert.Single(match.Hits).Field);
    }

    [Fact]
    public void Match_BodyOnlyHit_IsNotInTitle()
    {
        var match = Assert.Single(Compile([WatchBuilder.For("sanctions")]).Match(ArticleBuilder.WithBody("New sanctions.")));

        Assert.False(match.InTitle);
    }

    [Fact]
    public void Match_Snippet_LocatesTheMatch()
    {
        var filler = string.Join(' ', Enumerable.Repeat("The crossing was rough but the ferry kept to time.", 4));
        var body = filler + " Officials discussed SANCTIONS against the operator. " + filler;

        var hit = Assert.Single(BodyHits("sanctions", body));

        Assert.Equal("SANCTIONS", hit.Snippet.Substring(hit.SnippetMatchStart, hit.SnippetMatchLength));
        Assert.StartsWith("\u2026", hit.Snippet, StringComparison.Ordinal);
        Assert.EndsWith("\u2026", hit.Snippet, StringComparison.Ordinal);
        Assert.InRange(hit.Snippet.Length, "SANCTIONS".Length, "SANCTIONS".Length + (2 * KeywordMatcher.SnippetContext) + 2);
        Assert.DoesNotContain("\u2026 ", hit.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_SnippetOfShortText_IsWholeTextWithoutEllipses()
    {
        var hit = Assert.Single(BodyHits("sanctions", "New sanctions."));

        Assert.Equal("New sanctions.", hit.Snippet);
        Assert.Equal(4, hit.SnippetMatchStart);
        Assert.Equal("sanctions".Length, hit.SnippetMatchLength);
    }

    [Fact]
    public void Match_SnippetSpanningParagraphs_HasNoLineBreaks()
    {
        var article = ArticleBuilder.Make(paragraphs: ["The ferry was late.", "Sanctions were not the reason.", "Fog was."]);

        var hit = Assert.Single(Assert.Single(Compile([WatchBuilder.For("sanctions")]).Match(article)).Hits);

        Assert.DoesNotContain('\n', hit.Snippet);
        Assert.Equal("Sanctions", hit.Snippet.Substring(hit.SnippetMatchStart, hit.SnippetMatchLength));
    }

    [Fact]
    public void Match_PhraseSnippet_LocatesWholePhrase()
    {
        var hit = Assert.Single(BodyHits("foreign minister", "Yesterday the Foreign Minister spoke."));

        Assert.Equal("Foreign Minister", hit.Snippet.Substring(hit.SnippetMatchStart, hit.SnippetMatchLength));
    }

    [Fact]
    public void Match_DisabledWatch_NeverHits()
    {
        var matcher = Compile([WatchBuilder.Disabled("sanctions")]);

        Assert.Empty(matcher.Match(ArticleBuilder.Make(title: "Sanctions", paragraphs: ["Sanctions everywhere."])));
        Assert.Equal(0, matcher.WatchCount);
    }

    [Fact]
    public void Match_DisabledAndEnabledWatches_ReportsOnlyEnabled()
    {
        var matcher = Compile([WatchBuilder.Disabled("sanctions"), WatchBuilder.Named("on", "sanctions")]);

        var match = Assert.Single(matcher.Match(ArticleBuilder.WithBody("Sanctions everywhere.")));

        Assert.Equal("on", match.WatchId);
    }

    [Fact]
    public void Match_KeywordOnlyInTeasers_DoesNotHit()
    {
        var article = ArticleBuilder.Make(
            paragraphs: ["The ferry was late.", "Nobody minded."],
            teasers: ["New sanctions on ferry operators", "Sanctions explained"]);

        Assert.Empty(Compile([WatchBuilder.For("sanctions")]).Match(article));
    }

    [Fact]
    public void Match_SeveralWatches_ReportsEachWatchWithItsOwnHits()
    {
        var matcher = Compile([
            WatchBuilder.Named("ferries", "ferry"),
            WatchBuilder.Named("money", "fares", "sanctions"),
            WatchBuilder.Named("weather", "storm")]);

        var matches = matcher.Match(ArticleBuilder.WithBody("Ferry fares rise as sanctions bite."));

        Assert.Equal(["ferries", "money"], matches.Select(m => m.WatchId));
        Assert.Equal(["fares", "sanctions"], matches[1].Hits.Select(h => h.Keyword));
    }

    [Fact]
    public void Match_TwoKeywordsOfOneWatchOnSameWord_ReportsBoth()
    {
        var hits = BodyHits("sanctions", "Sanctions.");
        var both = Assert.Single(Compile([WatchBuilder.For("sanctions", "sanctioned")]).Match(ArticleBuilder.WithBody("Sanctions."))).Hits;

        Assert.Single(hits);
        Assert.Equal(2, both.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("--")]
    public void Compile_KeywordWithoutWords_IsIgnored(string keyword)
    {
        var matcher = Compile([WatchBuilder.For(keyword)]);

        Assert.Empty(matcher.Match(ArticleBuilder.WithBody("Anything at all -- even dashes.")));
    }

    [Fact]
    public void Empty_MatchesNothing()
    {
        Assert.Empty(KeywordMatcher.Empty.Match(ArticleBuilder.WithBody("Sanctions.")));
    }
}

/// <summary>Every test of <see cref="KeywordMatcherTests"/> again, with the tokenizing strategy.</summary>
public sealed class KeywordMatcherTestsWhenTokenizing : KeywordMatcherTests
{
    protected override MatchStrategy Strategy => MatchStrategy.Tokenize;
}
