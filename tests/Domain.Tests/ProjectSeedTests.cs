using Ingest.Domain.Parsing;

namespace Ingest.Domain.Tests;

/// <summary>The sample drops in seeds/ (written for this project) each parse whole, in the format they show off.</summary>
public sealed class ProjectSeedTests
{
    private static string SeedPath(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ingest.sln")))
            {
                return Path.Combine(dir.FullName, "seeds", name);
            }
        }

        throw new InvalidOperationException("Ingest.sln not found above the test binaries.");
    }

    [Theory]
    [InlineData("sample-sanctions.txt", "text", 1)]
    [InlineData("sample-city-budget.txt", "text", 1)]
    [InlineData("sample-harbour-page.html", "html", 1)]
    [InlineData("sample-islands-feed.xml", "rss", 3)]
    [InlineData("sample-wire-batch.json", "json", 2)]
    [InlineData("sample-fishing-boat.txt.gz", "gzip+text", 1)]
    public void Parse_ProjectSeed_ReadsEveryArticle(string seed, string format, int articles)
    {
        var document = new NewsDocumentParser().Parse(File.ReadAllBytes(SeedPath(seed)), ParseLimits.Default);

        Assert.Null(document.Error);
        Assert.Equal(format, document.FormatName);
        Assert.Equal(articles, document.Items.Count);
        Assert.All(document.Items, i => Assert.True(i.Article is { Title.Length: > 0, Paragraphs.Count: > 0 }, i.Error));
    }

    [Fact]
    public void Parse_HtmlSeed_LeavesThePageFurnitureOut()
    {
        var article = new NewsDocumentParser().Parse(File.ReadAllBytes(SeedPath("sample-harbour-page.html")), ParseLimits.Default).Items[0].Article!;

        Assert.Equal(("Harbour trust sanctions overnight mooring ban", "Harbour Gazette", "Morag Dunn"), (article.Title, article.Publisher, article.Author));
        Assert.Equal("Boats left on the outer wall after dark will be towed from April.", article.Standfirst);
        Assert.Equal(3, article.Paragraphs.Count);
    }

    [Fact]
    public void Parse_JsonSeed_StripsThePublisherSuffixFromTheTitle()
    {
        var article = new NewsDocumentParser().Parse(File.ReadAllBytes(SeedPath("sample-wire-batch.json")), ParseLimits.Default).Items[0].Article!;

        Assert.Equal(("Port authority widens sanctions checks on cargo ships", "Coastal Wire"), (article.Title, article.Publisher));
    }
}
