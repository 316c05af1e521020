using Ingest.Domain.Articles;
using Ingest.Domain.Parsing;

namespace Ingest.Domain.Tests;

public sealed class ContentHashTests
{
    private static string IdOf(string text) => new PlainTextNewsParser().Parse(text).Article!.Id;

    [Fact]
    public void Compute_Always_Returns32LowerHexCharacters()
    {
        var hash = ContentHash.Compute("Ferry fares rise", ["Islanders pay more."]);

        Assert.Equal(ContentHash.Length, hash.Length);
        Assert.Matches("^[0-9a-f]{32}$", hash);
    }

    [Fact]
    public void Parse_SameArticleWithDifferentWhitespace_HasSameId()
    {
        var plain = new NewsDropBuilder().Build();
        var messy = new NewsDropBuilder()
            .WithHeadline("  Harbour board  approves winter\tferry timetable ")
            .WithParagraphs([.. NewsDropBuilder.DefaultParagraphs.Select(p => p.Replace(" ", "  ", StringComparison.Ordinal) + "   ")])
            .BlankLineSeparated()
            .WithLineEnding("\r\n")
            .Build();

        Assert.Equal(IdOf(plain), IdOf(messy));
    }

    [Fact]
    public void Parse_SameArticleWithCurlyOrStraightQuotesAndDashes_HasSameId()
    {
        var curly = new NewsDropBuilder().AddParagraph("\u201cIt\u2019s a fair deal \u2013 for now,\u201d the clerk said.").Build();
        var straight = new NewsDropBuilder().AddParagraph("\"It's a fair deal - for now,\" the clerk said.").Build();

        Assert.Equal(IdOf(curly), IdOf(straight));
    }

    [Fact]
    public void Parse_SameArticleWithDifferentCase_HasSameId()
    {
        Assert.Equal(IdOf(new NewsDropBuilder().Build()), IdOf(new NewsDropBuilder().Build().ToUpperInvariant()));
    }

    [Fact]
    public void Parse_SameArticleUnderAnotherPublisherSuffix_HasSameId()
    {
        Assert.Equal(
            IdOf(new NewsDropBuilder().WithPublisher("Harbour Gazette").Build()),
            IdOf(new NewsDropBuilder().WithPublisher("Island Times", " | ").Build()));
    }

    [Fact]
    public void Parse_SameArticleWithBoilerplateAround_HasSameId()
    {
        var bare = new NewsDropBuilder().Build();
        var scraped = new NewsDropBuilder().WithTrailer("Follow Harbour Gazette:", "Leave a Reply", "First!").Build();

        Assert.Equal(IdOf(bare), IdOf(scraped));
    }

    [Theory]
    [InlineData("Harbour board rejects winter ferry timetable", null)]
    [InlineData(null, "The harbour board voted on Tuesday.")]
    public void Parse_DifferentText_HasDifferentId(string? headline, string? extraParagraph)
    {
        var changed = new NewsDropBuilder().WithHeadline(headline ?? NewsDropBuilder.DefaultHeadline);
        if (extraParagraph is not null)
        {
            changed.AddParagraph(extraParagraph);
        }

        Assert.NotEqual(IdOf(new NewsDropBuilder().Build()), IdOf(changed.Build()));
    }

    [Fact]
    public void Compute_SameWordsSplitIntoOtherParagraphs_DiffersFromOneParagraph()
    {
        Assert.NotEqual(
            ContentHash.Compute("Title", ["one two", "three"]),
            ContentHash.Compute("Title", ["one two three"]));
    }

    [Fact]
    public void Compute_TextMovedBetweenTitleAndBody_Differs()
    {
        Assert.NotEqual(
            ContentHash.Compute("Ferry fares", ["rise in May"]),
            ContentHash.Compute("Ferry fares rise", ["in May"]));
    }
}
