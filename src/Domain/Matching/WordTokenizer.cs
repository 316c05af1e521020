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

    /// <summary>How many words <see cref="Tokenize"/> finds, without listing them.</summary>
    public static int Count(string text)
    {
        var counter = new Counter();
        VisitRuns(text, ref counter);
        return counter.Words;
    }

    /// <summary>Receives the runs <see cref="VisitRuns"/> finds.</summary>
    internal interface IRunVisitor
    {
        /// <param name="plain">The run is ASCII letters and digits only, so exactly one word.</param>
        void Run(ReadOnlySpan<char> text, int start, int end, bool plain);
    }

    /// <summary>
    /// Splits <paramref name="text"/> into runs of letters, digits, apostrophes and non-ASCII characters,
    /// separated by ASCII spaces and punctuation (which never belong to a word, so no word crosses from
    /// one run into another), 32 characters at a time: with vector instructions where the processor has
    /// 256-bit ones (AVX2), else one character at a time.
    /// </summary>
    internal static void VisitRuns<TVisitor>(ReadOnlySpan<char> text, ref TVisitor visitor)
        where TVisitor : struct, IRunVisitor
    {
        var n = text.Length;
        var i = 0;
        var runStart = -1;
        var runPlain = true;
        ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        while (i < n)
        {
            ulong run = 0, plain = 0;
            int width;
            if (n >= 32 && Vector256.IsHardwareAccelerated)
            {
                // The last block of a text of 32 characters or more is read overlapping the one before it,
                // and shifted down to the characters not yet classified.
                var at = Math.Min(i, n - 32);
                var low = Classify(Vector256.LoadUnsafe(ref first, (nuint)at));
                var high = Classify(Vector256.LoadUnsafe(ref first, (nuint)(at + 16)));
                plain = ((low & 0xFFFF) | ((high & 0xFFFF) << 16)) >> (i - at);
                run = ((low >> 16) | ((high >> 16) << 16)) >> (i - at);
                width = 32 - (i - at);
            }
            else
            {
                width = Math.Min(n - i, 32);
                for (var k = 0; k < width; k++)
                {
                    var c = text[i + k];
                    var alnum = char.IsAsciiLetterOrDigit(c);
                    plain |= alnum ? 1UL << k : 0;
                    run |= alnum || c >= 0x80 || c == '\'' ? 1UL << k : 0;
                }
            }

            var b = 0;
            while (b < width)
            {
                if (runStart < 0)
                {
                    var rest = run >> b;
                    if (rest == 0)
                    {
                        break;
                    }

                    b += BitOperations.TrailingZeroCount(rest);
                    runStart = i + b;
                    runPlain = true;
                }

                var outside = (~run >> b) & ((1UL << (width - b)) - 1);
                var length = outside == 0 ? width - b : BitOperations.TrailingZeroCount(outside);
                var span = (1UL << length) - 1;
                runPlain &= ((plain >> b) & span) == span;
                b += length;
                if (outside == 0)
                {
                    break;
                }

                visitor.Run(text, runStart, i + b, runPlain);
                runStart = -1;
            }

            i += width;
        }

        if (runStart >= 0)
        {
            visitor.Run(text, runStart, n, runPlain);
        }
    }

    /// <summary>The end of the word starting at <paramref name="start"/>, as <see cref="Tokenize"/> splits.</summary>
    internal static int WordEnd(ReadOnlySpan<char> text, int start)
    {
        var i = start;
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
        public int Words;

        public void Run(ReadOnlySpan<char> text, int start, int end, bool plain)
        {
            if (plain)
            {
                Words++;
                return;
            }

            for (var i = start; i < end;)
            {
                if (IsWordChar(text[i]))
                {
                    Words++;
                    i = WordEnd(text, i);
                }
                else
                {
                    i++;
                }
            }
        }
    }

    public static bool IsWordChar(char c) => c < 0x80
        ? char.IsAsciiLetterOrDigit(c)
        : char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark;

    private static bool IsApostrophe(char c) => c is '\'' or '’';
}
