using Ingest.Domain.Articles;
using Ingest.Domain.Parsing;

namespace Ingest.Domain.Tests;

public sealed class PlainTextNewsParserTests
{
    private readonly PlainTextNewsParser parser = new();

    private Article ParseOk(string text)
    {
        var result = parser.Parse(text);
        Assert.Null(result.Error);
        return Assert.IsType<Article>(result.Article);
    }

    private string ParseError(string text)
    {
        var result = parser.Parse(text);
        Assert.Null(result.Article);
        return Assert.IsType<string>(result.Error);
    }

    [Theory]
    [InlineData(" – ")]
    [InlineData(" — ")]
    [InlineData(" - ")]
    [InlineData(" | ")]
    public void Parse_TitleWithPublisherSuffix_SplitsPublisher(string separator)
    {
        var article = ParseOk(new NewsDropBuilder().WithPublisher("Harbour Gazette", separator).Build());

        Assert.Equal(NewsDropBuilder.DefaultHeadline, article.Title);
        Assert.Equal("Harbour Gazette", article.Publisher);
    }

    [Fact]
    public void Parse_TitleWithoutSuffix_HasNoPublisher()
    {
        var article = ParseOk(new NewsDropBuilder().Build());

        Assert.Equal(NewsDropBuilder.DefaultHeadline, article.Title);
        Assert.Null(article.Publisher);
    }

    [Theory]
    [InlineData("Shares slump - analysts fear the worst?")]
    [InlineData("Rates rise again - but not for long")]
    [InlineData("Storm warning - Coastguard Says Stay Home.")]
    [InlineData("Council votes - Residents of the Outer Islands Welcome Extra Late Crossings")]
    public void Parse_HeadlineWithDashThatIsNotPublisher_KeepsHeadlineWhole(string headline)
    {
        var article = ParseOk(new NewsDropBuilder().WithHeadline(headline).Build());

        Assert.Equal(headline, article.Title);
        Assert.Null(article.Publisher);
    }

    [Fact]
    public void Parse_PublisherAfterDashInHeadline_SplitsOnlyTheLastSeparator()
    {
        var article = ParseOk(new NewsDropBuilder().WithHeadline("Ferry row - the sequel").WithPublisher("Island Times", " | ").Build());

        Assert.Equal("Ferry row - the sequel", article.Title);
        Assert.Equal("Island Times", article.Publisher);
    }

    [Fact]
    public void SplitPublisher_NameOfLowerCaseParticles_IsPublisher()
    {
        var (title, publisher) = PlainTextNewsParser.SplitPublisher("Ferry fares rise – Voice of the Islands");

        Assert.Equal("Ferry fares rise", title);
        Assert.Equal("Voice of the Islands", publisher);
    }

    [Theory]
    [InlineData("Ferry strike – Business | Example Times", "Ferry strike", "Business | Example Times")]
    [InlineData("Ferry strike | Business – Example Times", "Ferry strike | Business", "Example Times")]
    [InlineData("Budget 2026 – Part 2", "Budget 2026", "Part 2")]
    [InlineData("Ferry strike – Example & Sons", "Ferry strike", "Example & Sons")]
    [InlineData("Ferry strike – Internationalen Nachrichtenagenturen Zusammenfassungsredaktionen", "Ferry strike – Internationalen Nachrichtenagenturen Zusammenfassungsredaktionen", null)]
    public void SplitPublisher_TriesTheLastEnDashFirst_AndAcceptsWordsNotBeginningWithALetter(string headline, string expectedTitle, string? expectedPublisher)
    {
        var (title, publisher) = PlainTextNewsParser.SplitPublisher(headline);

        Assert.Equal(expectedTitle, title);
        Assert.Equal(expectedPublisher, publisher);
    }

    [Fact]
    public void Parse_BlankLineSeparatedParagraphs_ReadsStandfirstAndBody()
    {
        var article = ParseOk(new NewsDropBuilder().BlankLineSeparated().Build());

        Assert.Equal(NewsDropBuilder.DefaultHeadline, article.Title);
        Assert.Equal(NewsDropBuilder.DefaultStandfirst, article.Standfirst);
        Assert.Equal(NewsDropBuilder.DefaultParagraphs, article.Paragraphs);
        Assert.Empty(article.Teasers);
    }

    [Fact]
    public void Parse_OneParagraphPerLine_ReadsTheSameArticleAsBlankLineSeparated()
    {
        var perLine = ParseOk(new NewsDropBuilder().Build());
        var blankLines = ParseOk(new NewsDropBuilder().BlankLineSeparated().Build());

        Assert.Equal(blankLines.Standfirst, perLine.Standfirst);
        Assert.Equal(blankLines.Paragraphs, perLine.Paragraphs);
        Assert.Equal(blankLines.Id, perLine.Id);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Parse_OtherLineEndings_ReadsTheSameArticle(string lineEnding)
    {
        var article = ParseOk(new NewsDropBuilder().BlankLineSeparated().WithLineEnding(lineEnding).Build());

        Assert.Equal(NewsDropBuilder.DefaultHeadline, article.Title);
        Assert.Equal(NewsDropBuilder.DefaultParagraphs, article.Paragraphs);
    }

    [Fact]
    public void Parse_LeadingBlankLines_FindsHeadline()
    {
        var article = ParseOk("\n \n\t\n" + new NewsDropBuilder().Build());

        Assert.Equal(NewsDropBuilder.DefaultHeadline, article.Title);
    }

    [Fact]
    public void Parse_HardWrappedParagraphs_JoinsContinuationLines()
    {
        var wrapped = new NewsDropBuilder()
            .BlankLineSeparated()
            .WithParagraphs(
                "The harbour board voted on Monday to add an early and a late\ncrossing to the winter timetable, ending a dispute that\nhad run since spring.",
                "Residents of the outer islands had complained that the last\nboat left before most shifts ended.")
            .Build();

        var article = ParseOk(wrapped);

        Assert.Equal(
            [
                "The harbour board voted on Monday to add an early and a late crossing to the winter timetable, ending a dispute that had run since spring.",
                "Residents of the outer islands had complained that the last boat left before most shifts ended.",
            ],
            article.Paragraphs);
    }

    [Theory]
    [InlineData("The vote was close.")]
    [InlineData("The vote was close:")]
    [InlineData("The mayor said «the vote was close»")]
    [InlineData("The mayor said ‹the vote was close›")]
    [InlineData("Der Bürgermeister sagte „knapp“")]
    [InlineData("The mayor said “the vote was close”")]
    [InlineData("The vote (a close one)")]
    public void Parse_LineAfterFinishedSentence_StartsNewParagraph(string first)
    {
        var article = ParseOk(new NewsDropBuilder()
            .WithStandfirst(null)
            .WithParagraphs(first, "it passed by one, the clerk confirmed.", "Fares rise in May.")
            .Build());

        Assert.Equal(["it passed by one, the clerk confirmed.", "Fares rise in May."], article.Paragraphs);
    }

    [Fact]
    public void Parse_ShortFirstParagraphFollowedByMore_IsStandfirst()
    {
        var article = ParseOk(new NewsDropBuilder().Build());

        Assert.Equal(NewsDropBuilder.DefaultStandfirst, article.Standfirst);
        Assert.DoesNotContain(NewsDropBuilder.DefaultStandfirst, article.Paragraphs);
    }

    [Fact]
    public void Parse_LongFirstParagraph_IsNotStandfirst()
    {
        var longOpening = string.Join(' ', Enumerable.Repeat("The crossing was rough but the ferry kept to time.", 8));
        var article = ParseOk(new NewsDropBuilder().WithStandfirst(longOpening).Build());

        Assert.Null(article.Standfirst);
        Assert.Equal(longOpening, article.Paragraphs[0]);
    }

    [Fact]
    public void Parse_SingleParagraph_IsBodyNotStandfirst()
    {
        var article = ParseOk(new NewsDropBuilder().WithStandfirst(null).WithParagraphs("The ferry ran late.").Build());

        Assert.Null(article.Standfirst);
        Assert.Equal(["The ferry ran late."], article.Paragraphs);
    }

    [Fact]
    public void Parse_PageBoilerplateBetweenParagraphs_DropsLine()
    {
        var article = ParseOk(new NewsDropBuilder()
            .WithParagraphs(NewsDropBuilder.DefaultParagraphs[0], "Advertisement", NewsDropBuilder.DefaultParagraphs[1], "Share this article")
            .AddParagraph(NewsDropBuilder.DefaultParagraphs[2])
            .Build());

        Assert.Equal(NewsDropBuilder.DefaultParagraphs, article.Paragraphs);
    }

    [Fact]
    public void Parse_TailBoilerplate_DropsEverythingAfterIt()
    {
        var article = ParseOk(new NewsDropBuilder()
            .WithTrailer("Leave a Reply", "Nice to finally get a late boat, says a reader who commented here at length.")
            .Build());

        Assert.Equal(NewsDropBuilder.DefaultParagraphs, article.Paragraphs);
        Assert.DoesNotContain(article.Paragraphs, p => p.Contains("reader", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ShortLinesBeforePageFurniture_AreTeasers()
    {
        string[] teasers = ["Island school gets a new roof before winter", "Lighthouse keeper's cottage sold at auction"];
        var article = ParseOk(new NewsDropBuilder().WithTrailer([.. teasers, "Follow Harbour Gazette:", "Leave a comment"]).Build());

        Assert.Equal(teasers, article.Teasers);
        Assert.Equal(NewsDropBuilder.DefaultParagraphs, article.Paragraphs);
    }

    [Fact]
    public void Parse_ShortLastLinesWithoutPageFurniture_StayInBody()
    {
        var article = ParseOk(new NewsDropBuilder().WithTrailer("Island school gets a new roof before winter").Build());

        Assert.Empty(article.Teasers);
        Assert.Equal("Island school gets a new roof before winter", article.Paragraphs[^1]);
    }

    [Theory]
    [InlineData("The operator said fares would rise")]
    [InlineData("\u201cIt is a good day,\u201d one islander joked")]
    [InlineData("Ferry strike «will go ahead», union warns")]
    [InlineData("Ferry strike „will go ahead‟, union warns")]
    [InlineData("Ferry strike ‹will go ahead›, union warns")]
    [InlineData("Ferry strike ‘will go ahead’, union warns")]
    [InlineData("Fares rise. Timetable changes follow")]
    public void Parse_LastLineWithQuoteAttributionOrTwoSentences_IsNotTeaser(string last)
    {
        var article = ParseOk(new NewsDropBuilder().WithTrailer(last, "Leave a Reply").Build());

        Assert.Empty(article.Teasers);
        Assert.Equal(last, article.Paragraphs[^1]);
    }

    [Fact]
    public void Parse_NonBreakingSpaces_BecomeSpaces()
    {
        var article = ParseOk(new NewsDropBuilder().WithParagraphs("The ferry left at\u00A0six.", "It came back at\u00A0nine.").Build());

        Assert.DoesNotContain(article.Paragraphs, p => p.Contains('\u00A0', StringComparison.Ordinal));
        Assert.Contains("The ferry left at six.", article.Paragraphs);
    }

    [Fact]
    public void Parse_Article_CountsWordsInTitleStandfirstAndBody()
    {
        var article = ParseOk(new NewsDropBuilder()
            .WithHeadline("Ferry fares rise")
            .WithStandfirst("Islanders pay more from May.")
            .WithParagraphs("The board's vote was 5-4.", "Foot passengers are un-affected.")
            .Build());

        // 3 + 5 + ("The", "board's", "vote", "was", "5", "4") + ("Foot", "passengers", "are", "un", "affected")
        Assert.Equal(3 + 5 + 6 + 5, article.WordCount);
    }

    [Fact]
    public void Parse_WhitespaceOnly_Fails()
    {
        var error = ParseError(" \n\t\r\n  \n");

        Assert.Contains("whitespace", error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Parse_EmptyString_Fails()
    {
        ParseError(string.Empty);
    }

    [Fact]
    public void Parse_UnpairedSurrogateOrByteSwappedBom_FailsInsteadOfThrowing()
    {
        // Built in code: xunit would turn lone surrogates in [InlineData] into U+FFFD.
        string[] headlines = ["Ferry fares \uD800 rise", "Ferry fares rise \uDC00", "Ferry fares rise \uDC00\uD800"];

        Assert.All(headlines, h => Assert.Contains("Unicode", ParseError(new NewsDropBuilder().WithHeadline(h).Build()), StringComparison.Ordinal));
        Assert.Contains("Unicode", ParseError(new NewsDropBuilder().AddParagraph("Body \uD83D").Build()), StringComparison.Ordinal);
        Assert.Contains("Unicode", ParseError(new NewsDropBuilder().AddParagraph("Body \uFFFE").Build()), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SurrogatePairs_AreText()
    {
        var article = ParseOk(new NewsDropBuilder().WithHeadline("Ferry \U0001F6A2 fares rise").Build());

        Assert.Equal("Ferry \U0001F6A2 fares rise", article.Title);
    }

    [Fact]
    public void Parse_HeadlineLongerThanLimit_Fails()
    {
        var headline = new string('a', PlainTextNewsParser.MaxHeadlineLength + 1);

        var error = ParseError(new NewsDropBuilder().WithHeadline(headline).Build());

        Assert.Contains((PlainTextNewsParser.MaxHeadlineLength + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HeadlineAtLimit_Succeeds()
    {
        var headline = new string('a', PlainTextNewsParser.MaxHeadlineLength);

        Assert.Equal(headline, ParseOk(new NewsDropBuilder().WithHeadline(headline).Build()).Title);
    }

    [Fact]
    public void Parse_HeadlineWithoutLetters_Fails()
    {
        ParseError(new NewsDropBuilder().WithHeadline("2025-03-14 09:00").Build());
    }

    [Fact]
    public void Parse_HeadlineOnly_FailsForNoBody()
    {
        var error = ParseError(NewsDropBuilder.DefaultHeadline + "\n\n\n");

        Assert.Contains("no article text", error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Parse_HeadlineFollowedOnlyByBoilerplate_FailsForNoBody()
    {
        ParseError(NewsDropBuilder.DefaultHeadline + "\n\nShare this article\nLeave a Reply\nLovely article.\n");
    }

    [Fact]
    public void Parse_CustomRules_AppliesThem()
    {
        var rules = BoilerplateRules.Parse("""
            # house style of an invented site
            line: \[island radio\]
            tail: --- end of bulletin ---
            """);
        var custom = new PlainTextNewsParser(rules);
        var text = new NewsDropBuilder()
            .WithParagraphs(NewsDropBuilder.DefaultParagraphs[0], "[Island Radio]", NewsDropBuilder.DefaultParagraphs[2])
            .WithTrailer("--- End of bulletin ---", "Weather: windy.", "Share this article")
            .Build();

        var article = custom.Parse(text).Article!;

        // The last paragraph has an attribution ("said"), so it is not taken for a teaser.
        Assert.Equal([NewsDropBuilder.DefaultParagraphs[0], NewsDropBuilder.DefaultParagraphs[2]], article.Paragraphs);
    }

    [Fact]
    public void Parse_CustomRulesWithoutDefaults_KeepsDefaultBoilerplate()
    {
        var custom = new PlainTextNewsParser(BoilerplateRules.Parse("line: nothing matches this"));

        var article = custom.Parse(new NewsDropBuilder().WithTrailer("Share this article").Build()).Article!;

        Assert.Equal("Share this article", article.Paragraphs[^1]);
    }
}
