using System.Text;
using Ingest.Domain.Articles;
using Ingest.Domain.Digests;
using Ingest.Domain.Matching;
using Ingest.Domain.Watches;

namespace Ingest.Domain.Tests;

/// <summary>
/// Builds plain-text news drops the way the inbox receives them. The default article is invented
/// for these tests; each test changes only the parts it is about.
/// </summary>
public sealed class NewsDropBuilder
{
    public const string DefaultHeadline = "Harbour board approves winter ferry timetable";

    public const string DefaultStandfirst = "Islanders will get two extra crossings a day from November.";

    public static readonly IReadOnlyList<string> DefaultParagraphs =
    [
        "The harbour board voted on Monday to add an early and a late crossing to the winter timetable, ending a dispute that had run since spring.",
        "Residents of the outer islands had complained that the last boat left before most shifts at the mainland hospital ended.",
        "The operator said the extra sailings would be paid for by a small rise in vehicle fares, with foot passengers unaffected.",
    ];

    private string headline = DefaultHeadline;
    private string? publisher;
    private string separator = " – ";
    private string? standfirst = DefaultStandfirst;
    private List<string> paragraphs = [.. DefaultParagraphs];
    private readonly List<string> trailer = [];
    private string paragraphBreak = "\n";
    private string lineEnding = "\n";

    public NewsDropBuilder WithHeadline(string value)
    {
        headline = value;
        return this;
    }

    public NewsDropBuilder WithPublisher(string value, string publisherSeparator = " – ")
    {
        publisher = value;
        separator = publisherSeparator;
        return this;
    }

    public NewsDropBuilder WithStandfirst(string? value)
    {
        standfirst = value;
        return this;
    }

    public NewsDropBuilder WithParagraphs(params string[] values)
    {
        paragraphs = [.. values];
        return this;
    }

    public NewsDropBuilder AddParagraph(string value)
    {
        paragraphs.Add(value);
        return this;
    }

    /// <summary>Lines after the article: teasers, page furniture.</summary>
    public NewsDropBuilder WithTrailer(params string[] lines)
    {
        trailer.AddRange(lines);
        return this;
    }

    /// <summary>BBC shape: paragraphs separated by a blank line rather than one a line.</summary>
    public NewsDropBuilder BlankLineSeparated()
    {
        paragraphBreak = "\n\n";
        return this;
    }

    public NewsDropBuilder WithLineEnding(string value)
    {
        lineEnding = value;
        return this;
    }

    public string Build()
    {
        var text = new StringBuilder();
        text.Append(headline);
        if (publisher is not null)
        {
            text.Append(separator).Append(publisher);
        }

        text.Append("\n\n");
        var blocks = (standfirst is null ? paragraphs : paragraphs.Prepend(standfirst)).ToList();
        text.Append(string.Join(paragraphBreak, blocks));
        foreach (var line in trailer)
        {
            text.Append('\n').Append(line);
        }

        text.Append('\n');
        return text.ToString().Replace("\n", lineEnding, StringComparison.Ordinal);
    }

    public byte[] BuildUtf8() => Encoding.UTF8.GetBytes(Build());
}

/// <summary>Articles built directly, for matcher tests that are not about parsing.</summary>
public static class ArticleBuilder
{
    public static Article Make(
        string title = "Weekly council notes",
        string? standfirst = null,
        IReadOnlyList<string>? paragraphs = null,
        IReadOnlyList<string>? teasers = null,
        string? publisher = null)
    {
        paragraphs ??= ["Nothing much happened at the meeting."];
        teasers ??= [];
        return new Article(ContentHash.Compute(title, paragraphs), title, publisher, standfirst, paragraphs, teasers, 0);
    }

    public static Article WithBody(params string[] paragraphs) => Make(paragraphs: paragraphs);
}

/// <summary>Watches from legacy keyword lists (any keyword hits; several words make a phrase) or from expressions.</summary>
public static class WatchBuilder
{
    public static Watch For(params string[] keywords) => new("test-watch", "Test watch", WatchExpression.FromKeywords(keywords));

    public static Watch Named(string id, params string[] keywords) => new(id, id, WatchExpression.FromKeywords(keywords));

    public static Watch Disabled(params string[] keywords) => new("off", "Off", WatchExpression.FromKeywords(keywords), Enabled: false);

    public static Watch Expression(string expression, int minimumHits = 1, string id = "test-watch") =>
        new(id, id, expression, MinimumHits: minimumHits);
}

/// <summary>Indexed hits for digest tests: an article with a number of body hits, optionally one in the title.</summary>
public static class IndexedHitBuilder
{
    public static readonly DateTimeOffset BaseTime = new(2025, 3, 14, 9, 0, 0, TimeSpan.Zero);

    public static IndexedHit Make(
        string articleId,
        int bodyHits = 1,
        bool titleHit = false,
        DateTimeOffset? ingestedAt = null,
        string watchId = "test-watch",
        string? title = null,
        string? publisher = "Harbour Gazette")
    {
        var hits = new List<KeywordHit>();
        if (titleHit)
        {
            hits.Add(new KeywordHit("ferry", ArticleField.Title, 0, 5, "Ferry fares rise", 0, 5));
        }

        for (var i = 0; i < bodyHits; i++)
        {
            hits.Add(new KeywordHit("ferry", ArticleField.Body, 10 + (i * 40), 5, "…the ferry left late…", 5, 5));
        }

        return new IndexedHit(watchId, articleId, title ?? $"Article {articleId}", publisher, $"{articleId}.txt", ingestedAt ?? BaseTime, hits);
    }
}
