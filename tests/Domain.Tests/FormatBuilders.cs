using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Ingest.Domain.Tests;

/// <summary>
/// One invented news story, written out in every format the inbox accepts. The same story in two
/// formats must parse to the same article id.
/// </summary>
public sealed record Story(string Headline, string? Standfirst, IReadOnlyList<string> Paragraphs, string? Author = null, string? Published = null, string? Url = null)
{
    public const string Publisher = "Harbour Gazette";

    public static Story Default { get; } = new(
        NewsDropBuilder.DefaultHeadline,
        NewsDropBuilder.DefaultStandfirst,
        NewsDropBuilder.DefaultParagraphs,
        "Morag Dunn",
        "2025-03-03T08:30:00Z",
        "https://news.example/harbour/winter-ferry-timetable");

    /// <summary>A distinct story for multi-item files.</summary>
    public static Story Numbered(int n) => new(
        $"Harbour story number {n} goes before the council",
        $"The council will hear item {n} on Thursday.",
        [$"Item {n} concerns the storm damage to the north pier and who should pay for it.", $"Councillors said item {n} had waited long enough."],
        $"Reporter {n}",
        $"2025-03-0{(n % 9) + 1}T10:00:00Z",
        $"https://news.example/harbour/story-{n}");

    /// <summary>The plain-text drop of this story.</summary>
    public string AsText() => new NewsDropBuilder().WithHeadline(Headline).WithStandfirst(Standfirst).WithParagraphs([.. Paragraphs]).Build();

    public string BodyHtml() => string.Concat(Paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"));
}

public static class Gzip
{
    public static byte[] Compress(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    public static byte[] Compress(string text) => Compress(Encoding.UTF8.GetBytes(text));
}

/// <summary>A saved article page, with the page furniture scrapers bring along unless told otherwise.</summary>
public sealed class HtmlPageBuilder(Story story)
{
    private bool openGraph = true;
    private bool noise = true;
    private bool jsonLd;
    private bool timeElement;
    private string titleSuffix = " | " + Story.Publisher;
    private string? charset = "utf-8";

    public HtmlPageBuilder()
        : this(Story.Default)
    {
    }

    public HtmlPageBuilder WithoutOpenGraph()
    {
        openGraph = false;
        return this;
    }

    public HtmlPageBuilder WithoutNoise()
    {
        noise = false;
        return this;
    }

    /// <summary>Author, date and publisher only in a JSON-LD NewsArticle script.</summary>
    public HtmlPageBuilder WithJsonLdOnly()
    {
        openGraph = false;
        jsonLd = true;
        return this;
    }

    /// <summary>The publication time only in a time element.</summary>
    public HtmlPageBuilder WithTimeElement()
    {
        timeElement = true;
        return this;
    }

    public HtmlPageBuilder WithTitleSuffix(string suffix)
    {
        titleSuffix = suffix;
        return this;
    }

    public HtmlPageBuilder WithCharset(string? value)
    {
        charset = value;
        return this;
    }

    public string Build()
    {
        var page = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head>");
        if (charset is not null)
        {
            page.Append($"<meta charset=\"{charset}\">");
        }

        page.Append($"<title>{Encode(story.Headline)}{Encode(titleSuffix)}</title>");
        if (openGraph)
        {
            page.Append($"<meta property=\"og:title\" content=\"{Encode(story.Headline)}\">");
            page.Append($"<meta property=\"og:site_name\" content=\"{Story.Publisher}\">");
            page.Append($"<meta name=\"author\" content=\"{Encode(story.Author ?? string.Empty)}\">");
            page.Append($"<meta property=\"article:published_time\" content=\"{story.Published}\">");
            page.Append($"<link rel=\"canonical\" href=\"{story.Url}\">");
        }

        if (jsonLd)
        {
            var ld = JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["@context"] = "https://schema.org",
                ["@type"] = "NewsArticle",
                ["headline"] = story.Headline,
                ["datePublished"] = story.Published,
                ["author"] = new Dictionary<string, object?> { ["@type"] = "Person", ["name"] = story.Author },
                ["publisher"] = new Dictionary<string, object?> { ["@type"] = "Organization", ["name"] = Story.Publisher },
                ["url"] = story.Url,
            });
            page.Append($"<script type=\"application/ld+json\">{ld}</script>");
        }

        if (noise)
        {
            page.Append("<style>body { font-family: serif; } .share { display: flex; }</style>");
            page.Append("<script>window.dataLayer = []; function track() { return 'ferry sanctions storm'; }</script>");
        }

        page.Append("</head><body>");
        if (noise)
        {
            page.Append("<div id=\"cookie-banner\" class=\"cookie-notice\"><p>We use cookies to improve your experience of the island news.</p><button>Accept all cookies</button></div>");
            page.Append("<header class=\"site-header\"><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/islands\">Islands</a></li><li><a href=\"/sport\">Sport</a></li></ul></nav></header>");
        }

        page.Append("<main><article>");
        page.Append($"<h1>{Encode(story.Headline)}</h1>");
        if (timeElement)
        {
            page.Append($"<p class=\"dateline\"><time datetime=\"{story.Published}\">3 March 2025</time></p>");
        }

        if (noise)
        {
            page.Append("<div class=\"share-bar\"><a href=\"#\">Share on Facebook</a><a href=\"#\">Share on X</a><a href=\"#\">Email this story</a></div>");
        }

        if (story.Standfirst is not null)
        {
            page.Append($"<p class=\"standfirst\">{Encode(story.Standfirst)}</p>");
        }

        page.Append("<div class=\"article-body\">").Append(story.BodyHtml()).Append("</div>");
        if (noise)
        {
            page.Append("<aside class=\"related\"><h2>Related stories</h2><ul><li>Pier repairs delayed again</li></ul></aside>");
            page.Append("<section id=\"comments\"><h2>Leave a comment</h2><form><textarea name=\"c\"></textarea><button>Post comment</button></form></section>");
        }

        page.Append("</article></main>");
        if (noise)
        {
            page.Append("<footer><p>© 2025 Harbour Gazette. All rights reserved.</p></footer>");
        }

        page.Append("</body></html>\n");
        return page.ToString();
    }

    public byte[] BuildUtf8() => Encoding.UTF8.GetBytes(Build());

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}

/// <summary>RSS 2.0 and Atom feeds of stories; raw items can be added to break one on purpose.</summary>
public sealed class FeedBuilder
{
    private readonly List<string> items = [];
    private bool fullContent = true;
    private string? doctype;

    public FeedBuilder Add(Story story)
    {
        items.Add(RssItem(story));
        return this;
    }

    public FeedBuilder AddRawItem(string xml)
    {
        items.Add(xml);
        return this;
    }

    /// <summary>Items carry their body in description only, no content:encoded.</summary>
    public FeedBuilder DescriptionOnly()
    {
        fullContent = false;
        return this;
    }

    public FeedBuilder WithDoctype(string value)
    {
        doctype = value;
        return this;
    }

    public string BuildRss()
    {
        // Items are built when added; rebuild without content:encoded if asked.
        var page = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        if (doctype is not null)
        {
            page.Append(doctype).Append('\n');
        }

        page.Append("<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n");
        page.Append($"<title>{Story.Publisher}</title><link>https://news.example/</link><description>Island news</description>\n");
        foreach (var item in items)
        {
            page.Append(fullContent ? item : StripContent(item)).Append('\n');
        }

        page.Append("</channel>\n</rss>\n");
        return page.ToString();
    }

    public static string RssItem(Story story) =>
        "<item>"
        + $"<title>{Xml(story.Headline)}</title>"
        + $"<link>{story.Url}</link>"
        + $"<guid>{story.Url}</guid>"
        + $"<dc:creator>{Xml(story.Author ?? string.Empty)}</dc:creator>"
        + (story.Published is null ? string.Empty : $"<pubDate>{DateTimeOffset.Parse(story.Published, System.Globalization.CultureInfo.InvariantCulture).ToString("r", System.Globalization.CultureInfo.InvariantCulture)}</pubDate>")
        + $"<description>{Xml(story.Standfirst ?? string.Empty)}</description>"
        + $"<content:encoded><![CDATA[<div class=\"share\">Share this</div>{story.BodyHtml()}<script>alert(1)</script>]]></content:encoded>"
        + "</item>";

    public static string AtomEntry(Story story) =>
        "<entry>"
        + $"<title type=\"text\">{Xml(story.Headline)}</title>"
        + $"<link rel=\"alternate\" href=\"{story.Url}\"/>"
        + $"<id>{story.Url}</id>"
        + $"<published>{story.Published}</published><updated>2025-03-04T00:00:00Z</updated>"
        + $"<author><name>{Xml(story.Author ?? string.Empty)}</name></author>"
        + $"<summary type=\"text\">{Xml(story.Standfirst ?? string.Empty)}</summary>"
        + $"<content type=\"html\">{Xml(story.BodyHtml())}</content>"
        + "</entry>";

    public static string BuildAtom(params Story[] stories) =>
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
        + $"<title>{Story.Publisher}</title><id>urn:example:harbour</id><updated>2025-03-04T00:00:00Z</updated>\n"
        + string.Join("\n", stories.Select(AtomEntry))
        + "\n</feed>\n";

    private static string StripContent(string item)
    {
        var start = item.IndexOf("<content:encoded>", StringComparison.Ordinal);
        var end = item.IndexOf("</content:encoded>", StringComparison.Ordinal);
        if (start < 0 || end < 0)
        {
            return item;
        }

        var body = item[(start + "<content:encoded><![CDATA[".Length)..(end - "]]>".Length)];
        var withoutContent = item[..start] + item[(end + "</content:encoded>".Length)..];
        var descStart = withoutContent.IndexOf("<description>", StringComparison.Ordinal);
        var descEnd = withoutContent.IndexOf("</description>", StringComparison.Ordinal);
        var standfirst = withoutContent[(descStart + "<description>".Length)..descEnd];
        return withoutContent[..descStart] + $"<description>{Xml($"<p>{standfirst}</p>{body}")}</description>" + withoutContent[(descEnd + "</description>".Length)..];
    }

    private static string Xml(string text) => WebUtility.HtmlEncode(text);
}

/// <summary>JSON news in the shapes the inbox accepts: one object, an array, NDJSON.</summary>
public static class JsonNews
{
    public static Dictionary<string, object?> Fields(Story story) => new()
    {
        ["title"] = story.Headline,
        ["description"] = story.Standfirst,
        ["content"] = string.Join("\n\n", story.Paragraphs),
        ["url"] = story.Url,
        ["publishedAt"] = story.Published,
        ["source"] = new Dictionary<string, object?> { ["id"] = null, ["name"] = Story.Publisher },
        ["author"] = story.Author,
    };

    public static string OneArticle(Story story) => JsonSerializer.Serialize(Fields(story), Indented);

    public static string Array(params Story[] stories) => JsonSerializer.Serialize(stories.Select(Fields), Indented);

    public static string Ndjson(params Story[] stories) => string.Join("\n", stories.Select(s => JsonSerializer.Serialize(Fields(s)))) + "\n";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
}
