namespace Ingest.Domain.Matching;

/// <summary>
/// Whether a word that begins with a few given ASCII letters and digits may begin with one of a set of needles:
/// the characters begin a needle, or a needle is among their first ones. For the search's special characters: a
/// word whose apostrophe or non-ASCII character comes after such characters folds to a word that begins with them
/// in lower case, so when no needle fits them it need not be looked up ("don't", "UK's" with needles such as
/// "sanction"). Asked by hashes in a bit table, so a rare false "may" costs one lookup; never a false "no".
/// </summary>
internal sealed class NeedlePrefixes
{
    /// <summary>Up to this many characters are asked; more are answered "may".</summary>
    public const int MaxCharacters = 4;

    /// <summary>
    /// Hashes of every needle's first one to <see cref="MaxCharacters"/> characters, packed as the search packs its
    /// keys (characters are never NUL, so packings of different lengths differ).
    /// </summary>
    private readonly ulong[] starts = WordStartSearch.KeyTable();

    /// <summary>Hashes of the needles of at most <see cref="MaxCharacters"/> characters.</summary>
    private readonly ulong[] whole = WordStartSearch.KeyTable();

    /// <param name="needles">Folded needles (lower-case); characters that are not ASCII never fit what is asked.</param>
    public NeedlePrefixes(IEnumerable<string> needles)
    {
        foreach (var needle in needles)
        {
            for (var length = 1; length <= Math.Min(needle.Length, MaxCharacters); length++)
            {
                WordStartSearch.Set(starts, WordStartSearch.Slot(WordStartSearch.Key(needle.AsSpan(0, length), 0)));
            }

            if (needle.Length <= MaxCharacters)
            {
                WordStartSearch.Set(whole, WordStartSearch.Slot(WordStartSearch.Key(needle, 0)));
            }
        }
    }

    /// <summary>
    /// Whether a word whose fold begins with <paramref name="characters"/> (ASCII letters, either case, and digits;
    /// anything else, or more than <see cref="MaxCharacters"/>, is answered true) may begin with a needle.
    /// </summary>
    public bool MayBegin(ReadOnlySpan<char> characters)
    {
        if (characters.Length is 0 or > MaxCharacters)
        {
            return true;
        }

        ulong packed = 0;
        for (var i = 0; i < characters.Length; i++)
        {
            var c = characters[i];
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return true;
            }

            packed |= (ulong)(c | 0x20) << (16 * i);

            // A needle of the first i + 1 characters: the word begins with it whatever follows.
            if (WordStartSearch.Bit(whole, WordStartSearch.Slot(packed)) != 0)
            {
                return true;
            }
        }

        return WordStartSearch.Bit(starts, WordStartSearch.Slot(packed)) != 0;
    }
}
