namespace Ingest.Domain.Matching;

/// <summary>
/// A watch expression that does not parse. <see cref="Position"/> counts characters from 1 (the
/// expression's length + 1 means "at the end"), and <see cref="Expected"/> says what would have fitted there.
/// </summary>
public sealed class WatchExpressionException : FormatException
{
    public WatchExpressionException()
        : this("The watch expression is not valid.")
    {
    }

    public WatchExpressionException(string message)
        : this(message, 0, string.Empty)
    {
    }

    public WatchExpressionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Expected = string.Empty;
    }

    public WatchExpressionException(string message, int position, string expected)
        : base(message)
    {
        Position = position;
        Expected = expected;
    }

    /// <summary>The 1-based character position the problem was found at.</summary>
    public int Position { get; }

    /// <summary>What the parser expected at <see cref="Position"/>, e.g. <c>')'</c>.</summary>
    public string Expected { get; }
}
