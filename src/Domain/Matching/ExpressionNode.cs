using Ingest.Domain.Articles;

namespace Ingest.Domain.Matching;

/// <summary>A parsed watch expression: see docs/watches.md for the language.</summary>
public abstract record ExpressionNode;

/// <summary>How one word of a term is compared with a word of the article.</summary>
public enum WordMatch
{
    /// <summary>Same <see cref="EnglishInflection.Key"/>: "sanction" matches "sanctioned".</summary>
    Inflected,

    /// <summary>Same <see cref="EnglishInflection.Fold"/>: case, accents and apostrophes ignored, nothing else.</summary>
    Exact,

    /// <summary>The article word's fold starts with this fold: <c>sanction*</c>.</summary>
    Prefix,
}

/// <summary>One word of a term: its match key (already folded or stemmed) and how it is compared.</summary>
public sealed record WordPattern(string Key, WordMatch Match);

/// <summary>
/// A term or phrase: one or more words that must appear consecutively and in order (punctuation between
/// them is ignored), optionally only in one field. <paramref name="Clause"/> is the text as written, and
/// is what a hit reports as its keyword.
/// </summary>
public sealed record TermNode(string Clause, IReadOnlyList<WordPattern> Words, ArticleField? Field = null) : ExpressionNode;

public sealed record AndNode(IReadOnlyList<ExpressionNode> Operands) : ExpressionNode;

public sealed record OrNode(IReadOnlyList<ExpressionNode> Operands) : ExpressionNode;

public sealed record NotNode(ExpressionNode Operand) : ExpressionNode;

/// <summary>Both sides in the same field with at most <paramref name="MaxWordsBetween"/> words between them, in either order.</summary>
public sealed record NearNode(ExpressionNode Left, ExpressionNode Right, int MaxWordsBetween) : ExpressionNode;
