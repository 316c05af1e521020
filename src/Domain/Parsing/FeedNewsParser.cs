using System.Xml;
using System.Xml.Linq;

namespace Ingest.Domain.Parsing;

/// <summary>
/// Parses RSS 2.0 (and RSS 1.0/RDF) and Atom feeds: one article per item or entry. The feed's title
/// is each article's publisher. RSS: title, link (or a permalink guid), description, content:encoded,
/// author or dc:creator, pubDate or dc:date. Atom: title, link rel=alternate, summary, content
/// (text, html or xhtml), author/name, published or updated. HTML inside items is read as HTML;
/// when an item has full content, its description is the standfirst.
/// XML is read with DTDs prohibited and no resolver, so no entity is ever expanded or fetched.
/// </summary>
public static class FeedNewsParser
{
    /// <summary>Deepest element nesting read; feeds nest a handful deep, XHTML content a few dozen more.</summary>
    public const int MaxDepth = 256;

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Rss1 = "http://purl.org/rss/1.0/";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace DublinCore = "http://purl.org/dc/elements/1.1/";

    public static NewsDocument Parse(byte[] xml, ParseLimits limits, bool gzipped)
    {
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                IgnoreComments = true,
                IgnoreProcessingInstructions = true,
                MaxCharactersFromEntities = 1024,
                MaxCharactersInDocument = limits.MaxDecompressedBytes,
            };
            // A first, streaming pass bounds the nesting: building an XDocument slows quadratically with depth.
            using (var scan = XmlReader.Create(new MemoryStream(xml, writable: false), settings))
            {
                while (scan.Read())
                {
                    if (scan.Depth > MaxDepth)
                    {
                        return NewsDocument.Fail(NewsFormat.Xml, gzipped, $"The XML nests elements more than {MaxDepth} deep.");
                    }
                }
            }

            using var reader = XmlReader.Create(new MemoryStream(xml, writable: false), settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.Ordinal))
        {
            return NewsDocument.Fail(NewsFormat.Xml, gzipped, "The XML declares a DTD (<!DOCTYPE>). DTDs are refused, so no entity is ever expanded or fetched; remove the DOCTYPE to ingest the feed.");
        }
        catch (XmlException ex)
        {
            return NewsDocument.Fail(NewsFormat.Xml, gzipped, $"The XML is malformed: {ex.Message}");
        }

        var root = document.Root!;
        return root.Name.LocalName switch
        {
            "rss" => Rss(root.Element("channel"), root.Element("channel")?.Elements("item"), NewsFormat.Rss, limits, gzipped, ns: XNamespace.None),
            "RDF" => Rss(root.Element(Rss1 + "channel"), root.Elements(Rss1 + "item"), NewsFormat.Rss, limits, gzipped, ns: Rss1),
            "feed" => Feed(root, limits, gzipped),
            _ => NewsDocument.Fail(NewsFormat.Xml, gzipped, $"The XML's root element is <{root.Name.LocalName}>, not an RSS <rss> or Atom <feed>."),
        };
    }

    private static NewsDocument Rss(XElement? channel, IEnumerable<XElement>? items, NewsFormat format, ParseLimits limits, bool gzipped, XNamespace ns)
    {
        var publisher = HtmlText.FragmentText(channel?.Element(ns + "title")?.Value ?? string.Empty);
        return Items(items?.ToList() ?? [], format, limits, gzipped, item =>
        {
            var description = item.Element(ns + "description")?.Value;
            var content = item.Element(Content + "encoded")?.Value;
            var guid = item.Element(ns + "guid");
            var permalink = guid is not null && !string.Equals(guid.Attribute("isPermaLink")?.Value, "false", StringComparison.OrdinalIgnoreCase) ? guid.Value : null;
            return new ArticleDraft
            {
                Title = HtmlText.FragmentText(item.Element(ns + "title")?.Value ?? string.Empty),
                Publisher = publisher,
                Author = item.Element(DublinCore + "creator")?.Value ?? item.Element(ns + "author")?.Value,
                PublishedAt = NewsDates.TryParse(item.Element(ns + "pubDate")?.Value ?? item.Element(DublinCore + "date")?.Value),
                CanonicalUrl = item.Element(ns + "link")?.Value ?? permalink,
                Standfirst = string.IsNullOrWhiteSpace(content) || description is null ? null : HtmlText.FragmentText(description),
                Paragraphs = Html(string.IsNullOrWhiteSpace(content) ? description : content),
            };
        });
    }

    private static NewsDocument Feed(XElement feed, ParseLimits limits, bool gzipped)
    {
        var publisher = Text(feed.Element(Atom + "title"));
        return Items(feed.Elements(Atom + "entry").ToList(), NewsFormat.Atom, limits, gzipped, entry =>
        {
            var content = entry.Element(Atom + "content");
            var summary = entry.Element(Atom + "summary");
            var link = entry.Elements(Atom + "link").FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate");
            return new ArticleDraft
            {
                Title = Text(entry.Element(Atom + "title")),
                Publisher = publisher,
                Author = string.Join(", ", entry.Elements(Atom + "author").Select(a => a.Element(Atom + "name")?.Value).Where(n => !string.IsNullOrWhiteSpace(n))),
                PublishedAt = NewsDates.TryParse(entry.Element(Atom + "published")?.Value ?? entry.Element(Atom + "updated")?.Value),
                CanonicalUrl = (string?)link?.Attribute("href"),
                Standfirst = content is null ? null : Text(summary),
                Paragraphs = Blocks(content ?? summary),
            };
        });
    }

    private static NewsDocument Items(List<XElement> items, NewsFormat format, ParseLimits limits, bool gzipped, Func<XElement, ArticleDraft> read)
    {
        if (items.Count == 0)
        {
            return NewsDocument.Fail(format, gzipped, $"The {format.ToString().ToUpperInvariant()} feed has no items.");
        }

        var results = new List<NewsItem>();
        for (var i = 0; i < items.Count; i++)
        {
            var number = i + 1;
            if (number > limits.MaxItemsPerFile)
            {
                results.Add(JsonNewsParser.Overflow(number, items.Count, limits));
                break;
            }

            results.Add(NewsItem.From(number, read(items[i]).Build(limits)));
        }

        return new NewsDocument(format, gzipped, results, null) { IsMultiItem = true };
    }

    /// <summary>An Atom text construct as one line: type text, html or xhtml.</summary>
    private static string Text(XElement? element) => element is null ? string.Empty : string.Join(' ', Blocks(element));

    /// <summary>An Atom text construct as paragraphs.</summary>
    private static List<string> Blocks(XElement? element)
    {
        if (element is null)
        {
            return [];
        }

        return (string?)element.Attribute("type") switch
        {
            "html" or "text/html" => HtmlText.FragmentParagraphs(element.Value),
            "xhtml" or "application/xhtml+xml" => HtmlText.FragmentParagraphs(string.Concat(element.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting)))),
            _ => ArticleDraft.Lines(element.Value),
        };
    }

    private static List<string> Html(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : HtmlText.LooksLikeHtml(text) || text.Contains('&', StringComparison.Ordinal) ? HtmlText.FragmentParagraphs(text) : ArticleDraft.Lines(text);
}
