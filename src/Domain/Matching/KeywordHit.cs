using Ingest.Domain.Articles;

namespace Ingest.Domain.Matching;

/// <summary>
/// One occurrence of a watched term, explained: which clause of the watch expression matched
/// (<see cref="Keyword"/>: the term or phrase as written, e.g. <c>sanction*</c> or <c>"foreign minister"</c>),
/// in which field, where (character offsets into that field), and a snippet around it with the match
/// located inside the snippet. Equal when all seven values are equal.
/// </summary>
/// <remarks>
/// A hit made by <see cref="KeywordMatcher"/> keeps the field's text and builds its snippet when the snippet is
/// first read: an article can hit hundreds of watches many times each, and storage keeps only the first
/// hits of each (TableHitIndex.MaxStoredHits), so most snippets are never read. The snippet is the same
/// whenever it is built; the text is the matched article's and does not change.
/// </remarks>
public sealed class KeywordHit : IEquatable<KeywordHit>
{
    private readonly string? text;
    private Snip? snip;

    /// <summary>A hit with its snippet given (as stored, or in tests).</summary>
    public KeywordHit(string keyword, ArticleField field, int offset, int length, string snippet, int snippetMatchStart, int snippetMatchLength)
    {
        Keyword = keyword;
        Field = field;
        Offset = offset;
        Length = length;
        snip = new Snip(snippet, snippetMatchStart, snippetMatchLength);
    }

    /// <summary>A hit at <paramref name="offset"/> in <paramref name="text"/> (the whole field), its snippet built when first read.</summary>
    internal KeywordHit(string keyword, ArticleField field, string text, int offset, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, text.Length - offset);
        Keyword = keyword;
        Field = field;
        Offset = offset;
        Length = length;
        this.text = text;
    }

    public string Keyword { get; }

    public ArticleField Field { get; }

    /// <summary>Where the match starts in its field, in characters.</summary>
    public int Offset { get; }

    /// <summary>The match's length in characters.</summary>
    public int Length { get; }

    /// <summary>About <see cref="KeywordMatcher.SnippetContext"/> characters each side of the match, cut at spaces, one line, "…" where cut.</summary>
    public string Snippet => Snipped.Text;

    /// <summary>Where the match starts in <see cref="Snippet"/>.</summary>
    public int SnippetMatchStart => Snipped.Start;

    /// <summary>The match's length in <see cref="Snippet"/>.</summary>
    public int SnippetMatchLength => Snipped.Length;

    // Two threads may both build it; they build the same value and either may be kept.
    private Snip Snipped => snip ??= Build(text!, Offset, Length);

    public bool Equals(KeywordHit? other) =>
        other is not null && (ReferenceEquals(this, other) || (Keyword == other.Keyword && Field == other.Field && Offset == other.Offset
            && Length == other.Length && Snipped == other.Snipped));

    public override bool Equals(object? obj) => Equals(obj as KeywordHit);

    public override int GetHashCode() => HashCode.Combine(Keyword, Field, Offset, Length);

    public override string ToString() =>
        $"{nameof(KeywordHit)} {{ Keyword = {Keyword}, Field = {Field}, Offset = {Offset}, Length = {Length}, Snippet = {Snippet}, SnippetMatchStart = {SnippetMatchStart}, SnippetMatchLength = {SnippetMatchLength} }}";

    /// <summary>
    /// The snippet of <c>text[start..start+length)</c>: up to <see cref="KeywordMatcher.SnippetContext"/> characters
    /// each side, shortened to whole words, trimmed, every line break (CR LF, CR, LF, FF, NEL, LS, PS) one
    /// space, "…" where the field goes on. Built as one string.
    /// </summary>
    private static Snip Build(string text, int start, int length)
    {
        var context = KeywordMatcher.SnippetContext;
        var from = Math.Max(0, start - context);
        var to = Math.Min(text.Length, start + length + context);
        while (from > 0 && from < start && !char.IsWhiteSpace(text[from - 1]))
        {
            from++;
        }

        while (to < text.Length && to > start + length && !char.IsWhiteSpace(text[to]))
        {
            to--;
        }

        var lead = from > 0;
        var trail = to < text.Length;
        while (from < start && char.IsWhiteSpace(text[from]))
        {
            from++;
        }

        while (to > start + length && char.IsWhiteSpace(text[to - 1]))
        {
            to--;
        }

        var size = (lead ? 1 : 0) + (to - from - CrLfs(text, from, to)) + (trail ? 1 : 0);
        var snippet = string.Create(size, (text, from, to, lead, trail), static (into, s) =>
        {
            var n = 0;
            if (s.lead)
            {
                into[n++] = '…';
            }

            for (var i = s.from; i < s.to; i++)
            {
                var c = s.text[i];
                if (c == '\r' && i + 1 < s.to && s.text[i + 1] == '\n')
                {
                    i++;
                }

                into[n++] = c is '\r' or '\n' or '\f' or '\u0085' or '\u2028' or '\u2029' ? ' ' : c;
            }

            if (s.trail)
            {
                into[n] = '…';
            }
        });
        return new Snip(snippet, (lead ? 1 : 0) + (start - from) - CrLfs(text, from, start), length - CrLfs(text, start, start + length));
    }

    /// <summary>How many CR LF pairs lie wholly in <c>text[from..to)</c> (each becomes one space).</summary>
    private static int CrLfs(string text, int from, int to)
    {
        var pairs = 0;
        for (var i = from; i + 1 < to; i++)
        {
            if (text[i] == '\r' && text[i + 1] == '\n')
            {
                pairs++;
                i++;
            }
        }

        return pairs;
    }

    private sealed record Snip(string Text, int Start, int Length);
}

/// <summary>All hits of one watch in one article.</summary>
public sealed record WatchMatch(string WatchId, string WatchName, IReadOnlyList<KeywordHit> Hits)
{
    public bool InTitle => Hits.Any(h => h.Field == ArticleField.Title);
}
