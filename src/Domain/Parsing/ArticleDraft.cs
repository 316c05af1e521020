using System.Text;
using Ingest.Domain.Articles;
using Ingest.Domain.Matching;

namespace Ingest.Domain.Parsing;

/// <summary>
/// The fields a structured format (HTML, JSON, RSS, Atom) yields for one article, before they are
/// checked against the limits and turned into an <see cref="Article"/> with the same rules as plain
/// text: the id hashes the title and every text block in order (standfirst first), so the same article
/// in a feed, in a JSON file or as a text file gets the same id.
/// </summary>
internal sealed class ArticleDraft
{
    public string? Title { get; set; }

    public string? Publisher { get; set; }

    /// <summary>A summary the format marks as such (a feed description beside full content, a JSON description).</summary>
    public string? Standfirst { get; set; }

    public List<string> Paragraphs { get; set; } = [];

    public string? Author { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public string? CanonicalUrl { get; set; }

    public ParseResult Build(ParseLimits limits)
    {
        var title = Squash(Title);
        if (title.Length == 0)
        {
            return ParseResult.Fail("There is no headline (no title or headline field).");
        }

        var publisher = NullIfEmpty(Squash(Publisher));
        title = StripPublisherSuffix(title, publisher);
        if (title.Length > PlainTextNewsParser.MaxHeadlineLength)
        {
            return ParseResult.Fail($"The headline is {title.Length:N0} characters long; a headline is at most {PlainTextNewsParser.MaxHeadlineLength}.");
        }

        if (!title.Any(char.IsLetter))
        {
            return ParseResult.Fail("The headline has no letters.");
        }

        var paragraphs = Paragraphs.Select(Squash).Where(p => p.Length > 0).ToList();
        var standfirst = NullIfEmpty(Squash(Standfirst));
        if (standfirst is not null && paragraphs.Count > 0 && RepeatsOpening(standfirst, paragraphs[0]))
        {
            standfirst = null;
        }

        if (paragraphs.Count == 0 && standfirst is not null)
        {
            paragraphs.Add(standfirst);
            standfirst = null;
        }

        if (paragraphs.Count == 0)
        {
            return ParseResult.Fail("There is no article text (no body, content or description).");
        }

        if (standfirst is null && paragraphs.Count > 1 && paragraphs[0].Length <= PlainTextNewsParser.MaxStandfirstLength)
        {
            standfirst = paragraphs[0];
            paragraphs.RemoveAt(0);
        }

        var bodyChars = paragraphs.Sum(p => p.Length + Article.ParagraphSeparator.Length);
        if (bodyChars > limits.MaxBodyChars)
        {
            return ParseResult.Fail($"The body is {bodyChars:N0} characters long; the limit is {limits.MaxBodyChars:N0} (Ingestion:MaxBodyChars).");
        }

        var author = NullIfEmpty(Squash(Author));
        var url = NullIfEmpty(Squash(CanonicalUrl));
        foreach (var (name, value) in new[] { ("author", author), ("publisher", publisher), ("URL", url) })
        {
            if (value?.Length > limits.MaxFieldChars)
            {
                return ParseResult.Fail($"The {name} is {value.Length:N0} characters long; the limit is {limits.MaxFieldChars:N0} (Ingestion:MaxFieldChars).");
            }
        }

        if (standfirst?.Length > limits.MaxBodyChars)
        {
            return ParseResult.Fail($"The summary is {standfirst.Length:N0} characters long; the limit is {limits.MaxBodyChars:N0} (Ingestion:MaxBodyChars).");
        }

        string?[] all = [title, standfirst, author, publisher, url, .. paragraphs];
        if (all.Any(t => t is not null && PlainTextNewsParser.HasInvalidUnicode(t)))
        {
            return ParseResult.Fail("The text is not valid Unicode (it has an unpaired UTF-16 surrogate or U+FFFE).");
        }

        var hashed = standfirst is null ? paragraphs : paragraphs.Prepend(standfirst);
        var words = WordTokenizer.Count(title) + WordTokenizer.Count(standfirst ?? string.Empty) + paragraphs.Sum(WordTokenizer.Count);
        return ParseResult.Ok(new Article(ContentHash.Compute(title, hashed), title, publisher, standfirst, paragraphs, [], words)
        {
            Author = author,
            PublishedAt = PublishedAt,
            CanonicalUrl = url,
        });
    }

    /// <summary>Collapses runs of whitespace (including no-break spaces) to one space and trims.</summary>
    public static string Squash(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var into = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0' || char.IsControl(c))
            {
                pendingSpace = into.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                into.Append(' ');
                pendingSpace = false;
            }

            into.Append(c);
        }

        return into.ToString();
    }

    /// <summary>Splits plain text into paragraphs: one a line, blank lines ignored.</summary>
    public static List<string> Lines(string? text) =>
        string.IsNullOrEmpty(text) ? [] : text.ReplaceLineEndings("\n").Split('\n').Select(Squash).Where(l => l.Length > 0).ToList();

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    /// <summary>"Headline – Publisher" when the suffix is the publisher the format names.</summary>
    private static string StripPublisherSuffix(string title, string? publisher)
    {
        if (publisher is null)
        {
            return title;
        }

        foreach (var separator in new[] { " – ", " — ", " | ", " - ", " :: " })
        {
            if (title.EndsWith(separator + publisher, StringComparison.OrdinalIgnoreCase) && title.Length > separator.Length + publisher.Length)
            {
                return title[..^(separator.Length + publisher.Length)].TrimEnd();
            }
        }

        return title;
    }

    /// <summary>A feed summary that is the first paragraph again, or its truncated opening.</summary>
    private static bool RepeatsOpening(string summary, string first)
    {
        var cut = summary.TrimEnd('…', '.', ' ', '[', ']');
        return string.Equals(summary, first, StringComparison.Ordinal)
            || (cut.Length >= 40 && first.StartsWith(cut, StringComparison.Ordinal));
    }
}
