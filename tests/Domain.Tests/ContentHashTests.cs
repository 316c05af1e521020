using CsCheck;
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

/// <summary>
/// The ASCII fast path in <see cref="ContentHash"/> must not change any id already stored: ids are
/// compared with the algorithm as it was before the fast path, kept here as the reference.
/// </summary>
public sealed class ContentHashAsciiTests
{
    private static string Reference(string title, IEnumerable<string> paragraphs)
    {
        var canonical = new System.Text.StringBuilder();
        Append(canonical, title);
        foreach (var paragraph in paragraphs)
        {
            canonical.Append('\n');
            Append(canonical, paragraph);
        }

        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical.ToString())))[..ContentHash.Length];

        static void Append(System.Text.StringBuilder into, string text)
        {
            var pendingSpace = false;
            foreach (var c in text.Normalize(System.Text.NormalizationForm.FormKC))
            {
                if (char.IsWhiteSpace(c))
                {
                    pendingSpace = into.Length > 0;
                    continue;
                }

                if (pendingSpace)
                {
                    into.Append(' ');
                    pendingSpace = false;
                }

                into.Append(System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) switch
                {
                    System.Globalization.UnicodeCategory.InitialQuotePunctuation or System.Globalization.UnicodeCategory.FinalQuotePunctuation => c is '‘' or '’' or '‚' or '‛' ? '\'' : '"',
                    System.Globalization.UnicodeCategory.DashPunctuation => '-',
                    _ => char.ToLowerInvariant(c),
                });
            }
        }
    }

    [Fact]
    public void Compute_EveryAsciiCharacter_HashesAsBefore()
    {
        for (var c = (char)0; c < 128; c++)
        {
            var text = "a" + c + "B" + c + " ";
            Assert.Equal(Reference(text, [text]), ContentHash.Compute(text, [text]));
        }
    }

    [Fact]
    public void Compute_AnyText_HashesAsBefore()
    {
        Gen.Char[(char)0, (char)0x2030].Array[0, 40].Select(c => new string(c)).Array[0, 4]
            .Where(p => p.All(s => !s.Contains('\uFFFE') && !s.Any(char.IsSurrogate)))
            .Sample(p => Assert.Equal(Reference("T", p), ContentHash.Compute("T", p)), iter: 2000);
    }

    [SharedFact(SharedData.BbcCorpus)]
    public void Compute_BbcCorpus_HashesAsBefore()
    {
        var parser = new PlainTextNewsParser();
        foreach (var file in Directory.EnumerateDirectories(SharedData.BbcCorpusPath).SelectMany(d => Directory.EnumerateFiles(d, "*.txt")).Where(f => !f.EndsWith("README.TXT", StringComparison.OrdinalIgnoreCase)))
        {
            var article = parser.Parse(NewsTextDecoder.Decode(File.ReadAllBytes(file)).Text!).Article!;
            var blocks = article.Standfirst is null ? article.Paragraphs : article.Paragraphs.Prepend(article.Standfirst);
            Assert.Equal(Reference(article.Title, blocks), article.Id);
        }
    }
}
