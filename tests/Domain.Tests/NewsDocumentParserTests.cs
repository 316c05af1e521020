using System.Text;
using Ingest.Domain.Articles;
using Ingest.Domain.Parsing;

namespace Ingest.Domain.Tests;

public sealed class NewsDocumentParserTests
{
    private static readonly DateTimeOffset Published = new(2025, 3, 3, 8, 30, 0, TimeSpan.Zero);
    private readonly NewsDocumentParser parser = new();

    private NewsDocument Parse(byte[] bytes, ParseLimits? limits = null) => parser.Parse(bytes, limits ?? ParseLimits.Default);

    private NewsDocument Parse(string text, ParseLimits? limits = null) => Parse(Encoding.UTF8.GetBytes(text), limits);

    private static Article Single(NewsDocument document)
    {
        Assert.Null(document.Error);
        var item = Assert.Single(document.Items);
        Assert.Null(item.Error);
        return item.Article!;
    }

    private static string Failure(NewsDocument document)
    {
        Assert.Empty(document.Items);
        return Assert.IsType<string>(document.Error);
    }

    private static string TextId(Story story) => new PlainTextNewsParser().Parse(story.AsText()).Article!.Id;

    [Fact]
    public void Parse_PlainText_MatchesPlainTextParser()
    {
        var text = new NewsDropBuilder().WithPublisher(Story.Publisher).Build();

        var article = Single(Parse(text));

        var expected = new PlainTextNewsParser().Parse(text).Article!;
        Assert.Equal((expected.Id, expected.Title, expected.Publisher, expected.Standfirst, expected.WordCount), (article.Id, article.Title, article.Publisher, article.Standfirst, article.WordCount));
        Assert.Equal(expected.Paragraphs, article.Paragraphs);
        Assert.Equal(NewsFormat.PlainText, Parse(text).Format);
    }

    [Fact]
    public void Parse_HtmlPageWithNoise_KeepsOnlyTheArticle()
    {
        var document = Parse(new HtmlPageBuilder().Build());
        var article = Single(document);

        Assert.Equal(NewsFormat.Html, document.Format);
        Assert.Equal(Story.Default.Headline, article.Title);
        Assert.Equal(Story.Publisher, article.Publisher);
        Assert.Equal(Story.Default.Standfirst, article.Standfirst);
        Assert.Equal(Story.Default.Paragraphs, article.Paragraphs);
        Assert.Equal("Morag Dunn", article.Author);
        Assert.Equal(Published, article.PublishedAt);
        Assert.Equal(Story.Default.Url, article.CanonicalUrl);
        foreach (var noise in (string[])["cookies", "Share", "Home", "comment", "dataLayer", "font-family", "Related", "Pier repairs", "rights reserved"])
        {
            Assert.DoesNotContain(noise, article.Body + article.Standfirst, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Parse_HtmlPage_HasTheSameIdAsTheTextDrop()
    {
        Assert.Equal(TextId(Story.Default), Single(Parse(new HtmlPageBuilder().Build())).Id);
    }

    [Fact]
    public void Parse_HtmlWithoutOpenGraph_TakesHeadlineFromH1AndPublisherFromTitleSuffix()
    {
        var article = Single(Parse(new HtmlPageBuilder().WithoutOpenGraph().WithTimeElement().Build()));

        Assert.Equal(Story.Default.Headline, article.Title);
        Assert.Equal(Published, article.PublishedAt);
        Assert.Null(article.Author);
        Assert.Null(article.CanonicalUrl);
        Assert.DoesNotContain(article.Paragraphs, p => p.Contains("3 March 2025", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_HtmlTitleOnly_SplitsSiteSuffixAsPublisher()
    {
        var html = "<html><head><title>Ferry timetable agreed – Island Times</title></head><body><div><p>The board agreed the timetable.</p><p>It starts in November.</p></div></body></html>";

        var article = Single(Parse(html));

        Assert.Equal("Ferry timetable agreed", article.Title);
        Assert.Equal("Island Times", article.Publisher);
    }

    [Fact]
    public void Parse_HtmlWithJsonLd_ReadsAuthorDateAndPublisher()
    {
        var article = Single(Parse(new HtmlPageBuilder().WithJsonLdOnly().Build()));

        Assert.Equal("Morag Dunn", article.Author);
        Assert.Equal(Published, article.PublishedAt);
        Assert.Equal(Story.Publisher, article.Publisher);
        Assert.Equal(Story.Default.Url, article.CanonicalUrl);
        Assert.Equal(Story.Default.Headline, article.Title);
    }

    [Fact]
    public void Parse_HtmlDeclaringWindows1252_DecodesWithThatCharset()
    {
        var html = "<html><head><meta charset=\"windows-1252\"><title>Caf\u00e9 reopens</title></head><body><article><p>The caf\u00e9 on the pier reopened.</p><p>Queues formed early.</p></article></body></html>";
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1252).GetBytes(html);

        var article = Single(Parse(bytes));

        Assert.Equal("Caf\u00e9 reopens", article.Title);
        Assert.Equal("The caf\u00e9 on the pier reopened.", article.Standfirst);
    }

    [Fact]
    public void Parse_HtmlThatIsNotUtf8_IsRefusedWithOffset()
    {
        var bytes = new HtmlPageBuilder().WithCharset(null).BuildUtf8();
        bytes[^20] = 0xC3;
        bytes[^19] = 0x28;

        var error = Failure(Parse(bytes));

        Assert.Contains("not valid UTF-8", error, StringComparison.Ordinal);
        Assert.Contains("offset", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HtmlWithoutParagraphs_FailsWithReason()
    {
        var item = Assert.Single(Parse("<html><head><title>Empty page</title></head><body><nav>Home</nav></body></html>").Items);

        Assert.Contains("no article text", item.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_JsonObject_ReadsEveryField()
    {
        var document = Parse(JsonNews.OneArticle(Story.Default));
        var article = Single(document);

        Assert.Equal(NewsFormat.Json, document.Format);
        Assert.False(document.IsMultiItem);
        Assert.Equal(Story.Default.Headline, article.Title);
        Assert.Equal(Story.Default.Standfirst, article.Standfirst);
        Assert.Equal(Story.Default.Paragraphs, article.Paragraphs);
        Assert.Equal((Story.Publisher, "Morag Dunn", Published, Story.Default.Url), (article.Publisher, article.Author, article.PublishedAt, article.CanonicalUrl));
        Assert.Equal(TextId(Story.Default), article.Id);
    }

    [Fact]
    public void Parse_JsonWithAlternativeFieldNames_ReadsThem()
    {
        var json = """
            {"Headline": "Pier closes for repairs - Island Times", "summary": "Work starts on Monday.",
             "body": ["<p>The north pier will close for six weeks.</p>", "Boats will use the south quay."],
             "link": "https://news.example/pier", "datePublished": 1741000000, "publisher": {"name": "Island Times"},
             "authors": [{"name": "A. Reporter"}, "B. Writer"]}
            """;

        var article = Single(Parse(json));

        Assert.Equal("Pier closes for repairs", article.Title);
        Assert.Equal("Island Times", article.Publisher);
        Assert.Equal("Work starts on Monday.", article.Standfirst);
        Assert.Equal(["The north pier will close for six weeks.", "Boats will use the south quay."], article.Paragraphs);
        Assert.Equal("A. Reporter, B. Writer", article.Author);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1741000000), article.PublishedAt);
        Assert.Equal("https://news.example/pier", article.CanonicalUrl);
    }

    [Fact]
    public void Parse_JsonArray_GivesOneItemEach()
    {
        var document = Parse(JsonNews.Array(Story.Numbered(1), Story.Numbered(2), Story.Numbered(3)));

        Assert.True(document.IsMultiItem);
        Assert.Equal([1, 2, 3], document.Items.Select(i => i.Number));
        Assert.Equal([Story.Numbered(1).Headline, Story.Numbered(2).Headline, Story.Numbered(3).Headline], document.Items.Select(i => i.Article!.Title));
    }

    [Fact]
    public void Parse_JsonWrapperObject_ReadsItsArticlesList()
    {
        var json = $"{{\"status\":\"ok\",\"totalResults\":2,\"articles\":{JsonNews.Array(Story.Numbered(1), Story.Numbered(2))}}}";

        Assert.Equal(2, Parse(json).Items.Count(i => i.Article is not null));
    }

    [Fact]
    public void Parse_Ndjson_GivesOneItemPerLineAndNamesTheBrokenLine()
    {
        var ndjson = JsonNews.Ndjson(Story.Numbered(1)) + "{\"title\": \"Broken\", \"content\": \n" + JsonNews.Ndjson(Story.Numbered(3));

        var document = Parse(ndjson);

        Assert.Null(document.Error);
        Assert.Equal(3, document.Items.Count);
        Assert.NotNull(document.Items[0].Article);
        Assert.Contains("malformed JSON", document.Items[1].Error, StringComparison.Ordinal);
        Assert.Equal(2, document.Items[1].Number);
        Assert.Equal(Story.Numbered(3).Headline, document.Items[2].Article!.Title);
    }

    [Fact]
    public void Parse_JsonArrayWithAStringItem_FailsOnlyThatItem()
    {
        var json = $"[{JsonNews.OneArticle(Story.Numbered(1))}, \"not an article\"]";

        var document = Parse(json);

        Assert.NotNull(document.Items[0].Article);
        Assert.Contains("string, not an article", document.Items[1].Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RssWithContentEncoded_ReadsEachItemAsHtml()
    {
        var document = Parse(new FeedBuilder().Add(Story.Default).Add(Story.Numbered(2)).BuildRss());

        Assert.Equal(NewsFormat.Rss, document.Format);
        Assert.Equal(2, document.Items.Count);
        var article = document.Items[0].Article!;
        Assert.Equal(Story.Default.Headline, article.Title);
        Assert.Equal(Story.Publisher, article.Publisher);
        Assert.Equal(Story.Default.Standfirst, article.Standfirst);
        Assert.Equal(Story.Default.Paragraphs, article.Paragraphs);
        Assert.Equal(("Morag Dunn", Published, Story.Default.Url), (article.Author, article.PublishedAt, article.CanonicalUrl));
        Assert.Equal(TextId(Story.Default), article.Id);
    }

    [Fact]
    public void Parse_RssWithDescriptionOnly_ReadsTheDescriptionAsTheBody()
    {
        var article = Parse(new FeedBuilder().DescriptionOnly().Add(Story.Default).BuildRss()).Items[0].Article!;

        Assert.Equal(Story.Default.Paragraphs, article.Paragraphs);
        Assert.Equal(TextId(Story.Default), article.Id);
    }

    [Fact]
    public void Parse_Atom_ReadsEachEntry()
    {
        var document = Parse(FeedBuilder.BuildAtom(Story.Default, Story.Numbered(2)));

        Assert.Equal(NewsFormat.Atom, document.Format);
        var article = document.Items[0].Article!;
        Assert.Equal((Story.Default.Headline, Story.Publisher, "Morag Dunn", Published, Story.Default.Url), (article.Title, article.Publisher, article.Author, article.PublishedAt, article.CanonicalUrl));
        Assert.Equal(Story.Default.Paragraphs, article.Paragraphs);
        Assert.Equal(TextId(Story.Default), article.Id);
        Assert.Equal(Story.Numbered(2).Headline, document.Items[1].Article!.Title);
    }

    public static TheoryData<string, NewsFormat> GzippedFormats => new()
    {
        { Story.Default.AsText(), NewsFormat.PlainText },
        { new HtmlPageBuilder().Build(), NewsFormat.Html },
        { JsonNews.OneArticle(Story.Default), NewsFormat.Json },
        { JsonNews.Array(Story.Default), NewsFormat.Json },
        { JsonNews.Ndjson(Story.Default, Story.Numbered(2)), NewsFormat.Json },
        { new FeedBuilder().Add(Story.Default).BuildRss(), NewsFormat.Rss },
        { FeedBuilder.BuildAtom(Story.Default), NewsFormat.Atom },
    };

    [Theory]
    [MemberData(nameof(GzippedFormats))]
    public void Parse_GzipOfAnyFormat_ParsesTheSameAsUncompressed(string content, NewsFormat format)
    {
        var plain = Parse(content);
        var zipped = Parse(Gzip.Compress(content));

        Assert.Equal(format, zipped.Format);
        Assert.True(zipped.Gzipped);
        Assert.StartsWith("gzip+", zipped.FormatName, StringComparison.Ordinal);
        Assert.Equal(plain.Items.Select(i => i.Article?.Id), zipped.Items.Select(i => i.Article?.Id));
        Assert.Equal(TextId(Story.Default), zipped.Items[0].Article!.Id);
    }

    [Theory]
    [InlineData("{\"title\": \"x\"", NewsFormat.Json)]
    [InlineData("{ \"title\": \"Pier\", }", NewsFormat.Json)]
    [InlineData("[{\"title\": 1}", NewsFormat.Json)]
    [InlineData("<?xml version=\"1.0\"?><rss><channel><item><title>x</title></channel></rss>", NewsFormat.Rss)]
    [InlineData("<rss version=\"2.0\"><channel><item>", NewsFormat.Rss)]
    [InlineData("<?xml version=\"1.0\"?><rss", NewsFormat.Xml)]
    public void Parse_MalformedJsonOrXml_FailsWithReason(string content, NewsFormat format)
    {
        var document = Parse(content);

        Assert.Equal(format, document.Format);
        Assert.Contains("malformed", Failure(document), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_XmlWithDtd_IsRefusedWithoutResolvingEntities()
    {
        var secret = Path.Combine(Path.GetTempPath(), $"xxe-{Guid.NewGuid():N}.txt");
        File.WriteAllText(secret, "TOP-SECRET-VALUE");
        try
        {
            var feed = new FeedBuilder()
                .WithDoctype($"<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file://{secret}\">]>")
                .AddRawItem("<item><title>&xxe;</title><description>Leaked?</description></item>")
                .BuildRss();

            var document = Parse(feed);

            var error = Failure(document);
            Assert.Contains("DTD", error, StringComparison.Ordinal);
            Assert.DoesNotContain("TOP-SECRET", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void Parse_XmlThatIsNotAFeed_NamesTheRootElement()
    {
        Assert.Contains("<catalog>", Failure(Parse("<?xml version=\"1.0\"?><catalog><book/></catalog>")), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FeedWithoutItems_FailsWithReason()
    {
        Assert.Contains("no items", Failure(Parse(new FeedBuilder().BuildRss())), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FeedWithInvalidUtf8_FailsAsMalformed()
    {
        var bytes = Encoding.UTF8.GetBytes(new FeedBuilder().Add(Story.Default).BuildRss());
        bytes[bytes.Length / 2] = 0xFF;

        Assert.Contains("malformed", Failure(Parse(bytes)), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_JsonWithInvalidUtf8_FailsWithOffset()
    {
        var bytes = Encoding.UTF8.GetBytes(JsonNews.OneArticle(Story.Default));
        bytes[20] = 0xFF;

        var error = Failure(Parse(bytes));

        Assert.Contains("not valid UTF-8", error, StringComparison.Ordinal);
        Assert.Contains("offset 20", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_JsonWithLoneSurrogateEscape_FailsTheItemInsteadOfThrowing()
    {
        var document = Parse("{\"title\": \"Bad \\ud800 text\", \"content\": \"Body text here.\"}");

        Assert.Contains("Unicode", document.Error ?? Assert.Single(document.Items).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TruncatedGzip_FailsWithReason()
    {
        var zipped = Gzip.Compress(new FeedBuilder().Add(Story.Default).Add(Story.Numbered(2)).BuildRss());

        var error = Failure(Parse(zipped[..(zipped.Length / 2)]));

        Assert.Contains("gzip", error, StringComparison.Ordinal);
        Assert.Contains("truncated", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_GzipBomb_StopsAtTheDecompressedLimit()
    {
        var bomb = Gzip.Compress(new byte[8 << 20]);
        var limits = ParseLimits.Default with { MaxDecompressedBytes = 1 << 20 };

        var document = Parse(bomb, limits);

        Assert.True(bomb.Length < 100 * 1024);
        Assert.Contains("MaxDecompressedBytes", Failure(document), StringComparison.Ordinal);
        Assert.True(document.Gzipped);
    }

    [Fact]
    public void Parse_EmptyFile_FailsWithReason()
    {
        Assert.Equal("The file is empty.", Failure(Parse([])));
    }

    [Fact]
    public void Parse_EmptyGzip_FailsWithReason()
    {
        Assert.Contains("empty", Failure(Parse(Gzip.Compress([]))), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Parse_RandomBinary_FailsWithReasonAndNeverThrows(int seed)
    {
        var bytes = new byte[2048];
        new Random(seed).NextBytes(bytes);

        var document = Parse(bytes);

        Assert.True(document.Error is not null || document.Items.All(i => i.Error is not null));
    }

    [Theory]
    [InlineData((byte)'{')]
    [InlineData((byte)'<')]
    [InlineData((byte)'[')]
    public void Parse_BinaryBehindAFormatMarker_FailsWithReason(byte marker)
    {
        var bytes = new byte[2048];
        new Random(11).NextBytes(bytes);
        bytes[0] = marker;
        bytes[1] = (byte)'{';

        var document = Parse(bytes);

        Assert.True(document.Error is not null || document.Items.All(i => i.Error is not null));
    }

    [Fact]
    public void Parse_TenMebibyteSingleLine_FailsWithReason()
    {
        var line = string.Concat(Enumerable.Repeat("ferry ", (10 << 20) / 6));

        var item = Assert.Single(Parse(line).Items);

        Assert.Contains("headline is at most", item.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BodyOverMaxBodyChars_FailsTheItemNamingTheSetting()
    {
        var limits = ParseLimits.Default with { MaxBodyChars = 100 };

        Assert.Contains("MaxBodyChars", Assert.Single(Parse(JsonNews.OneArticle(Story.Default), limits).Items).Error, StringComparison.Ordinal);
        Assert.Contains("MaxBodyChars", Assert.Single(Parse(Story.Default.AsText(), limits).Items).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AuthorOverMaxFieldChars_FailsTheItemNamingTheSetting()
    {
        var story = Story.Default with { Author = new string('a', 300) };

        var item = Assert.Single(Parse(JsonNews.OneArticle(story), ParseLimits.Default with { MaxFieldChars = 200 }).Items);

        Assert.Contains("MaxFieldChars", item.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MoreItemsThanTheLimit_ReadsTheLimitAndReportsTheRest()
    {
        var feed = new FeedBuilder();
        for (var i = 1; i <= 5; i++)
        {
            feed.Add(Story.Numbered(i));
        }

        var document = Parse(feed.BuildRss(), ParseLimits.Default with { MaxItemsPerFile = 3 });

        Assert.Equal(4, document.Items.Count);
        Assert.All(document.Items.Take(3), i => Assert.NotNull(i.Article));
        Assert.Equal(4, document.Items[3].Number);
        Assert.Contains("Items 4 to 5 were not read", document.Items[3].Error, StringComparison.Ordinal);
        Assert.Contains("MaxItemsPerFile", document.Items[3].Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[Update] Ferry timetable changes\n\nThe board changed the timetable again.\nIt starts in November.\n")]
    [InlineData("<Exclusive> Ferry timetable changes\n\nThe board changed the timetable again.\nIt starts in November.\n")]
    [InlineData("{Breaking} Ferry timetable changes\n\nThe board changed the timetable again.\nIt starts in November.\n")]
    public void Detect_TextStartingWithABracket_IsStillText(string text)
    {
        Assert.Equal(NewsFormat.PlainText, NewsDocumentParser.Detect(Encoding.UTF8.GetBytes(text)));
    }

    [Theory]
    [InlineData("  \n{\"title\":1}", NewsFormat.Json)]
    [InlineData("[ {\"title\":1} ]", NewsFormat.Json)]
    [InlineData("<?xml version=\"1.0\"?>\n<!-- a feed -->\n<rss version=\"2.0\">", NewsFormat.Xml)]
    [InlineData("<feed xmlns=\"http://www.w3.org/2005/Atom\">", NewsFormat.Xml)]
    [InlineData("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">", NewsFormat.Xml)]
    [InlineData("<!doctype html><html><body>", NewsFormat.Html)]
    [InlineData("<html><body>", NewsFormat.Html)]
    [InlineData("<div><p>Fragment</p></div>", NewsFormat.Html)]
    [InlineData("Headline\n\nBody", NewsFormat.PlainText)]
    public void Detect_ByContent_RegardlessOfName(string start, NewsFormat expected)
    {
        Assert.Equal(expected, NewsDocumentParser.Detect(Encoding.UTF8.GetBytes(start)));
    }

    [Fact]
    public void Parse_Utf16JsonWithBom_IsRead()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(JsonNews.OneArticle(Story.Default))).ToArray();

        Assert.Equal(TextId(Story.Default), Single(Parse(bytes)).Id);
    }
}
