using System.Text;
using Ingest.Domain.Parsing;

namespace Ingest.Domain.Tests;

/// <summary>Pathologically nested markup is refused or read, never a crash.</summary>
public sealed class DeepNestingTests
{
    [Fact]
    public void Parse_DeeplyNestedHtml_IsRefusedBeforeTheHtmlParserSpendsMinutesOnIt()
    {
        var html = "<html><head><title>Deep page about ferries</title></head><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "<p>Deep text.</p><p>More.</p></body></html>";
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var document = new NewsDocumentParser().Parse(Encoding.UTF8.GetBytes(html), ParseLimits.Default);

        Assert.Contains("nests elements about 100,000 deep", document.Error, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Parse_SloppyHtmlWithManyUnclosedParagraphs_IsStillRead()
    {
        var html = "<html><head><title>Long list about ferries</title></head><body><div>" + string.Concat(Enumerable.Range(1, 3000).Select(i => $"<p>Sailing {i} left on time.<li>Crew {i}")) + "</div></body></html>";

        var document = new NewsDocumentParser().Parse(Encoding.UTF8.GetBytes(html), ParseLimits.Default);

        Assert.Null(document.Error);
        Assert.NotNull(Assert.Single(document.Items).Article);
    }

    [Fact]
    public void Parse_DeeplyNestedFeed_IsRefusedWithReason()
    {
        const int depth = 100_000;
        var xml = "<?xml version=\"1.0\"?><rss><channel><title>T</title><item><title>Deep item</title><description>"
            + "Text.</description>" + string.Concat(Enumerable.Repeat("<a>", depth)) + string.Concat(Enumerable.Repeat("</a>", depth))
            + "</item></channel></rss>";

        var document = new NewsDocumentParser().Parse(Encoding.UTF8.GetBytes(xml), ParseLimits.Default);

        Assert.Contains("nests elements more than 256 deep", document.Error, StringComparison.Ordinal);
    }
}
