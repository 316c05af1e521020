using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Ingest.Domain.Parsing;

/// <summary>
/// Turns HTML into article paragraphs: one a block element (p, li, headings, blockquote, div text),
/// inline markup flattened, and page furniture left out — scripts and styles, navigation, forms
/// (comment forms), asides and footers, hidden elements, and anything whose class, id or role names
/// a share bar, cookie notice, newsletter box, comments, related links, adverts or a byline.
/// Lines the <see cref="BoilerplateRules"/> know as furniture are dropped too.
/// </summary>
internal static class HtmlText
{
    private static readonly HashSet<string> DroppedElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "nav", "form", "iframe", "svg", "button", "select", "input",
        "textarea", "aside", "footer", "figure", "object", "embed", "canvas", "video", "audio", "picture", "img",
        "dialog", "menu", "head", "title", "meta", "link",
    };

    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
        "blockquote", "pre", "table", "tr", "td", "th", "dl", "dt", "dd", "hr", "figcaption", "address", "center",
        "details", "summary", "body", "html",
    };

    /// <summary>Class/id words that name furniture when they are a whole word of the attribute (or that word plus "s").</summary>
    private static readonly HashSet<string> NoiseWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "ad", "advert", "advertisement", "banner", "byline", "comment", "menu", "meta", "modal", "nav", "navbar",
        "popup", "promo", "related", "share", "sidebar", "tag", "toolbar", "dateline", "timestamp", "author", "footer",
        "masthead", "breadcrumbs", "widget",
    };

    /// <summary>Class/id word beginnings that name furniture wherever they start a word.</summary>
    private static readonly string[] NoisePrefixes =
    [
        "cookie", "consent", "gdpr", "newsletter", "subscribe", "subscription", "sharing", "sharebar", "social",
        "breadcrumb", "outbrain", "taboola", "disqus", "sponsor", "recommend", "paywall", "signup", "advert", "promo",
    ];

    private static readonly HashSet<string> NoiseRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search", "menu", "menubar",
    };

    public static IHtmlDocument Parse(string html) => new HtmlParser(new HtmlParserOptions { IsScripting = false }).ParseDocument(html);

    /// <summary>The paragraphs of an HTML fragment (a feed item's content, a JSON body holding markup).</summary>
    public static List<string> FragmentParagraphs(string html) =>
        Paragraphs(Parse(html).Body, BoilerplateRules.Default, skip: null);

    /// <summary>The text of an HTML fragment as one line (a feed title or summary that holds markup).</summary>
    public static string FragmentText(string html) =>
        html.Contains('<', StringComparison.Ordinal) || html.Contains('&', StringComparison.Ordinal)
            ? ArticleDraft.Squash(string.Join(' ', FragmentParagraphs(html)))
            : ArticleDraft.Squash(html);

    /// <summary>Whether text holds markup rather than being plain text with a stray angle bracket.</summary>
    public static bool LooksLikeHtml(string text) =>
        text.Contains("</", StringComparison.Ordinal) || text.Contains("<br", StringComparison.OrdinalIgnoreCase)
        || text.Contains("<p>", StringComparison.OrdinalIgnoreCase) || text.Contains("<p ", StringComparison.OrdinalIgnoreCase);

    /// <param name="skip">A block text to leave out, such as the headline repeated in the body.</param>
    public static List<string> Paragraphs(IElement? root, BoilerplateRules rules, string? skip)
    {
        var blocks = new List<string>();
        if (root is null)
        {
            return blocks;
        }

        var line = new StringBuilder();
        var ended = false;
        Walk(root);
        Flush();
        return blocks;

        void Walk(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                if (ended)
                {
                    return;
                }

                if (child is IText text)
                {
                    line.Append(text.Data);
                }
                else if (child is IElement element)
                {
                    if (IsNoise(element))
                    {
                        continue;
                    }

                    var name = element.LocalName;
                    if (name == "br")
                    {
                        Flush();
                    }
                    else if (BlockElements.Contains(name))
                    {
                        Flush();
                        Walk(element);
                        Flush();
                    }
                    else
                    {
                        Walk(element);
                    }
                }
            }
        }

        void Flush()
        {
            if (ended)
            {
                line.Clear();
                return;
            }

            var block = ArticleDraft.Squash(line.ToString());
            line.Clear();
            if (block.Length == 0 || (skip is not null && string.Equals(block, skip, StringComparison.Ordinal)))
            {
                return;
            }

            switch (rules.Classify(block))
            {
                case BoilerplateKind.Tail:
                    ended = true;
                    return;
                case BoilerplateKind.Line:
                    return;
                default:
                    if (blocks.Count == 0 || !string.Equals(blocks[^1], block, StringComparison.Ordinal))
                    {
                        blocks.Add(block);
                    }

                    return;
            }
        }
    }

    /// <summary>Furniture by element, hidden state, role, or a class or id word.</summary>
    public static bool IsNoise(IElement element)
    {
        if (DroppedElements.Contains(element.LocalName)
            || element.HasAttribute("hidden")
            || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)
            || (element.GetAttribute("style") is { } style && style.Replace(" ", string.Empty, StringComparison.Ordinal).Contains("display:none", StringComparison.OrdinalIgnoreCase))
            || (element.GetAttribute("role") is { } role && NoiseRoles.Contains(role)))
        {
            return true;
        }

        if (string.Equals(element.GetAttribute("itemprop"), "articleBody", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return HasNoiseWord(element.GetAttribute("class")) || HasNoiseWord(element.GetAttribute("id"));
    }

    private static bool HasNoiseWord(string? attribute)
    {
        if (string.IsNullOrEmpty(attribute))
        {
            return false;
        }

        foreach (var word in attribute.Split([' ', '-', '_', '.', ':', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (NoiseWords.Contains(word) || (word.Length > 1 && word[^1] is 's' or 'S' && NoiseWords.Contains(word[..^1])))
            {
                return true;
            }

            foreach (var prefix in NoisePrefixes)
            {
                if (word.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
