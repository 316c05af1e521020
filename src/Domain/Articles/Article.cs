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

    /// <summary>
    /// The body as one string, paragraphs separated by a blank line. Joined once and kept: ingestion checks its
    /// length, matches it and stores it. <see cref="Paragraphs"/> is not expected to change after construction.
    /// </summary>
    public string Body => joined.Of(Paragraphs);

    /// <summary>Not part of the article's value: equal for any two articles, copied along by <c>with</c>.</summary>
    private readonly JoinedBody joined = new();

    /// <summary>The last paragraphs joined, and the list they came from (a copy made by <c>with</c> may have others).</summary>
    private sealed class JoinedBody
    {
        private Joined? last;

        public string Of(IReadOnlyList<string> paragraphs)
        {
            var current = Volatile.Read(ref last);
            if (current is null || !ReferenceEquals(current.From, paragraphs))
            {
                current = new Joined(paragraphs, string.Join(ParagraphSeparator, paragraphs));
                Volatile.Write(ref last, current);
            }

            return current.Body;
        }

        public override bool Equals(object? obj) => obj is JoinedBody;

        public override int GetHashCode() => 0;

        private sealed record Joined(IReadOnlyList<string> From, string Body);
    }
}
