using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Ingest.Domain.Matching;

/// <summary>A word in a text: where it starts and how long it is.</summary>
public readonly record struct WordSpan(int Start, int Length);

/// <summary>
/// Splits text into words: runs of letters and digits, with apostrophes allowed inside a word
/// ("Russia’s", "don't"). Hyphens, dashes and all other punctuation separate words.
/// </summary>
public static class WordTokenizer
{
    public static List<WordSpan> Tokenize(string text)
    {
        var words = new List<WordSpan>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            i = WordEnd(text, i);
            words.Add(new WordSpan(start, i - start));
        }

        return words;
    }

    /// <summary>How many words <see cref="Tokenize"/> finds in <paramref name="text"/>, counting no further than <paramref name="most"/>.</summary>
    internal static int CountWords(ReadOnlySpan<char> text, int most)
    {
        var words = 0;
        for (var i = 0; i < text.Length && words < most;)
        {
            if (IsWordChar(text[i]))
            {
                i = WordEnd(text, i);
                words++;
            }
            else
            {
                i++;
            }
        }

        return words;
    }

    /// <summary>How many words <see cref="Tokenize"/> finds, without listing them.</summary>
    public static int Count(string text)
    {
        var counter = new Counter();
        return VisitRuns(text, ref counter, 0);
    }

    /// <summary>Receives the runs <see cref="VisitRuns"/> finds.</summary>
    internal interface IRunVisitor
    {
        /// <param name="plain">The run is ASCII letters and digits only, so exactly one word.</param>
        /// <param name="word">The number of the run's first word (words are numbered from the start of the text, or from where the caller says).</param>
        /// <returns>The number of the word after the run's last: <paramref name="word"/> + 1 for a plain run.</returns>
        /// <remarks>The number is passed in and returned, not kept in the visitor, so that it stays in a register while words are passed.</remarks>
        int Run(ReadOnlySpan<char> text, int start, int end, bool plain, int word);

        /// <summary>
        /// Whether <see cref="Run"/> may stop the visit by returning a negative number, which the visit then returns
        /// at once. A constant of the visitor's type, so visitors that never stop pay nothing for the check.
        /// </summary>
        static virtual bool Stops => false;
    }

    /// <summary>
    /// Splits <paramref name="text"/> into runs of letters, digits, apostrophes and non-ASCII characters,
    /// separated by ASCII spaces and punctuation (which never belong to a word, so no word crosses from
    /// one run into another): 64 characters at a time with vector instructions where the processor has
    /// 256-bit ones (AVX2) and the text is that long, else one character at a time.
    /// </summary>
    /// <param name="word">The number of the text's first word.</param>
    /// <returns>The number of the word after the text's last.</returns>
    internal static int VisitRuns<TVisitor>(ReadOnlySpan<char> text, ref TVisitor visitor, int word)
        where TVisitor : struct, IRunVisitor
    {
        if (text.Length >= Block && Vector256.IsHardwareAccelerated)
        {
            return VisitRunsVectorized(text, ref visitor, word);
        }

        var runStart = -1;
        var runPlain = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var alnum = char.IsAsciiLetterOrDigit(c);
            if (alnum || c >= 0x80 || c == '\'')
            {
                if (runStart < 0)
                {
                    runStart = i;
                    runPlain = true;
                }

                runPlain &= alnum;
            }
            else if (runStart >= 0)
            {
                word = visitor.Run(text, runStart, i, runPlain, word);
                if (TVisitor.Stops && word < 0)
                {
                    return word;
                }

                runStart = -1;
            }
        }

        return runStart >= 0 ? visitor.Run(text, runStart, text.Length, runPlain, word) : word;
    }

    /// <summary>
    /// <see cref="VisitRuns"/> for a text of at least 64 characters: each block of 64 is classified with four
    /// 256-bit compares, and the runs are read off the bit masks: a run ends at a non-run character after a
    /// run character, and starts after the last non-run character before its end. The only branches that
    /// depend on the text are the loop over a block's runs and the check for runs with special characters.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int VisitRunsVectorized<TVisitor>(ReadOnlySpan<char> text, ref TVisitor visitor, int word)
        where TVisitor : struct, IRunVisitor
    {
        var n = text.Length;
        ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        var open = -1;
        var openPlain = true;
        for (var i = 0; i < n;)
        {
            // The last block is read overlapping the one before it, and shifted down to the characters not yet classified.
            var at = Math.Min(i, n - Block);
            var skip = i - at;
            var a = Classify(Vector256.LoadUnsafe(ref first, (nuint)at));
            var b = Classify(Vector256.LoadUnsafe(ref first, (nuint)(at + 16)));
            var c = Classify(Vector256.LoadUnsafe(ref first, (nuint)(at + 32)));
            var d = Classify(Vector256.LoadUnsafe(ref first, (nuint)(at + 48)));
            var plain = ((a & 0xFFFF) | ((b & 0xFFFF) << 16) | ((c & 0xFFFF) << 32) | ((d & 0xFFFF) << 48)) >> skip;
            var run = ((a >> 16) | ((b >> 16) << 16) | ((c >> 16) << 32) | ((d >> 16) << 48)) >> skip;
            var width = Block - skip;
            var outside = ~run & (ulong.MaxValue >> skip);
            var ends = outside & ((run << 1) | (open >= 0 ? 1UL : 0));
            var special = run & ~plain;

            if (open >= 0)
            {
                if (ends == 0)
                {
                    // The whole block is inside the run.
                    openPlain &= special == 0;
                    i += width;
                    continue;
                }

                var end = BitOperations.TrailingZeroCount(ends);
                ends &= ends - 1;
                word = visitor.Run(text, open, i + end, openPlain && (special & ((1UL << end) - 1)) == 0, word);
                if (TVisitor.Stops && word < 0)
                {
                    return word;
                }

                open = -1;
            }

            for (; ends != 0; ends &= ends - 1)
            {
                var end = BitOperations.TrailingZeroCount(ends);
                var start = 64 - BitOperations.LeadingZeroCount(outside & ((1UL << end) - 1));
                word = visitor.Run(text, i + start, i + end, special == 0 || ((special >> start) & ((1UL << (end - start)) - 1)) == 0, word);
                if (TVisitor.Stops && word < 0)
                {
                    return word;
                }
            }

            if ((run >> (width - 1)) != 0)
            {
                var start = 64 - BitOperations.LeadingZeroCount(outside);
                open = i + start;
                openPlain = (special >> start) == 0;
            }

            i += width;
        }

        return open >= 0 ? visitor.Run(text, open, n, openPlain, word) : word;
    }

    /// <summary>Characters <see cref="VisitRunsVectorized"/> classifies at a time.</summary>
    private const int Block = 64;

    /// <summary>The end of the word starting at <paramref name="start"/>, as <see cref="Tokenize"/> splits.</summary>
    /// <remarks>
    /// Its ASCII letters and digits are passed 16 at a time (a word of them, the common case, ends at the first other
    /// character); from an apostrophe or a character that is not ASCII on, one at a time.
    /// </remarks>
    internal static int WordEnd(ReadOnlySpan<char> text, int start)
    {
        var i = start;
        ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        while (i + Vector256<ushort>.Count <= text.Length)
        {
            var characters = Vector256.LoadUnsafe(ref first, (nuint)i);
            var lower = characters | Vector256.Create((ushort)0x20);
            var alphanumeric = Vector256.LessThan(lower - Vector256.Create((ushort)'a'), Vector256.Create((ushort)26))
                | Vector256.LessThan(characters - Vector256.Create((ushort)'0'), Vector256.Create((ushort)10));
            var other = ~alphanumeric.ExtractMostSignificantBits() & 0xFFFF;
            if (other != 0)
            {
                i += BitOperations.TrailingZeroCount(other);
                break;
            }

            i += Vector256<ushort>.Count;
        }

        while (i < text.Length && (IsWordChar(text[i]) || (IsApostrophe(text[i]) && i + 1 < text.Length && IsWordChar(text[i + 1]))))
        {
            i++;
        }

        return i;
    }

    /// <summary>
    /// Sixteen characters → bits 0-15: ASCII letter or digit; bits 16-31: that, an apostrophe or a
    /// non-ASCII character (what may belong to a word).
    /// </summary>
    private static ulong Classify(Vector256<ushort> v)
    {
        var lower = v | Vector256.Create((ushort)0x20);
        var letter = Vector256.LessThan(lower - Vector256.Create((ushort)'a'), Vector256.Create((ushort)26));
        var digit = Vector256.LessThan(v - Vector256.Create((ushort)'0'), Vector256.Create((ushort)10));
        var alnum = letter | digit;
        var other = Vector256.GreaterThan(v, Vector256.Create((ushort)0x7F)) | Vector256.Equals(v, Vector256.Create((ushort)'\''));
        return alnum.ExtractMostSignificantBits() | ((ulong)(alnum | other).ExtractMostSignificantBits() << 16);
    }

    private struct Counter : IRunVisitor
    {
        public readonly int Run(ReadOnlySpan<char> text, int start, int end, bool plain, int word)
        {
            if (plain)
            {
                return word + 1;
            }

            for (var i = start; i < end;)
            {
                if (IsWordChar(text[i]))
                {
                    word++;
                    i = WordEnd(text, i);
                }
                else
                {
                    i++;
                }
            }

            return word;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordChar(char c) => c < 0x80
        ? char.IsAsciiLetterOrDigit(c)
        : (uint)(c - GeneralPunctuation) >= GeneralPunctuationLength && IsNonAsciiWordChar(c);

    /// <summary>
    /// U+2000 to U+206F: spaces, dashes, curly quotes and apostrophes, ellipses, none of them a letter, digit or mark.
    /// The commonest non-ASCII characters of English news, answered without a look at their Unicode category.
    /// </summary>
    private const char GeneralPunctuation = '\u2000';

    private const uint GeneralPunctuationLength = 0x70;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsNonAsciiWordChar(char c) =>
        char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.EnclosingMark;

    /// <summary>An apostrophe, straight or curly: inside a word (between two word characters) it is part of it.</summary>
    internal static bool IsApostrophe(char c) => c is '\'' or '’';
}
