namespace Ingest.Domain.Articles;

/// <summary>A news article as parsed from a drop, before it is stored.</summary>
/// <param name="Id">Stable identity: the content hash, so the same article dropped twice is one record.</param>
/// <param name="Title">The headline, without any publisher suffix.</param>
/// <param name="Publisher">The publisher named in the headline suffix, when there was one.</param>
/// <param name="Standfirst">The short summary paragraph that opens the article, when there was one.</param>
/// <param name="Paragraphs">Body paragraphs in order, page boilerplate and teasers removed.</param>
/// <param name="Teasers">Related-story teaser lines found at the end of a scraped page; kept, never matched.</param>
/// <param name="WordCount">Words in the title, standfirst and body.</param>
public sealed record Article(
    string Id,
    string Title,
    string? Publisher,
    string? Standfirst,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<string> Teasers,
    int WordCount)
{
    /// <summary>The byline, when the drop names one (HTML meta or JSON-LD, a feed item's author, a JSON author field).</summary>
    public string? Author { get; init; }

    /// <summary>When the article was published, only when the drop states it; never guessed from the time of ingestion.</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>The article's own address (a canonical link, a feed item's link, a JSON url), when the drop gives one.</summary>
    public string? CanonicalUrl { get; init; }

    /// <summary>The separator between paragraphs in <see cref="Body"/>; hit offsets into the body count it.</summary>
    public const string ParagraphSeparator = "\n\n";

    /// <summary>The body as one string, paragraphs separated by a blank line.</summary>
    public string Body => string.Join(ParagraphSeparator, Paragraphs);
}
