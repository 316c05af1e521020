using System.Text.RegularExpressions;
using Ingest.Domain.Articles;
using Ingest.Domain.Matching;

namespace Ingest.Domain.Parsing;

/// <summary>
/// Parses the plain-text drop: a headline on the first line (optionally "Headline – Publisher"),
/// then paragraphs one a line or separated by blank lines; a short first paragraph is the standfirst.
/// Page boilerplate is dropped by <see cref="BoilerplateRules"/>; related-story teasers at the end
/// of a scraped page are kept apart so they never count as the article.
/// </summary>
public sealed partial class PlainTextNewsParser(BoilerplateRules rules)
{
    /// <summary>A first line longer than this is not a headline.</summary>
    public const int MaxHeadlineLength = 400;

    /// <summary>A first paragraph up to this long, followed by more text, is the standfirst.</summary>
    public const int MaxStandfirstLength = 320;

    /// <summary>A trailing line up to this long may be a related-story teaser.</summary>
    public const int MaxTeaserLength = 200;

    private const int MaxPublisherLength = 60;
    private const int MaxPublisherWords = 6;
    private static readonly string[] PublisherSeparators = [" – ", " — ", " | ", " - "];

    public PlainTextNewsParser()
        : this(BoilerplateRules.Default)
    {
    }

    public ParseResult Parse(string text)
    {
        if (HasInvalidUnicode(text))
        {
            return ParseResult.Fail("The text is not valid Unicode (it has an unpaired UTF-16 surrogate or U+FFFE).");
        }

        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var first = Array.FindIndex(lines, l => !string.IsNullOrWhiteSpace(l));
        if (first < 0)
        {
            return ParseResult.Fail("The file has no text, only whitespace.");
        }

        var headline = Clean(lines[first]);
        if (headline.Length > MaxHeadlineLength)
        {
            return ParseResult.Fail($"The first line is {headline.Length} characters long; a headline is at most {MaxHeadlineLength}.");
        }

        if (!headline.Any(char.IsLetter))
        {
            return ParseResult.Fail("The first line has no letters, so it is not a headline.");
        }

        var (title, publisher) = SplitPublisher(headline);
        var (paragraphs, sawPageFurniture) = ReadParagraphs(lines.AsSpan(first + 1));
        var teasers = sawPageFurniture ? TakeTrailingTeasers(paragraphs) : [];
        if (paragraphs.Count == 0 || paragraphs.All(p => WordTokenizer.Count(p) == 0))
        {
            return ParseResult.Fail("There is no article text after the headline.");
        }

        string? standfirst = null;
        if (paragraphs.Count > 1 && paragraphs[0].Length <= MaxStandfirstLength)
        {
            standfirst = paragraphs[0];
            paragraphs.RemoveAt(0);
        }

        var hashed = standfirst is null ? paragraphs : paragraphs.Prepend(standfirst);
        var words = WordTokenizer.Count(title) + WordTokenizer.Count(standfirst ?? string.Empty) + paragraphs.Sum(WordTokenizer.Count);
        return ParseResult.Ok(new Article(ContentHash.Compute(title, hashed), title, publisher, standfirst, paragraphs, teasers, words));
    }

    /// <summary>Splits "Headline – Publisher" when the suffix reads as a name, not as part of the headline.</summary>
    public static (string Title, string? Publisher) SplitPublisher(string headline)
    {
        foreach (var separator in PublisherSeparators)
        {
            var at = headline.LastIndexOf(separator, StringComparison.Ordinal);
            if (at <= 0)
            {
                continue;
            }

            var title = headline[..at].TrimEnd();
            var suffix = headline[(at + separator.Length)..].Trim();
            if (title.Any(char.IsLetter) && LooksLikePublisher(suffix))
            {
                return (title, suffix);
            }
        }

        return (headline, null);
    }

    private static bool LooksLikePublisher(string suffix)
    {
        if (suffix.Length is 0 or > MaxPublisherLength || suffix[^1] is '?' or '!' or '.' or ',' or ':')
        {
            return false;
        }

        var words = suffix.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= MaxPublisherWords
            && words.All(w => !char.IsLetter(w[0]) || char.IsUpper(w[0]) || w is "of" or "the" or "and" or "for" or "on" or "de" or "la");
    }

    private (List<string> Paragraphs, bool SawPageFurniture) ReadParagraphs(ReadOnlySpan<string> lines)
    {
        var paragraphs = new List<string>();
        var sawFurniture = false;
        string? open = null;
        foreach (var raw in lines)
        {
            var line = Clean(raw);
            if (line.Length == 0)
            {
                Close(ref open, paragraphs);
                continue;
            }

            var kind = rules.Classify(line);
            if (kind == BoilerplateKind.Tail)
            {
                sawFurniture = true;
                break;
            }

            if (kind == BoilerplateKind.Line)
            {
                sawFurniture = true;
                Close(ref open, paragraphs);
                continue;
            }

            if (open is not null && IsHardWrapContinuation(open, line))
            {
                open = open + " " + line;
                continue;
            }

            Close(ref open, paragraphs);
            open = line;
        }

        Close(ref open, paragraphs);
        return (paragraphs, sawFurniture);
    }

    private static void Close(ref string? open, List<string> paragraphs)
    {
        if (open is not null)
        {
            paragraphs.Add(open);
            open = null;
        }
    }

    /// <summary>A line that continues a sentence broken by hard wrapping rather than starting a new paragraph.</summary>
    private static bool IsHardWrapContinuation(string previous, string line) =>
        char.IsLower(line[0]) && !SentenceEnds.Contains(previous[^1]);

    /// <summary>What a line ends a sentence with: its punctuation, a closing bracket, an apostrophe or a quotation mark.</summary>
    private static readonly System.Buffers.SearchValues<char> SentenceEnds = System.Buffers.SearchValues.Create(".!?:)’'" + QuotationMarkCharacters);

    /// <summary>
    /// On a scraped page, the lines between the article and the page furniture are related-story
    /// teasers: single sentences with no quotation and no attribution. The article keeps at least two paragraphs.
    /// </summary>
    private static List<string> TakeTrailingTeasers(List<string> paragraphs)
    {
        var teasers = new List<string>();
        while (paragraphs.Count > 2 && IsTeaser(paragraphs[^1]))
        {
            teasers.Insert(0, paragraphs[^1]);
            paragraphs.RemoveAt(paragraphs.Count - 1);
        }

        return teasers;
    }

    /// <summary>
    /// Quotation marks, whose line quotes someone and is not a teaser: double ones of every style, guillemets, and the
    /// opening single quote (the closing one is also the apostrophe, and a straight one is mostly an apostrophe).
    /// </summary>
    private static readonly System.Buffers.SearchValues<char> QuotationMarks = System.Buffers.SearchValues.Create(QuotationMarkCharacters);

    private const string QuotationMarkCharacters = "\"“”„‟«»‹›‘";

    private static bool IsTeaser(string line) =>
        line.Length <= MaxTeaserLength
        && line.IndexOfAny(QuotationMarks) < 0
        && !Attribution().IsMatch(line)
        && !SentenceBreak().IsMatch(line);

    /// <summary>Text that string.Normalize, and so <see cref="ContentHash"/>, refuses.</summary>
    internal static bool HasInvalidUnicode(string text)
    {
        if (text.Contains('\uFFFE', StringComparison.Ordinal))
        {
            return true;
        }

        for (var i = text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF'); i >= 0 && i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static string Clean(string line) => line.Trim().Replace('\u00A0', ' ');

    [GeneratedRegex(@"\b(said|says|told|added|according to|announced that|reported)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Attribution();

    [GeneratedRegex(@"[.!?]\s+\p{Lu}", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceBreak();
}
