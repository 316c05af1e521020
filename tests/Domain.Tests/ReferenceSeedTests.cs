using Ingest.Domain.Articles;
using Ingest.Domain.Matching;
using Ingest.Domain.Parsing;

namespace Ingest.Domain.Tests;

/// <summary>
/// The reference drop the project was designed around (../shared/seeds). Expected text is read from
/// the seed at run time where it is long, so nothing of the seed is copied into the project.
/// </summary>
public sealed class ReferenceSeedTests
{
    private static readonly string[] BoilerplateLines =
    [
        "Follow Al Jazeera English:",
        "Leave a Reply",
        "Your email address will not be published.",
    ];

    private static (Article Article, string[] Lines) ParseSeed()
    {
        var bytes = File.ReadAllBytes(SharedData.ReferenceSeedPath);
        var decoded = NewsTextDecoder.Decode(bytes);
        Assert.Null(decoded.Error);
        var parsed = new PlainTextNewsParser().Parse(decoded.Text!);
        Assert.Null(parsed.Error);
        var lines = decoded.Text!.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim().Replace('\u00A0', ' ')).ToArray();
        return (parsed.Article!, lines);
    }

    /// <summary>The related-story lines: the last four non-empty lines before the page footer.</summary>
    private static string[] TeaserLinesFromSeed(string[] lines)
    {
        var footer = Array.IndexOf(lines, BoilerplateLines[0]);
        Assert.True(footer > 0, "The seed no longer has its 'Follow Al Jazeera English:' footer.");
        return lines[..footer].Where(l => l.Length > 0).TakeLast(4).ToArray();
    }

    [SharedFact(SharedData.ReferenceSeed)]
    public void Parse_ReferenceSeed_SplitsTitleAndPublisher()
    {
        var (article, _) = ParseSeed();

        Assert.Equal("Ukraine crisis: Blinken cancels meeting with Russia\u2019s Lavrov", article.Title);
        Assert.Equal("Al Jazeera English", article.Publisher);
    }

    [SharedFact(SharedData.ReferenceSeed)]
    public void Parse_ReferenceSeed_TakesFirstParagraphAsStandfirst()
    {
        var (article, lines) = ParseSeed();

        Assert.NotNull(article.Standfirst);
        Assert.StartsWith("US secretary of state says", article.Standfirst, StringComparison.Ordinal);
        Assert.Equal(lines.First(l => l.StartsWith("US secretary of state says", StringComparison.Ordinal)), article.Standfirst);
        Assert.StartsWith("US Secretary of State Antony Blinken has cancelled", article.Paragraphs[0], StringComparison.Ordinal);
    }

    [SharedFact(SharedData.ReferenceSeed)]
    public void Parse_ReferenceSeed_DropsPageBoilerplate()
    {
        var (article, lines) = ParseSeed();

        foreach (var boilerplate in BoilerplateLines)
        {
            Assert.Contains(boilerplate, lines);
            Assert.DoesNotContain(article.Paragraphs, p => p.Contains(boilerplate, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(article.Teasers, t => t.Contains(boilerplate, StringComparison.OrdinalIgnoreCase));
        }

        Assert.All(article.Paragraphs, p => Assert.Equal(BoilerplateKind.None, BoilerplateRules.Default.Classify(p)));
    }

    [SharedFact(SharedData.ReferenceSeed)]
    public void Parse_ReferenceSeed_KeepsRelatedStoriesAsTeasers()
    {
        var (article, lines) = ParseSeed();
        var expected = TeaserLinesFromSeed(lines);

        Assert.Equal(expected, article.Teasers);
        foreach (var teaser in expected)
        {
            Assert.DoesNotContain(teaser, article.Paragraphs);
        }

        // The paragraph just before the teasers is the article's last ("... he said.").
        Assert.EndsWith("he said.", article.Paragraphs[^1], StringComparison.Ordinal);
    }

    [SharedFact(SharedData.ReferenceSeed)]
    public void Parse_ReferenceSeed_KeepsEveryArticleLine()
    {
        var (article, lines) = ParseSeed();
        var articleLines = lines[2..Array.IndexOf(lines, BoilerplateLines[0])].Where(l => l.Length > 0).SkipLast(4).ToArray();

        Assert.Equal(articleLines, new[] { article.Standfirst! }.Concat(article.Paragraphs));
        Assert.Equal(WordTokenizer.Count(article.Title) + WordTokenizer.Count(article.Standfirst!) + article.Paragraphs.Sum(WordTokenizer.Count), article.WordCount);
    }

    [SharedFact(SharedData.ReferenceSeed)]
    public void Match_ReferenceSeed_SanctionsWatchHitsBodyIncludingSingular()
    {
        var (article, _) = ParseSeed();
        var matcher = KeywordMatcher.Compile([WatchBuilder.For("sanctions")]);

        var match = Assert.Single(matcher.Match(article));

        Assert.NotEmpty(match.Hits);
        Assert.All(match.Hits, h => Assert.Equal(ArticleField.Body, h.Field));
        var matched = match.Hits.Select(h => article.Body.Substring(h.Offset, h.Length)).ToList();
        Assert.Contains("sanction", matched);
        Assert.Contains("sanctions", matched);
        Assert.All(matched, m => Assert.StartsWith("sanction", m, StringComparison.OrdinalIgnoreCase));
    }

    [SharedFact(SharedData.ReferenceSeed)]
    public void Match_ReferenceSeed_TeasersMentioningSanctionsDoNotHit()
    {
        var (article, _) = ParseSeed();
        var matcher = KeywordMatcher.Compile([WatchBuilder.For("sanctions")]);
        var inBody = WordTokenizer.Tokenize(article.Body)
            .Count(w => EnglishInflection.Key(article.Body.AsSpan(w.Start, w.Length)) == EnglishInflection.Key("sanctions"));

        var match = Assert.Single(matcher.Match(article));

        Assert.Contains(article.Teasers, t => t.Contains("sanctions", StringComparison.Ordinal));
        Assert.Equal(inBody, match.Hits.Count);
    }
}
