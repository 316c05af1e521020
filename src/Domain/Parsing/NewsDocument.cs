using Ingest.Domain.Articles;

namespace Ingest.Domain.Parsing;

/// <summary>The kind of content a drop holds, told from its bytes rather than its name.</summary>
public enum NewsFormat
{
    /// <summary>Not yet known: the drop could not be read far enough to tell.</summary>
    Unknown,
    PlainText,
    Html,
    Json,
    Rss,
    Atom,

    /// <summary>XML that is neither RSS nor Atom (or could not be read far enough to tell).</summary>
    Xml,
}

/// <summary>
/// What one drop holds: its format and one result per item, in file order. <see cref="Error"/> is set
/// when the file as a whole is unreadable (empty, binary, malformed, over a limit); it then has no items.
/// </summary>
public sealed record NewsDocument(NewsFormat Format, bool Gzipped, IReadOnlyList<NewsItem> Items, string? Error)
{
    /// <summary>True for formats that hold a list of articles (feeds, JSON arrays, NDJSON), even with one item.</summary>
    public bool IsMultiItem { get; init; }

    /// <summary>How the format is named in logs and reasons, e.g. "rss" or "gzip+json".</summary>
    public string FormatName => (Gzipped ? "gzip+" : string.Empty) + Format switch
    {
        NewsFormat.PlainText => "text",
        _ => Format.ToString().ToLowerInvariant(),
    };

    public static NewsDocument Fail(NewsFormat format, bool gzipped, string error) => new(format, gzipped, [], error);
}

/// <summary>One article of a drop, or why it could not be read. <see cref="Number"/> counts from 1 in file order.</summary>
public sealed record NewsItem(int Number, Article? Article, string? Error)
{
    public static NewsItem From(int number, ParseResult result) => new(number, result.Article, result.Error);
}
