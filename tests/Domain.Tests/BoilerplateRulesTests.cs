using Ingest.Domain.Parsing;

namespace Ingest.Domain.Tests;

public sealed class BoilerplateRulesTests
{
    [Fact]
    public void Parse_LineAndTailRules_ClassifiesWholeLinesCaseInsensitively()
    {
        var rules = BoilerplateRules.Parse("line: share( this)?\ntail: the end\n");

        Assert.Equal(BoilerplateKind.Line, rules.Classify("Share"));
        Assert.Equal(BoilerplateKind.Line, rules.Classify("SHARE THIS"));
        Assert.Equal(BoilerplateKind.Tail, rules.Classify("The End"));
        Assert.Equal(BoilerplateKind.None, rules.Classify("Share prices fell"));
        Assert.Equal(BoilerplateKind.None, rules.Classify("Not the end"));
    }

    [Fact]
    public void Parse_CommentsBlankLinesAndCarriageReturns_AreIgnored()
    {
        var rules = BoilerplateRules.Parse("# comment\r\n\r\n   \r\nline: advert\r\n  # indented comment\r\n");

        Assert.Equal(BoilerplateKind.Line, rules.Classify("Advert"));
        Assert.Equal(BoilerplateKind.None, rules.Classify("# comment"));
    }

    [Fact]
    public void Parse_NoRules_ClassifiesNothing()
    {
        var rules = BoilerplateRules.Parse("# only a comment");

        Assert.Equal(BoilerplateKind.None, rules.Classify("Leave a Reply"));
    }

    [Fact]
    public void Parse_LineWithoutRuleKind_ThrowsFormatExceptionNamingLine()
    {
        var ex = Assert.Throws<FormatException>(() => BoilerplateRules.Parse("line: ok\n# fine\ndrop: advert"));

        Assert.Contains("line 3", ex.Message, StringComparison.Ordinal);
        Assert.Contains("drop: advert", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidRegex_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => BoilerplateRules.Parse("line: (unclosed"));
    }

    [Fact]
    public void Classify_LineLongerThanLimit_IsNeverBoilerplate()
    {
        var rules = BoilerplateRules.Parse("tail: .*");
        var line = new string('x', BoilerplateRules.MaxBoilerplateLineLength + 1);

        Assert.Equal(BoilerplateKind.None, rules.Classify(line));
        Assert.Equal(BoilerplateKind.Tail, rules.Classify(line[1..]));
    }

    [Fact]
    public void Classify_RuleThatMatchesBoth_PrefersTail()
    {
        var rules = BoilerplateRules.Parse("line: comments\ntail: comments");

        Assert.Equal(BoilerplateKind.Tail, rules.Classify("Comments"));
    }

    [Theory]
    [InlineData("Follow Harbour Gazette:", BoilerplateKind.Line)]
    [InlineData("Follow us on Instagram", BoilerplateKind.Line)]
    [InlineData("Advertisement", BoilerplateKind.Line)]
    [InlineData("Facebook | Twitter | WhatsApp", BoilerplateKind.Line)]
    [InlineData("Published: 14 March 2025", BoilerplateKind.Line)]
    [InlineData("4 min read", BoilerplateKind.Line)]
    [InlineData("Leave a Reply", BoilerplateKind.Tail)]
    [InlineData("Your email address will not be published.", BoilerplateKind.Tail)]
    [InlineData("12 comments", BoilerplateKind.Tail)]
    [InlineData("Related stories", BoilerplateKind.Tail)]
    [InlineData("© 2025 Harbour Gazette", BoilerplateKind.Tail)]
    [InlineData("©2025 Harbour Gazette", BoilerplateKind.Tail)]
    [InlineData("Share this", BoilerplateKind.Line)]
    [InlineData("Share this:", BoilerplateKind.Line)]
    [InlineData("Tweet this", BoilerplateKind.Line)]
    [InlineData("Print this", BoilerplateKind.Line)]
    [InlineData("Share via", BoilerplateKind.Line)]
    [InlineData("Share this article", BoilerplateKind.Line)]
    [InlineData("Share this story with friends", BoilerplateKind.Line)]
    [InlineData("Share this view of the harbour.", BoilerplateKind.None)]
    [InlineData("The board will follow the advice of its lawyers.", BoilerplateKind.None)]
    [InlineData("Shares in the ferry operator rose.", BoilerplateKind.None)]
    [InlineData("Comments from islanders were mostly positive.", BoilerplateKind.None)]
    public void Default_CommonPageFurniture_IsClassified(string line, BoilerplateKind expected)
    {
        Assert.Equal(expected, BoilerplateRules.Default.Classify(line));
    }
}
