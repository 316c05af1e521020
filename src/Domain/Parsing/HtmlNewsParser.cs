using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Ingest.Domain.Parsing;

/// <summary>
/// Parses a saved article page. Headline: og:title, else the first h1, else the title element, else
/// JSON-LD; a "– Site" suffix is removed. Publisher: og:site_name, JSON-LD publisher, or the title
/// suffix. Author: meta author, article:author, JSON-LD, rel=author. Published: article:published_time,
/// a time element's datetime, JSON-LD datePublished. Canonical URL: link rel=canonical, og:url, JSON-LD.
/// Body: the paragraphs of the article element (or main content), page furniture left out by <see cref="HtmlText"/>.
/// </summary>
public sealed class HtmlNewsParser(BoilerplateRules rules)
{
    public HtmlNewsParser()
        : this(BoilerplateRules.Default)
    {
    }

    public ParseResult Parse(string html, ParseLimits limits)
    {
        var document = HtmlText.Parse(html);
        var ld = LinkedData.Read(document);
        var siteName = Meta(document, "og:site_name") ?? ld.Publisher;
        var root = ContentRoot(document);

        var h1 = Text(root?.QuerySelector("h1")) ?? Text(document.QuerySelector("h1"));
        var titleElement = ArticleDraft.Squash(document.Title);
        string? title = Meta(document, "og:title") ?? h1;
        string? publisher = siteName;
        if (title is null && titleElement.Length > 0)
        {
            title = titleElement;
            if (siteName is null)
            {
                (title, publisher) = PlainTextNewsParser.SplitPublisher(titleElement);
            }
        }

        title ??= ld.Headline;
        var draft = new ArticleDraft
        {
            Title = title,
            Publisher = publisher,
            Author = Meta(document, "author") ?? NotUrl(Meta(document, "article:author")) ?? ld.Author ?? Text(document.QuerySelector("[rel=author]")),
            PublishedAt = NewsDates.TryParse(Meta(document, "article:published_time"))
                ?? NewsDates.TryParse(PublishedTimeElement(root, document))
                ?? NewsDates.TryParse(ld.DatePublished)
                ?? NewsDates.TryParse(Meta(document, "date") ?? Meta(document, "pubdate") ?? Meta(document, "dc.date")),
            CanonicalUrl = document.QuerySelector("link[rel=canonical]")?.GetAttribute("href") ?? Meta(document, "og:url") ?? ld.Url,
            Paragraphs = HtmlText.Paragraphs(root, rules, skip: ArticleDraft.Squash(h1)),
        };

        if (draft.Paragraphs.Count == 0 && ld.ArticleBody is { } body)
        {
            draft.Paragraphs = ArticleDraft.Lines(body);
        }

        if (draft.Title is null)
        {
            return ParseResult.Fail("The HTML page has no headline (no og:title, h1, title element or JSON-LD headline).");
        }

        return draft.Paragraphs.Count == 0
            ? ParseResult.Fail("The HTML page has no article text (no paragraphs in its article or main content).")
            : draft.Build(limits);
    }

    /// <summary>The element holding the article: itemprop=articleBody, the largest article element, main, or the body.</summary>
    private static IElement? ContentRoot(IHtmlDocument document) =>
        document.QuerySelector("[itemprop=articleBody]")
        ?? document.QuerySelectorAll("article").OrderByDescending(a => a.QuerySelectorAll("p").Sum(p => p.TextContent.Length)).FirstOrDefault()
        ?? document.QuerySelector("main")
        ?? document.QuerySelector("[role=main]")
        ?? document.Body;

    private static string? PublishedTimeElement(IElement? root, IHtmlDocument document) =>
        (document.QuerySelector("time[itemprop=datePublished][datetime]")
         ?? document.QuerySelector("time[pubdate][datetime]")
         ?? root?.QuerySelector("time[datetime]")
         ?? document.QuerySelector("time[datetime]"))?.GetAttribute("datetime");

    private static string? Meta(IHtmlDocument document, string name)
    {
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase) && meta.GetAttribute("content") is { } content)
            {
                var value = ArticleDraft.Squash(content);
                if (value.Length > 0)
                {
                    return value;
                }
            }
        }

        return null;
    }

    private static string? Text(IElement? element)
    {
        var text = ArticleDraft.Squash(element?.TextContent);
        return text.Length == 0 ? null : text;
    }

    private static string? NotUrl(string? value) =>
        value is null || value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? null : value;

    /// <summary>The first schema.org Article-like object in the page's JSON-LD scripts.</summary>
    private sealed record LinkedData(string? Headline, string? Publisher, string? Author, string? DatePublished, string? Url, string? ArticleBody)
    {
        private static readonly LinkedData None = new(null, null, null, null, null, null);

        public static LinkedData Read(IHtmlDocument document)
        {
            foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
            {
                try
                {
                    using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                    if (Find(json.RootElement, 0) is { } article)
                    {
                        return new LinkedData(
                            JsonFields.String(article, "headline") ?? JsonFields.String(article, "name"),
                            JsonFields.Name(article, "publisher"),
                            JsonFields.Name(article, "author"),
                            JsonFields.String(article, "datePublished") ?? JsonFields.String(article, "dateCreated"),
                            JsonFields.String(article, "url") ?? JsonFields.Name(article, "mainEntityOfPage", "@id"),
                            JsonFields.String(article, "articleBody"));
                    }
                }
                catch (JsonException)
                {
                    // Broken JSON-LD is common; the page's markup still stands on its own.
                }
            }

            return None;
        }

        private static JsonElement? Find(JsonElement element, int depth)
        {
            if (depth > 4)
            {
                return null;
            }

            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    if (Find(item, depth + 1) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            }

            if (element.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (element.TryGetProperty("@type", out var type) && IsArticleType(type))
            {
                return element;
            }

            return element.TryGetProperty("@graph", out var graph) ? Find(graph, depth + 1) : null;
        }

        private static bool IsArticleType(JsonElement type) => type.ValueKind switch
        {
            JsonValueKind.String => type.GetString()?.EndsWith("Article", StringComparison.Ordinal) == true || type.GetString() is "BlogPosting" or "Report",
            JsonValueKind.Array => type.EnumerateArray().Any(IsArticleType),
            _ => false,
        };
    }
}
