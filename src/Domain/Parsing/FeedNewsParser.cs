using System.Runtime.CompilerServices;
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

    /// <summary>Parses a whole feed held in memory: the same reading as <see cref="Open"/>, collected.</summary>
    public static NewsDocument Parse(byte[] xml, ParseLimits limits, bool gzipped)
    {
        var reading = Open(new MemoryStream(xml, writable: false), limits, gzipped);
        var items = reading.ReadItemsAsync(CancellationToken.None).ToBlockingEnumerable().ToList();
        return items.Count == 0
            ? NewsDocument.Fail(reading.Format, gzipped, reading.Error ?? "The feed has no items.")
            : new NewsDocument(reading.Format, gzipped, items, null) { IsMultiItem = true };
    }

    /// <summary>
    /// Reads a feed from a stream one item at a time, so memory holds one item, not the file: see
    /// <see cref="FeedReading"/>. The stream is read as the items are enumerated, and disposed at the end.
    /// </summary>
    public static FeedReading Open(Stream xml, ParseLimits limits, bool gzipped) => new(xml, limits, gzipped);

    private static ArticleDraft RssItem(XElement item, string publisher, XNamespace ns)
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
    }

    private static ArticleDraft AtomEntry(XElement entry, string publisher)
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
    }

    /// <summary>
    /// One feed being read. <see cref="ReadItemsAsync"/> yields each item as soon as it is read; when
    /// reading stops early (malformed XML, a DTD, nesting too deep, the stream over a limit), what was
    /// read stays yielded and the reason is the last item, or <see cref="Error"/> when no item was read.
    /// XML is read with DTDs prohibited and no resolver, so no entity is ever expanded or fetched.
    /// </summary>
    public sealed class FeedReading
    {
        private readonly Stream stream;
        private readonly ParseLimits limits;
        private bool started;

        internal FeedReading(Stream stream, ParseLimits limits, bool gzipped)
        {
            this.stream = stream;
            this.limits = limits;
            Gzipped = gzipped;
        }

        /// <summary>RSS or Atom once the root element has been read; Xml before, or when it is neither.</summary>
        public NewsFormat Format { get; private set; } = NewsFormat.Xml;

        public bool Gzipped { get; }

        /// <summary>Why the feed could not be read at all; set when enumeration ends without an item.</summary>
        public string? Error { get; private set; }

        public string FormatName => new NewsDocument(Format, Gzipped, [], null).FormatName;

        public async IAsyncEnumerable<NewsItem> ReadItemsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (started)
            {
                throw new InvalidOperationException("A feed is read once.");
            }

            started = true;
            var settings = new XmlReaderSettings
            {
                Async = true,
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                IgnoreComments = true,
                IgnoreProcessingInstructions = true,
                MaxCharactersFromEntities = 1024,
                CloseInput = true,
            };
            using var reader = XmlReader.Create(stream, settings);
            var number = 0;
            var publisher = string.Empty;
            Func<XElement, ArticleDraft>? read = null;
            XName? itemName = null;
            var nodes = Nodes(reader, cancellationToken).GetAsyncEnumerator(cancellationToken);
            try
            {
                while (true)
                {
                    var (node, failure) = await NextAsync(nodes);
                    if (failure is not null)
                    {
                        if (number == 0)
                        {
                            Error = failure;
                        }
                        else
                        {
                            yield return new NewsItem(number + 1, null, $"Reading stopped after item {number}: {failure}");
                        }

                        yield break;
                    }

                    if (node is not { } current)
                    {
                        break;
                    }

                    switch (current.Kind)
                    {
                        case FeedNodeKind.Root:
                            (Format, read, itemName) = current.Element.Name.LocalName switch
                            {
                                "rss" => (NewsFormat.Rss, (Func<XElement, ArticleDraft>?)(i => RssItem(i, publisher, XNamespace.None)), (XName?)"item"),
                                "RDF" => (NewsFormat.Rss, i => RssItem(i, publisher, Rss1), Rss1 + "item"),
                                "feed" => (NewsFormat.Atom, i => AtomEntry(i, publisher), Atom + "entry"),
                                _ => (NewsFormat.Xml, null, null),
                            };
                            if (read is null)
                            {
                                Error = $"The XML's root element is <{current.Element.Name.LocalName}>, not an RSS <rss> or Atom <feed>.";
                                yield break;
                            }

                            break;
                        case FeedNodeKind.Title:
                            publisher = Format == NewsFormat.Atom ? Text(current.Element) : HtmlText.FragmentText(current.Element.Value);
                            break;
                        case FeedNodeKind.Item when current.Element.Name == itemName:
                            number++;
                            if (number > limits.MaxItemsPerFile)
                            {
                                var total = number + await CountRestAsync(nodes, itemName);
                                yield return JsonNewsParser.Overflow(number, total, limits);
                                yield break;
                            }

                            yield return ReadItem(number, current.Element, read!);
                            break;
                    }
                }
            }
            finally
            {
                await nodes.DisposeAsync();
            }

            if (number == 0)
            {
                Error = $"The {Format.ToString().ToUpperInvariant()} feed has no items.";
            }
        }

        /// <summary>One item as an article, or why it could not be read: a surprise in one item never stops the rest.</summary>
        private NewsItem ReadItem(int number, XElement element, Func<XElement, ArticleDraft> read)
        {
            try
            {
                return NewsItem.From(number, read(element).Build(limits));
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                return new NewsItem(number, null, $"The item could not be read ({ex.GetType().Name}: {ex.Message}).");
            }
        }

        /// <summary>The next node, null at the end, or why reading stopped.</summary>
        private static async Task<(FeedNode? Node, string? Failure)> NextAsync(IAsyncEnumerator<FeedNode> nodes)
        {
            try
            {
                return await nodes.MoveNextAsync() ? (nodes.Current, null) : (null, null);
            }
            catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.Ordinal))
            {
                return (null, "The XML declares a DTD (<!DOCTYPE>). DTDs are refused, so no entity is ever expanded or fetched; remove the DOCTYPE to ingest the feed.");
            }
            catch (XmlException ex)
            {
                return (null, $"The XML is malformed: {ex.Message}");
            }
            catch (InvalidDataException ex)
            {
                return (null, $"The gzip data is corrupt or truncated: {ex.Message}");
            }
            catch (ReadStoppedException ex)
            {
                return (null, ex.Message);
            }
        }

        private static async Task<int> CountRestAsync(IAsyncEnumerator<FeedNode> rest, XName item)
        {
            var count = 0;
            while (await NextAsync(rest) is ({ } node, null))
            {
                count += node.Kind == FeedNodeKind.Item && node.Element.Name == item ? 1 : 0;
            }

            return count;
        }
    }

    private enum FeedNodeKind
    {
        Root,
        Title,
        Item,
    }

    /// <summary>The root element (without its content), the feed's title, or one item or entry.</summary>
    private readonly record struct FeedNode(FeedNodeKind Kind, XElement Element);

    /// <summary>
    /// Walks the feed's structure: the root; under it (RDF, Atom) or under its channel (RSS 2.0), each
    /// <c>title</c>, <c>item</c> or <c>entry</c> element is built and returned; everything else is skipped
    /// without being held.
    /// </summary>
    private static async IAsyncEnumerable<FeedNode> Nodes(XmlReader reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (await reader.MoveToContentAsync() != XmlNodeType.Element)
        {
            yield break;
        }

        var root = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
        yield return new FeedNode(FeedNodeKind.Root, root);
        if (reader.IsEmptyElement)
        {
            yield break;
        }

        var level = reader.Depth + 1;
        await reader.ReadAsync();
        while (!reader.EOF && reader.Depth >= level)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (reader.NodeType != XmlNodeType.Element)
            {
                await reader.ReadAsync();
                continue;
            }

            var name = reader.LocalName;
            if (name == "channel" && root.Name.LocalName == "rss" && reader.Depth == level && !reader.IsEmptyElement)
            {
                // Step into the channel: its title and items are read as if directly under the root.
                await reader.ReadAsync();
                level++;
                continue;
            }

            if (reader.Depth == level && name is "title" or "item" or "entry")
            {
                var element = await BuildAsync(reader, cancellationToken);
                yield return new FeedNode(name == "title" ? FeedNodeKind.Title : FeedNodeKind.Item, element);
                continue;
            }

            if (reader.Depth == level && name == "channel")
            {
                // RSS 1.0 keeps its title in the channel element, beside the items.
                var channel = await BuildAsync(reader, cancellationToken);
                if (channel.Element(Rss1 + "title") is { } title)
                {
                    yield return new FeedNode(FeedNodeKind.Title, title);
                }

                continue;
            }

            await BuildAsync(reader, cancellationToken, keep: false);
        }

        // Read to the end, so malformed XML after the last item is still noticed.
        while (await reader.ReadAsync())
        {
            if (reader.Depth > MaxDepth)
            {
                throw new ReadStoppedException($"The XML nests elements more than {MaxDepth} deep.");
            }
        }
    }

    /// <summary>
    /// Builds the element the reader is on, with everything inside it, and leaves the reader after it;
    /// with <paramref name="keep"/> false, only reads past it. Node by node, so nesting deeper than
    /// <see cref="MaxDepth"/> is refused as soon as it is seen (an XDocument slows with the square of the depth).
    /// </summary>
    private static async Task<XElement> BuildAsync(XmlReader reader, CancellationToken cancellationToken, bool keep = true)
    {
        var open = new Stack<XElement>();
        XElement? top = null;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (reader.Depth > MaxDepth)
                    {
                        throw new ReadStoppedException($"The XML nests elements more than {MaxDepth} deep.");
                    }

                    var element = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
                    if (keep && reader.MoveToFirstAttribute())
                    {
                        do
                        {
                            element.Add(reader.NamespaceURI == XNamespace.Xmlns.NamespaceName
                                ? new XAttribute(reader.Prefix.Length == 0 ? XName.Get("xmlns") : XNamespace.Xmlns + reader.LocalName, reader.Value)
                                : new XAttribute(XName.Get(reader.LocalName, reader.NamespaceURI), reader.Value));
                        }
                        while (reader.MoveToNextAttribute());
                        reader.MoveToElement();
                    }

                    if (!open.TryPeek(out var parent))
                    {
                        top = element;
                    }
                    else if (keep)
                    {
                        parent.Add(element);
                    }

                    if (!reader.IsEmptyElement)
                    {
                        open.Push(element);
                    }

                    break;
                case XmlNodeType.EndElement:
                    open.Pop();
                    break;
                case XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace when keep:
                    open.Peek().Add(new XText(await reader.GetValueAsync()));
                    break;
                case XmlNodeType.CDATA when keep:
                    open.Peek().Add(new XCData(await reader.GetValueAsync()));
                    break;
            }

            if (!await reader.ReadAsync() && open.Count > 0)
            {
                throw new XmlException("Unexpected end of file while an element was open.");
            }
        }
        while (open.Count > 0);

        return top!;
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

/// <summary>
/// Reading a drop stopped for a reason worth quarantining it for (nesting too deep, the stream over a
/// limit); the message says which.
/// </summary>
public sealed class ReadStoppedException(string message) : Exception(message);
