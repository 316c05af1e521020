using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Ingest.Domain.Matching;

/// <summary>
/// The search's needle finder (<see cref="MatchStrategy.Search"/>): where in a text a word may start with
/// one of a few needles (lower-case ASCII letters and digits). A position is a candidate when the character
/// before it is not an ASCII letter or digit (or there is none) and its first characters, ASCII case ignored,
/// fit one of 8 or 16 buckets of needles. Each candidate is then checked exactly against the needles' first
/// eight characters (by hashes, so a rare false one passes), and, where the caller says what may follow a short
/// needle, the character after it. Apostrophes and non-ASCII characters are reported too, for the caller to look
/// at the word they are in, except after four ASCII letters or digits (see <see cref="Positions"/>) or after one to
/// three that fit no bucket (the word's fold begins with those, so with no needle). Every place a needle starts a
/// word is reported, and a few others; the caller checks each.
/// Unlike a substring search, a needle inside a word ("tion" in "nation") is not reported at all, so common
/// letter sequences cost nothing.
/// <para>
/// Two forms: 32 characters at a time with AVX2, where each bucket keeps, per character position (the first
/// four), which low and which high halves (nibbles) of a character its needles have there, and a character fits
/// when both halves are among them (two byte shuffles); and, where the processor has AVX-512 VBMI, 64 characters
/// at a time, where each position's characters look up exactly which buckets have them there (one permute of a
/// 128-byte table), over four positions with one bucket set and six with two.
/// </para>
/// </summary>
/// <remarks>
/// Non-ASCII characters never fit a needle's character (the caller finds words with them by the special
/// characters); they and the end of the text fit a position past a short needle's end, where any character
/// may follow.
/// </remarks>
internal sealed class WordStartSearch
{
    /// <summary>Characters of each needle compared (the rest is left to the caller).</summary>
    /// <remarks>
    /// A word is reported when its first four characters fit a bucket and its first eight either begin with a
    /// needle or have an apostrophe or a non-ASCII character. So where a word's first four characters are
    /// plain ASCII letters and digits, the search has seen whether a needle can start it; the caller looks
    /// words up itself only when a special character comes earlier.
    /// </remarks>
    internal const int Positions = 4;

    /// <summary>Positions tried at once: 32 characters, narrowed to bytes.</summary>
    private const int Block = 32;

    /// <summary>Characters read from a block's start: the one before it, then <see cref="Block"/> + <see cref="Confirmed"/> − 1.</summary>
    private const int Reach = Block + Confirmed;

    private const int BucketsPerSet = 8;

    /// <summary>Per set and position: for each low nibble, the buckets whose needles have it there (16 bytes, twice, for 256-bit shuffles).</summary>
    private readonly AlignedVectors<Vector256<byte>>? low;

    /// <summary>Per set and position: for each high nibble, the buckets whose needles have it there.</summary>
    private readonly AlignedVectors<Vector256<byte>>? high;

    private readonly int sets;

    private readonly bool everySpecialCharacter;

    /// <summary>
    /// The 64-character search (AVX-512 VBMI), or null for the 32-character one: per set and position, two
    /// halves of a 128-byte table of which buckets each ASCII character fits there (exact, not by nibbles),
    /// after the constant tables the search reads (see <see cref="WideTable"/>).
    /// </summary>
    private readonly AlignedVectors<Vector512<byte>>? wide;

    private readonly int widePositions;

    /// <summary>
    /// The exact check after the buckets, on up to <see cref="Confirmed"/> characters: hashes of the needles
    /// of at most four characters (asked once per such length); and, for longer needles, a table by their
    /// first four characters of how many more (one to four) some needle has, each then asked with those.
    /// </summary>
    private readonly ulong[] shortKeys = KeyTable();

    /// <summary>By a hash of the first four characters: bit e − 1 set when a needle of more than four has e more to check.</summary>
    private readonly byte[] longLengths = new byte[1 << LengthBits];

    private readonly ulong[] longerKeys = KeyTable();

    /// <summary>The lengths of the needles of at most four characters: bit n − 1 for a needle of n.</summary>
    private readonly uint shortLengths;

    private const int KeyBits = 15;

    private const int LengthBits = 12;

    /// <summary>Characters of a needle checked exactly before a position is reported.</summary>
    private const int Confirmed = 8;

    /// <summary>Whether this processor runs the search (AVX2); without it the caller uses <c>SearchValues&lt;string&gt;</c>.</summary>
    public static bool IsSupported => Avx2.IsSupported;

    /// <summary>Whether this processor runs the 64-character search (512-bit vectors and byte permutes, AVX-512 VBMI).</summary>
    public static bool IsWideSupported => Vector512.IsHardwareAccelerated && Avx512Vbmi.IsSupported;

    /// <summary>Whether <paramref name="needle"/> is one this search takes: not empty, lower-case ASCII letters and digits only.</summary>
    public static bool CanSearchFor(string needle) => needle.Length > 0 && needle.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c));

    /// <param name="needles">Lower-case ASCII letters and digits. Any number is searched correctly, but past a few dozen
    /// the buckets let most words through (the matcher uses this search up to <see cref="KeywordMatcher.MaxSearchNeedles"/>).</param>
    /// <param name="everySpecialCharacter">Report every apostrophe and non-ASCII character, also those after ASCII
    /// letters or digits no needle begins with: needed when some words are found only by their special characters
    /// (the caller has terms that are not ASCII).</param>
    /// <param name="wide">Search 64 characters at a time (AVX-512) rather than 32 (AVX2); by default, when the processor can.
    /// The two report the same stops but for a few of the false ones.</param>
    /// <param name="follows">For some needles of fewer than <see cref="Confirmed"/> characters, every character
    /// (a lower-case ASCII letter or digit, or <see cref="WordEnds"/>) that may come right after the needle in a word
    /// it starts: a word that goes on with another letter or digit is then not reported ("pla" is not reported in
    /// "place" when only "plas", "plae", "plai" and "pla" itself may follow). Needles not here may be followed by anything.</param>
    public WordStartSearch(IReadOnlyCollection<string> needles, bool everySpecialCharacter = false, bool? wide = null, IReadOnlyDictionary<string, string>? follows = null)
    {
        this.everySpecialCharacter = everySpecialCharacter;
        if (!needles.All(CanSearchFor))
        {
            throw new ArgumentException("A needle is empty or has a character other than a lower-case ASCII letter or a digit.", nameof(needles));
        }

        if (wide == true && !IsWideSupported)
        {
            throw new PlatformNotSupportedException("This processor has no AVX-512 VBMI.");
        }

        if (follows is not null && !follows.All(f => f.Value.Length > 0 && f.Value.All(CanFollow)))
        {
            throw new ArgumentException("What may follow a needle is a lower-case ASCII letter, a digit or WordEnds, and something must.", nameof(follows));
        }

        var distinct = needles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        sets = distinct.Length <= 2 * BucketsPerSet ? 1 : 2;

        // What may follow each needle, where known and within the characters the exact check reads.
        var next = distinct.Select(n => follows is not null && n.Length < Confirmed && follows.TryGetValue(n, out var f) ? f : null).ToArray();
        if (wide ?? IsWideSupported)
        {
            // Positions past the longest needle would let every character through but what may follow a needle
            // (compared where a shorter needle ends, and otherwise left to the exact check: a position more costs
            // more than it spares, measured). Four suffice for one set (16 needles at most); two sets' buckets hold
            // English-like needles that share first letters, and a fifth and sixth character tell them from the
            // text's words (measured: docs/performance.md).
            widePositions = Math.Clamp(distinct.Select(n => n.Length).DefaultIfEmpty(1).Max(), 1, sets > 1 ? WidePositions : Positions);
            var bucket = Place(distinct, sets * BucketsPerSet, widePositions, exact: true);
            this.wide = new AlignedVectors<Vector512<byte>>(WideTables(distinct, next, bucket, sets));
        }
        else
        {
            var bucket = Place(distinct, sets * BucketsPerSet, Positions, exact: false);
            var (lowBytes, highBytes) = NibbleTables(distinct, bucket, sets);
            var lows = new Vector256<byte>[sets * Positions];
            var highs = new Vector256<byte>[sets * Positions];
            for (var table = 0; table < lows.Length; table++)
            {
                lows[table] = Twice(lowBytes, table);
                highs[table] = Twice(highBytes, table);
            }

            low = new AlignedVectors<Vector256<byte>>(lows);
            high = new AlignedVectors<Vector256<byte>>(highs);
        }

        // What the exact check compares: each needle, or, where what may follow it is known, the needle with each
        // of those characters after it (the word's end as what the check makes of any character but a letter or digit).
        var keys = distinct.SelectMany((n, i) => next[i] is { } f ? f.Distinct().Select(c => n + (c == WordEnds ? Ended : c)) : [n]).ToArray();

        // The 64-character form checks characters as the bytes it folded them to, the 32-character form as they are
        // in the text (UTF-16): each with keys made the same way.
        var bits = this.wide is null ? 16 : 8;
        foreach (var needle in keys)
        {
            var first = Key(needle, 0, bits);
            if (needle.Length <= 4)
            {
                Set(shortKeys, Slot(first));
                shortLengths |= 1u << (needle.Length - 1);
            }
            else
            {
                var extra = Math.Min(needle.Length, Confirmed) - 4;
                longLengths[(int)(Slot(first) >> (KeyBits - LengthBits))] |= (byte)(1 << (extra - 1));
                Set(longerKeys, Slot(first, Key(needle, 4, bits) & LengthMask(extra, bits)));
            }
        }
    }

    /// <summary>In <c>follows</c>: the word may end right after the needle.</summary>
    public const char WordEnds = ' ';

    /// <summary>Whether <paramref name="c"/> may be given as following a needle: a lower-case ASCII letter, a digit or <see cref="WordEnds"/>.</summary>
    public static bool CanFollow(char c) => c == WordEnds || char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c);

    /// <summary>
    /// Puts each needle in the bucket where it adds least to the share of text the buckets let through
    /// (estimated from English letter frequencies), so that needles alike share a bucket, then moves needles one at a
    /// time while a move lowers the buckets' summed share (see <see cref="Improve"/>). Returns each needle's
    /// bucket. The share is estimated as the search compares: by nibbles over <see cref="Positions"/> characters,
    /// or (<paramref name="exact"/>) by characters over <paramref name="positions"/>.
    /// </summary>
    private static int[] Place(string[] needles, int buckets, int positions, bool exact)
    {
        // Per bucket and position, what its needles have there (see Fit).
        var fit = new ulong[buckets, positions];
        var placed = new int[needles.Length];
        for (var n = 0; n < needles.Length; n++)
        {
            var needle = needles[n];

            // Too many to place one by one at compile time: in sorted order, cut into equal runs.
            var best = needles.Length > GreedyUpTo ? (int)((long)n * buckets / needles.Length) : BestBucket(fit, needle, exact);
            placed[n] = best;
            for (var k = 0; k < positions; k++)
            {
                fit[best, k] |= Fit(needle, k, exact);
            }
        }

        if (needles.Length <= GreedyUpTo)
        {
            Improve(needles, placed, fit, exact);
        }

        return placed;
    }

    /// <summary>Sweeps over the needles at most this many times while one moves.</summary>
    private const int ImproveSweeps = 4;

    /// <summary>
    /// Moves needles between buckets while a move lowers the summed share of the two buckets it touches. Placing needles
    /// one by one in sorted order decides early needles' buckets before later ones are seen; moving them afterwards
    /// cut the candidates the exact check rejects by a fifth to a half (docs/performance.md, run AR).
    /// </summary>
    private static void Improve(string[] needles, int[] placed, ulong[,] fit, bool exact)
    {
        var (buckets, positions) = (fit.GetLength(0), fit.GetLength(1));
        var shares = new double[buckets];
        for (var b = 0; b < buckets; b++)
        {
            shares[b] = Share(fit, b, null, exact);
        }

        var without = new ulong[1, positions];
        for (var sweep = 0; sweep < ImproveSweeps; sweep++)
        {
            var moved = false;
            for (var n = 0; n < needles.Length; n++)
            {
                // The needle's bucket without it, and what taking it out spares.
                var from = placed[n];
                for (var k = 0; k < positions; k++)
                {
                    without[0, k] = 0;
                }

                for (var m = 0; m < needles.Length; m++)
                {
                    if (m != n && placed[m] == from)
                    {
                        for (var k = 0; k < positions; k++)
                        {
                            without[0, k] |= Fit(needles[m], k, exact);
                        }
                    }
                }

                var left = Share(without, 0, null, exact);
                var (best, bestGain) = (from, 1e-12);
                for (var b = 0; b < buckets; b++)
                {
                    if (b != from && shares[from] - left - (Share(fit, b, needles[n], exact) - shares[b]) is var gain && gain > bestGain)
                    {
                        (best, bestGain) = (b, gain);
                    }
                }

                if (best == from)
                {
                    continue;
                }

                placed[n] = best;
                for (var k = 0; k < positions; k++)
                {
                    fit[from, k] = without[0, k];
                    fit[best, k] |= Fit(needles[n], k, exact);
                }

                (shares[from], shares[best]) = (left, Share(fit, best, null, exact));
                moved = true;
            }

            if (!moved)
            {
                break;
            }
        }
    }

    /// <summary>The 32-character search's tables: per set and position, which buckets each low and high nibble fits.</summary>
    private static (byte[,] Low, byte[,] High) NibbleTables(string[] needles, int[] bucket, int sets)
    {
        var low = new byte[sets * Positions, 16];
        var high = new byte[sets * Positions, 16];
        for (var n = 0; n < needles.Length; n++)
        {
            var bit = (byte)(1 << (bucket[n] % BucketsPerSet));
            for (var k = 0; k < Positions; k++)
            {
                var table = (bucket[n] / BucketsPerSet * Positions) + k;
                var nibbles = Fit(needles[n], k, exact: false);
                var (lo, hi) = ((int)nibbles & 0xFFFF, (int)(nibbles >> 16) & 0xFFFF);
                for (var nibble = 0; nibble < 16; nibble++)
                {
                    if ((lo & (1 << nibble)) != 0)
                    {
                        low[table, nibble] |= bit;
                    }

                    if ((hi & (1 << nibble)) != 0)
                    {
                        high[table, nibble] |= bit;
                    }
                }
            }
        }

        return (low, high);
    }

    /// <summary>Where the 64-character search's constant tables are in its array; the bucket tables follow them.</summary>
    private enum WideTable
    {
        /// <summary>Byte permute indices taking the low byte of each of 64 characters.</summary>
        Narrow,

        /// <summary>Permutes of the narrowed characters, shifted by one to <see cref="WidePositions"/>.</summary>
        Shift1,

        /// <summary>What the exact check compares each character as (see <see cref="FoldedByte"/>), as two halves of a 128-byte table.</summary>
        Fold = Shift1 + WidePositions,

        /// <summary>How many constant tables there are.</summary>
        Count = Fold + 2,
    }

    private const int WideConstants = (int)WideTable.Count;

    /// <summary>Characters of each needle the 64-character search's buckets compare with two bucket sets (at most <see cref="Confirmed"/>).</summary>
    private const int WidePositions = 6;

    /// <summary>
    /// The 64-character search's tables: the constants, then per set and position, which buckets each ASCII
    /// character fits (both cases of a letter; past a needle's end, every character, and NUL, which stands for
    /// any character not ASCII; right after a needle that says what may follow it, only that, NUL and the apostrophe).
    /// </summary>
    private static Vector512<byte>[] WideTables(string[] needles, string?[] next, int[] bucket, int sets)
    {
        var tables = new Vector512<byte>[WideConstants + (sets * WidePositions * 2)];
        Span<byte> bytes = stackalloc byte[128];
        for (var i = 0; i < 64; i++)
        {
            bytes[i] = (byte)(2 * i);
        }

        tables[(int)WideTable.Narrow] = Vector512.Create<byte>(bytes[..64]);
        for (var shift = 1; shift <= WidePositions; shift++)
        {
            // Byte i: character i + shift of the 64 narrowed from the one before the block, or, past them, of the 64
            // narrowed from eight characters on (the second operand's bytes are numbered from 64).
            for (var i = 0; i < 64; i++)
            {
                bytes[i] = (byte)(i + shift < 64 ? i + shift : 64 + (i + shift - 8));
            }

            tables[(int)WideTable.Shift1 + shift - 1] = Vector512.Create<byte>(bytes[..64]);
        }

        for (var c = 0; c < 128; c++)
        {
            bytes[c] = FoldedByte((char)c);
        }

        tables[(int)WideTable.Fold] = Vector512.Create<byte>(bytes[..64]);
        tables[(int)WideTable.Fold + 1] = Vector512.Create<byte>(bytes[64..]);

        var fits = new byte[sets * WidePositions, 128];
        for (var n = 0; n < needles.Length; n++)
        {
            var needle = needles[n];
            var bit = (byte)(1 << (bucket[n] % BucketsPerSet));
            for (var k = 0; k < WidePositions; k++)
            {
                var table = (bucket[n] / BucketsPerSet * WidePositions) + k;
                if (k == needle.Length && next[n] is { } follow)
                {
                    // Right after the needle: what may follow it (either case), every character but a letter or digit
                    // where the word may end there, and always NUL (which characters that are not ASCII look up) and
                    // the apostrophe: a word with those folds to other characters than it has.
                    for (var c = 0; c < 128; c++)
                    {
                        var letterOrDigit = char.IsAsciiLetterOrDigit((char)c);
                        if (c is 0 or '\'' || (letterOrDigit && follow.Contains(char.ToLowerInvariant((char)c))) || (!letterOrDigit && follow.Contains(WordEnds)))
                        {
                            fits[table, c] |= bit;
                        }
                    }
                }
                else if (k >= needle.Length)
                {
                    for (var c = 0; c < 128; c++)
                    {
                        fits[table, c] |= bit;
                    }
                }
                else
                {
                    fits[table, needle[k]] |= bit;
                    if (char.IsAsciiLetter(needle[k]))
                    {
                        fits[table, needle[k] ^ 0x20] |= bit;
                    }
                }
            }
        }

        for (var table = 0; table < sets * WidePositions; table++)
        {
            for (var c = 0; c < 128; c++)
            {
                bytes[c] = fits[table, c];
            }

            tables[WideConstants + (2 * table)] = Vector512.Create<byte>(bytes[..64]);
            tables[WideConstants + (2 * table) + 1] = Vector512.Create<byte>(bytes[64..]);
        }

        return tables;
    }

    /// <summary>The bucket whose share of text grows least with <paramref name="needle"/> in it (an empty bucket's share is 0).</summary>
    private static int BestBucket(ulong[,] fit, string needle, bool exact)
    {
        var best = 0;
        var bestGrowth = double.MaxValue;
        for (var b = 0; b < fit.GetLength(0); b++)
        {
            var growth = Share(fit, b, needle, exact) - Share(fit, b, null, exact);
            if (growth < bestGrowth - 1e-12)
            {
                (best, bestGrowth) = (b, growth);
            }
        }

        return best;
    }

    /// <summary>Needles placed one by one in the bucket they suit best; more are cut into runs in sorted order.</summary>
    private const int GreedyUpTo = 256;

    /// <summary>
    /// What a needle has at position <paramref name="k"/>, as a set: of letters (both cases) and digits, bit i
    /// for <see cref="LetterFrequency"/>'s i-th (<paramref name="exact"/>); else its low nibbles in bits 0–15 and
    /// high nibbles in bits 16–31. Everything past its end, where any character may follow it.
    /// </summary>
    private static ulong Fit(string needle, int k, bool exact)
    {
        if (k >= needle.Length)
        {
            return ulong.MaxValue;
        }

        var c = needle[k];
        if (exact)
        {
            return 1UL << (char.IsAsciiDigit(c) ? 26 + c - '0' : c - 'a');
        }

        var (low, high) = Nibbles(c);
        return (uint)low | ((ulong)(uint)high << 16);
    }

    /// <summary>The low and high nibbles of a needle's character (lower-case letter or digit), both cases of a letter, as bits.</summary>
    private static (int Low, int High) Nibbles(char c)
    {
        var high = 1 << (c >> 4);
        if (char.IsAsciiLetter(c))
        {
            high |= 1 << ((c ^ 0x20) >> 4);
        }

        return (1 << (c & 0xF), high);
    }

    /// <summary>The estimated share of word starts bucket <paramref name="b"/> lets through, with <paramref name="adding"/> in it.</summary>
    private static double Share(ulong[,] fit, int b, string? adding, bool exact)
    {
        var share = 1.0;
        for (var k = 0; k < fit.GetLength(1); k++)
        {
            var set = fit[b, k] | (adding is null ? 0 : Fit(adding, k, exact));
            var fits = 0.0;
            for (var c = 0; c < LetterFrequency.Length; c++)
            {
                var ch = c < 26 ? 'a' + c : '0' + c - 26;
                if (exact ? (set & (1UL << c)) != 0 : (set & (1UL << (ch & 0xF))) != 0 && (set & (1UL << (16 + (ch >> 4)))) != 0)
                {
                    fits += LetterFrequency[c];
                }
            }

            share *= fits / 100;
        }

        return share;
    }

    /// <summary>How often each letter a–z, then each digit, occurs in English text, in percent (approximate).</summary>
    private static readonly double[] LetterFrequency =
    [
        8.2, 1.5, 2.8, 4.3, 12.7, 2.2, 2.0, 6.1, 7.0, 0.15, 0.8, 4.0, 2.4, 6.7, 7.5, 1.9, 0.1, 6.0, 6.3, 9.1, 2.8, 1.0, 2.4, 0.15, 2.0, 0.07,
        0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3,
    ];

    /// <summary>
    /// Up to four characters of <paramref name="needle"/> from <paramref name="from"/>, as a <c>ulong</c> reads them from
    /// text (<paramref name="bits"/> 16), or a <c>uint</c> from the 64-character form's folded bytes (8).
    /// </summary>
    internal static ulong Key(ReadOnlySpan<char> needle, int from, int bits = 16)
    {
        ulong key = 0;
        for (var k = 0; k < 4 && from + k < needle.Length; k++)
        {
            key |= (ulong)needle[from + k] << (bits * k);
        }

        return key;
    }

    /// <summary>The bits of the first <paramref name="characters"/> (1 to 4) of a key made <paramref name="bits"/> bits a character.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong LengthMask(int characters, int bits) => ulong.MaxValue >> (64 - (bits * characters));

    /// <summary>A bit table of hashed keys (<see cref="Slot(ulong)"/>, <see cref="Set"/>, <see cref="Bit"/>).</summary>
    internal static ulong[] KeyTable() => new ulong[1 << (KeyBits - 6)];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint Slot(ulong key) => (uint)((key * 0x9E3779B97F4A7C15UL) >> (64 - KeyBits));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Slot(ulong first, ulong next) => (uint)((((first * 0x9E3779B97F4A7C15UL) ^ next) * 0xC2B2AE3D27D4EB4FUL) >> (64 - KeyBits));

    internal static void Set(ulong[] bits, uint slot) => bits[slot >> 6] |= 1UL << (int)(slot & 63);

    /// <summary>1 if the bit is set, else 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Bit(ulong[] bits, uint slot) => (Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(bits), (int)(slot >> 6)) >> (int)(slot & 63)) & 1;

    private static Vector256<byte> Twice(byte[,] bytes, int table)
    {
        Span<byte> row = stackalloc byte[32];
        for (var i = 0; i < 32; i++)
        {
            row[i] = bytes[table, i & 15];
        }

        return Vector256.Create<byte>(row);
    }

    /// <summary>
    /// The first position at or after <paramref name="from"/> where a word may start with a needle, or where
    /// there is an ASCII apostrophe or a non-ASCII character in a word that may begin with one (the caller decides
    /// whether it is in a word); −1 if there is none. Every such position is reported; some where no needle starts
    /// a word are too.
    /// </summary>
    /// <param name="window">The block the previous search of the same text stopped in: a search from inside it
    /// reads its stops from there instead of classifying the block again (start with <c>default</c>).</param>
    public int IndexOf(ReadOnlySpan<char> text, int from, ref Window window) => (wide is not null, sets > 1) switch
    {
        (true, true) => IndexOf<Wide64, TwoSets>(text, from, ref window),
        (true, false) => IndexOf<Wide64, OneSet>(text, from, ref window),
        (false, true) => IndexOf<Narrow32, TwoSets>(text, from, ref window),
        (false, false) => IndexOf<Narrow32, OneSet>(text, from, ref window),
    };

    /// <summary>Compiles the search once for each number of bucket sets, so the block has no branch on it.</summary>
    private interface IBucketSets
    {
        static abstract bool Two { get; }
    }

    private struct OneSet : IBucketSets
    {
        public static bool Two => false;
    }

    private struct TwoSets : IBucketSets
    {
        public static bool Two => true;
    }

    /// <summary>Compiles the search once for each form, so the block has no branch on it.</summary>
    private interface IForm
    {
        /// <summary>64 characters at a time (<see cref="StopsWide{TSets}"/>), else 32 (<see cref="Stops{TSets}"/>).</summary>
        static abstract bool Wide { get; }
    }

    private struct Narrow32 : IForm
    {
        public static bool Wide => false;
    }

    private struct Wide64 : IForm
    {
        public static bool Wide => true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    [SkipLocalsInit]
    private int IndexOf<TForm, TSets>(ReadOnlySpan<char> text, int from, ref Window window)
        where TForm : struct, IForm
        where TSets : struct, IBucketSets
    {
        var block = TForm.Wide ? WideBlock : Block;
        var reach = TForm.Wide ? WideReach : Reach;
        var p = from;
        if (p >= window.Start && p < window.End)
        {
            var rest = window.Stops & (ulong.MaxValue << (p - window.Start));
            if (rest != 0)
            {
                return window.Start + BitOperations.TrailingZeroCount(rest);
            }

            p = window.End;
        }

        ref var start = ref MemoryMarshal.GetReference(text);
        var length = text.Length;

        // The last block read in place: one whose reach ends at the text's end. The blocks from the second to
        // it are read from the text, in one loop in the block's own code; the first and those after it from a
        // copy (see EdgeStops).
        var lastInPlace = length - reach + 1;
        ulong found;
        while (p < length)
        {
            if (p > 0 && p <= lastInPlace)
            {
                found = TForm.Wide ? StopsWide<TSets>(ref start, ref p, lastInPlace) : Stops<TSets>(ref start, ref p, lastInPlace);
                if (found != 0)
                {
                    goto Found;
                }

                continue;
            }

            found = EdgeStops<TForm, TSets>(text, p);
            if (found != 0)
            {
                goto Found;
            }

            p += block;
        }

        return -1;

    Found:
        window = new Window(p, p + block, found);
        return p + BitOperations.TrailingZeroCount(found);
    }

    /// <summary>
    /// The stops of the block at <paramref name="p"/> where it cannot be read in place: the text's first or
    /// last characters, copied with spaces before and after (a space is neither a word character nor any needle's, nor
    /// a stop, and ends a word as the text's end does), so the block reads only the text. Kept out of the loop so its copy costs the loop nothing.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    [SkipLocalsInit]
    private ulong EdgeStops<TForm, TSets>(ReadOnlySpan<char> text, int p)
        where TForm : struct, IForm
        where TSets : struct, IBucketSets
    {
        var block = TForm.Wide ? WideBlock : Block;
        var reach = TForm.Wide ? WideReach : Reach;
        Span<char> edge = stackalloc char[WideReach];
        edge.Fill(' ');
        if (p > 0)
        {
            edge[0] = text[p - 1];
        }

        var take = Math.Min(text.Length - p, reach - 1);
        text.Slice(p, take).CopyTo(edge[1..]);
        ref var copy = ref MemoryMarshal.GetReference(edge);
        // One block, the copy's own: its positions start at the copy's second character.
        var at = 1;
        var found = TForm.Wide ? StopsWide<TSets>(ref copy, ref at, last: 1) : Stops<TSets>(ref copy, ref at, last: 1);
        if (take < block)
        {
            found &= (1UL << take) - 1;
        }

        return found;
    }

    /// <summary>The stops of the block at <see cref="Start"/> (bit i: position Start + i), up to <see cref="End"/>.</summary>
    internal readonly record struct Window(int Start, int End, ulong Stops);

    /// <summary>Positions tried at once by the 64-character search.</summary>
    private const int WideBlock = 64;

    /// <summary>Characters the 64-character search reads from a block's start: the one before it, then <see cref="WideBlock"/> + <see cref="Confirmed"/> − 1.</summary>
    private const int WideReach = WideBlock + Confirmed;

    /// <summary>
    /// <see cref="Stops{TSets}"/> for 64 positions. The characters are narrowed to bytes once from the one before
    /// the block and once from eight on (every character not ASCII as 0x80), and each position's bytes are
    /// permuted out of the two; each byte then looks up, in a 128-byte table per bucket set and position (one
    /// two-register byte permute), the buckets whose needles have that character there. Bit 7 is not part of a
    /// permute's index, so a character that is not ASCII looks up NUL's entry: it fits only past a needle's end.
    /// </summary>
    /// <remarks>Loops over blocks like <see cref="Stops{TSets}"/>, with the same arguments.</remarks>
    [SkipLocalsInit]
    private ulong StopsWide<TSets>(ref char text, ref int p, int last)
        where TSets : struct, IBucketSets
    {
        ref var tables = ref wide!.First;
        var lowBytes = Unsafe.Add(ref tables, (int)WideTable.Narrow);
        ref var shifts = ref Unsafe.Add(ref tables, (int)WideTable.Shift1);
        ref var fits = ref Unsafe.Add(ref tables, WideConstants);
        ref var fitsSecond = ref Unsafe.Add(ref fits, 2 * WidePositions);
        Unsafe.SkipInit(out FoldedBlock block);
        ref var folded = ref Unsafe.As<FoldedBlock, byte>(ref block);
        var at = p;
        var positions = widePositions;
        do
        {
            ref var before = ref Unsafe.Add(ref text, at - 1);
            var lower = NarrowWide(ref before, lowBytes);
            var upper = NarrowWide(ref Unsafe.Add(ref before, Confirmed), lowBytes);

            // Each position's first character (c0), and whether the one before it is a letter or digit (from lower as it
            // is, by compares rather than a table permute: the block spends most of its time in permutes).
            var c0 = Avx512Vbmi.PermuteVar64x8x2(lower, shifts, upper);
            var letter = Vector512.LessThan((lower | Vector512.Create((byte)0x20)) - Vector512.Create((byte)'a'), Vector512.Create((byte)26));
            var digit = Vector512.LessThan(lower - Vector512.Create((byte)'0'), Vector512.Create((byte)10));
            var wordStart = ~(letter | digit).ExtractMostSignificantBits();
            var special = (Vector512.Equals(c0, Vector512.Create((byte)'\'')) | Vector512.Equals(c0, Vector512.Create((byte)0x80))).ExtractMostSignificantBits();

            // The buckets, position by position: the first four, then the rest, which a special character among
            // them lets through (the word folds to other characters than it has from there on).
            var first = Fits(ref fits, c0);
            var second = TSets.Two ? Fits(ref fitsSecond, c0) : default;
            var firstRest = Vector512<byte>.AllBitsSet;
            var secondRest = Vector512<byte>.AllBitsSet;

            // What fits the buckets over a word's first one, two and three characters, for its special characters.
            var (first1, second1) = (first, second);

            // Positions 1 to 5, written out (as a loop, its counter and branches stayed in the block's code). A
            // position past the longest needle would let every character through, so it is skipped.
            if (positions > 1)
            {
                var c1 = Avx512Vbmi.PermuteVar64x8x2(lower, Unsafe.Add(ref shifts, 1), upper);
                first &= Fits(ref Unsafe.Add(ref fits, 2), c1);
                second = TSets.Two ? second & Fits(ref Unsafe.Add(ref fitsSecond, 2), c1) : default;
            }

            var (first2, second2) = (first, second);
            if (positions > 2)
            {
                var c2 = Avx512Vbmi.PermuteVar64x8x2(lower, Unsafe.Add(ref shifts, 2), upper);
                first &= Fits(ref Unsafe.Add(ref fits, 4), c2);
                second = TSets.Two ? second & Fits(ref Unsafe.Add(ref fitsSecond, 4), c2) : default;
            }

            var (first3, second3) = (first, second);
            if (positions > 3)
            {
                var c3 = Avx512Vbmi.PermuteVar64x8x2(lower, Unsafe.Add(ref shifts, 3), upper);
                first &= Fits(ref Unsafe.Add(ref fits, 6), c3);
                second = TSets.Two ? second & Fits(ref Unsafe.Add(ref fitsSecond, 6), c3) : default;
            }

            if (TSets.Two && positions > 4)
            {
                var c4 = Avx512Vbmi.PermuteVar64x8x2(lower, Unsafe.Add(ref shifts, 4), upper);
                firstRest &= Fits(ref Unsafe.Add(ref fits, 8), c4);
                secondRest &= Fits(ref Unsafe.Add(ref fitsSecond, 8), c4);
            }

            if (TSets.Two && positions > 5)
            {
                var c5 = Avx512Vbmi.PermuteVar64x8x2(lower, Unsafe.Add(ref shifts, 5), upper);
                firstRest &= Fits(ref Unsafe.Add(ref fits, 10), c5);
                secondRest &= Fits(ref Unsafe.Add(ref fitsSecond, 10), c5);
            }

            var all = TSets.Two ? (first & firstRest) | (second & secondRest) : first & firstRest;
            var needles = ~Vector512.Equals(all, Vector512<byte>.Zero).ExtractMostSignificantBits();
            if (positions > Positions)
            {
                // Bit i: a special character among characters i + 4 to i + 7 (those past the block's 64th from the second narrowing).
                var later = (Vector512.Equals(upper, Vector512.Create((byte)'\'')) | Vector512.Equals(upper, Vector512.Create((byte)0x80))).ExtractMostSignificantBits();
                var late = (special >> 4) | (special >> 5) | (special >> 6) | (special >> 7) | later | (later << 1) | (later << 2) | (later << 3);
                var four = TSets.Two ? first | second : first;
                needles |= ~Vector512.Equals(four, Vector512<byte>.Zero).ExtractMostSignificantBits() & late;
            }

            needles &= wordStart;
            var stops = special;
            if (!everySpecialCharacter && special != 0)
            {
                // A special character is reported where it begins a word, or where the word's one to three characters
                // before it fit a bucket's first ones (its fold begins with them, so may with a needle). Further into a
                // word, the word start was judged by its characters. A word begun in the block before is not seen here,
                // so the first three positions are reported as they are.
                var begins1 = wordStart & NotZero(TSets.Two ? first1 | second1 : first1);
                var begins2 = wordStart & NotZero(TSets.Two ? first2 | second2 : first2);
                var begins3 = wordStart & NotZero(TSets.Two ? first3 | second3 : first3);
                stops &= wordStart | (begins1 << 1) | (begins2 << 2) | (begins3 << 3) | 0b111;
            }

            if (needles != 0)
            {
                // The characters as the exact check compares them, folded all at once: byte k is the character at
                // before + k, for k up to 71 (the last a block's check reads).
                Fold(lower).StoreUnsafe(ref folded);
                Fold(upper).StoreUnsafe(ref folded, Confirmed);
                do
                {
                    var i = BitOperations.TrailingZeroCount(needles);
                    stops |= ConfirmFolded(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref folded, 1 + i))) << i;
                    needles &= needles - 1;
                }
                while (needles != 0);
            }

            if (stops != 0)
            {
                p = at;
                return stops;
            }

            at += WideBlock;
        }
        while (at <= last);
        p = at;
        return 0;
    }

    /// <summary>A block's characters as the exact check reads them (a local rather than <c>stackalloc</c>, which would add a stack check).</summary>
    [InlineArray(WideBlock + Confirmed)]
    private struct FoldedBlock
    {
        private byte first;
    }

    /// <summary>64 narrowed characters (see <see cref="NarrowWide"/>) as <see cref="FoldedByte"/> makes them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector512<byte> Fold(Vector512<byte> characters)
    {
        ref var fold = ref Unsafe.Add(ref wide!.First, (int)WideTable.Fold);
        return Avx512Vbmi.PermuteVar64x8x2(fold, characters, Unsafe.Add(ref fold, 1));
    }

    /// <summary>
    /// A character as the 64-character form's exact check compares it: an ASCII letter in lower case, a digit as it
    /// is, an apostrophe, NUL or (narrowed to NUL's entry) any character not ASCII as <see cref="SpecialByte"/>, and
    /// every other character as <see cref="Ended"/>.
    /// </summary>
    private static byte FoldedByte(char c) =>
        char.IsAsciiLetter(c) ? (byte)(c | 0x20) : char.IsAsciiDigit(c) ? (byte)c : c is '\'' or '\0' ? SpecialByte : (byte)Ended;

    /// <summary>
    /// What <see cref="FoldedByte"/> makes of a character that may make its word fold to other characters than it has:
    /// the only folded byte with its top bit set. (NUL is one too, as it shares its entry in the table with the
    /// characters that are not ASCII: it is rare in text, and a stop it adds costs the caller one look at a word.)
    /// </summary>
    private const byte SpecialByte = 0xFF;

    /// <summary>
    /// <see cref="Confirm"/> for the 64-character form, on eight characters folded to bytes (<see cref="Fold"/>), the
    /// first in the lowest byte: 1 if a needle may start there, else 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong ConfirmFolded(ulong eight)
    {
        var found = (eight & 0x8080_8080_8080_8080UL) != 0 ? 1UL : 0UL;
        var first = eight & uint.MaxValue;
        for (var lengths = shortLengths; lengths != 0; lengths &= lengths - 1)
        {
            found |= Bit(shortKeys, Slot(first & LengthMask(BitOperations.TrailingZeroCount(lengths) + 1, 8)));
        }

        uint longer = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(longLengths), (int)(Slot(first) >> (KeyBits - LengthBits)));
        for (; longer != 0; longer &= longer - 1)
        {
            found |= Bit(longerKeys, Slot(first, (eight >> 32) & LengthMask(BitOperations.TrailingZeroCount(longer) + 1, 8)));
        }

        return found;
    }

    /// <summary>Bit i: byte i is not zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong NotZero(Vector512<byte> bytes) => ~Vector512.Equals(bytes, Vector512<byte>.Zero).ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<byte> Fits(ref Vector512<byte> table, Vector512<byte> characters) =>
        Avx512Vbmi.PermuteVar64x8x2(table, characters, Unsafe.Add(ref table, 1));

    /// <summary>64 characters as bytes, in order: ASCII as itself, every other character as 0x80.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<byte> NarrowWide(ref char at, Vector512<byte> lowBytes)
    {
        ref var u = ref Unsafe.As<char, ushort>(ref at);
        var most = Vector512.Create((ushort)0x80);
        return Avx512Vbmi.PermuteVar64x8x2(
            Vector512.Min(Vector512.LoadUnsafe(ref u), most).AsByte(),
            lowBytes,
            Vector512.Min(Vector512.LoadUnsafe(ref u, 32), most).AsByte());
    }

    /// <summary>
    /// The stops (see <see cref="IndexOf"/>) of the first block from <paramref name="p"/> on, by <see cref="Block"/>
    /// positions, to the one at <paramref name="last"/>, that has any: bit i set when position p + i is a stop, with
    /// <paramref name="p"/> left at that block; 0 when none has, with <paramref name="p"/> past the last. A block
    /// reads <see cref="Reach"/> characters of <paramref name="text"/> from the one before it.
    /// </summary>
    /// <remarks>
    /// The loop is in here, not in the caller, so that the block's code is one method's: the compiler does not
    /// inline code this size, and a call per block cost up to a fifth of the search (docs/performance.md, runs AF–AH).
    /// </remarks>
    private uint Stops<TSets>(ref char text, ref int p, int last)
        where TSets : struct, IBucketSets
    {
        var nibble = Vector256.Create((byte)0xF);

        // Not after a letter or digit. ASCII letters and digits by nibbles: a character is one when the bytes
        // its low and high nibble choose share a bit. Bit 0: digits (high nibble 3, low 0–9); bit 1: high
        // nibble 4 or 6 with low 1–15 (A–O, a–o); bit 2: high nibble 5 or 7 with low 0–10 (P–Z, p–z).
        // (Constants here rather than static fields: this code is compiled before the class is initialised.)
        // A byte with its top bit set (not ASCII) selects 0 from a shuffle, so the low nibble needs no mask.
        var alnumLow = Vector256.Create(
            (byte)0b101, 0b111, 0b111, 0b111, 0b111, 0b111, 0b111, 0b111, 0b111, 0b111, 0b110, 0b010, 0b010, 0b010, 0b010, 0b010,
            0b101, 0b111, 0b111, 0b111, 0b111, 0b111, 0b111, 0b111, 0b111, 0b111, 0b110, 0b010, 0b010, 0b010, 0b010, 0b010);
        var alnumHigh = Vector256.Create(
            (byte)0, 0, 0, 0b001, 0b010, 0b100, 0b010, 0b100, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0b001, 0b010, 0b100, 0b010, 0b100, 0, 0, 0, 0, 0, 0, 0, 0);
        var most = Vector256.Create((ushort)0xFF);
        ref var lows = ref low!.First;
        ref var highs = ref high!.First;
        var at = p;
        do
        {
            ref var before = ref Unsafe.Add(ref text, at - 1);
            var previous = Narrow(ref before);
            var alnum = Avx2.Shuffle(alnumLow, previous) & Avx2.Shuffle(alnumHigh, High(previous, nibble));
            var wordStart = Vector256.Equals(alnum, Vector256<byte>.Zero);

            // An apostrophe or a non-ASCII character (the first position is narrowed with every non-ASCII character as 0xFF).
            ref var first = ref Unsafe.As<char, ushort>(ref Unsafe.Add(ref before, 1));
            var here = Avx2.PackUnsignedSaturate(
                Vector256.Min(Vector256.LoadUnsafe(ref first), most).AsInt16(),
                Vector256.Min(Vector256.LoadUnsafe(ref first, 16), most).AsInt16());
            var special = Vector256.Equals(here, Vector256.Create((byte)'\'')) | Avx2.CompareGreaterThan(Vector256<sbyte>.Zero, here.AsSByte()).AsByte();

            // The buckets, position by position (a non-ASCII byte fits no needle's first character, so position 0
            // needs no mask on its low nibble either).
            var c1 = Narrow(ref Unsafe.Add(ref before, 2));
            var c2 = Narrow(ref Unsafe.Add(ref before, 3));
            var c3 = Narrow(ref Unsafe.Add(ref before, 4));
            var (h0, h1, h2, h3) = (High(here, nibble), High(c1, nibble), High(c2, nibble), High(c3, nibble));
            var (l1, l2, l3) = (c1 & nibble, c2 & nibble, c3 & nibble);

            // Over the first one, two, three and four characters (the first three for special characters, below).
            var first1 = Avx2.Shuffle(lows, here) & Avx2.Shuffle(highs, h0);
            var first2 = first1 & Avx2.Shuffle(Unsafe.Add(ref lows, 1), l1) & Avx2.Shuffle(Unsafe.Add(ref highs, 1), h1);
            var first3 = first2 & Avx2.Shuffle(Unsafe.Add(ref lows, 2), l2) & Avx2.Shuffle(Unsafe.Add(ref highs, 2), h2);
            var buckets = first3 & Avx2.Shuffle(Unsafe.Add(ref lows, 3), l3) & Avx2.Shuffle(Unsafe.Add(ref highs, 3), h3);
            if (TSets.Two)
            {
                var second1 = Avx2.Shuffle(Unsafe.Add(ref lows, 4), here) & Avx2.Shuffle(Unsafe.Add(ref highs, 4), h0);
                var second2 = second1 & Avx2.Shuffle(Unsafe.Add(ref lows, 5), l1) & Avx2.Shuffle(Unsafe.Add(ref highs, 5), h1);
                var second3 = second2 & Avx2.Shuffle(Unsafe.Add(ref lows, 6), l2) & Avx2.Shuffle(Unsafe.Add(ref highs, 6), h2);
                buckets |= second3 & Avx2.Shuffle(Unsafe.Add(ref lows, 7), l3) & Avx2.Shuffle(Unsafe.Add(ref highs, 7), h3);
                (first1, first2, first3) = (first1 | second1, first2 | second2, first3 | second3);
            }

            // Bytes back in character order (the packing left them as 0–7, 16–23, 8–15, 24–31) before their bits are read.
            var needles = InOrder(~Vector256.Equals(buckets, Vector256<byte>.Zero) & wordStart).ExtractMostSignificantBits();
            var stops = InOrder(special).ExtractMostSignificantBits();

            // A special character is left out (unless every one is asked for) where its word began one to three
            // characters before it with characters that fit no bucket (the word folds to what begins with them), or
            // more than three before it: then the word's first four characters are plain, and it is reported by its
            // start if it can be a needle's (or an earlier special character in it is reported). A word begun in the
            // block before is not seen here, so the first three positions are reported as they are.
            if (!everySpecialCharacter && stops != 0)
            {
                var start = InOrder(wordStart).ExtractMostSignificantBits();
                var begins1 = start & InOrder(~Vector256.Equals(first1, Vector256<byte>.Zero)).ExtractMostSignificantBits();
                var begins2 = start & InOrder(~Vector256.Equals(first2, Vector256<byte>.Zero)).ExtractMostSignificantBits();
                var begins3 = start & InOrder(~Vector256.Equals(first3, Vector256<byte>.Zero)).ExtractMostSignificantBits();
                stops &= start | (begins1 << 1) | (begins2 << 2) | (begins3 << 3) | 0b111;
            }

            // Each bucket hit checked against the needles' first characters exactly.
            for (; needles != 0; needles &= needles - 1)
            {
                var i = BitOperations.TrailingZeroCount(needles);
                stops |= Confirm(ref Unsafe.As<char, byte>(ref Unsafe.Add(ref before, 1 + i))) << i;
            }

            if (stops != 0)
            {
                p = at;
                return stops;
            }

            at += Block;
        }
        while (at <= last);
        p = at;
        return 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> High(Vector256<byte> bytes, Vector256<byte> nibble) =>
        Avx2.ShiftRightLogical(bytes.AsUInt16(), 4).AsByte() & nibble;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> InOrder(Vector256<byte> packed) =>
        Avx2.Permute4x64(packed.AsUInt64(), 0b11_01_10_00).AsByte();

    /// <summary>
    /// 1 if a needle may start at <paramref name="at"/>, as far as its first <see cref="Confirmed"/> characters
    /// tell: they begin with a needle (ASCII case folded, every character but a letter or digit read as <see cref="Ended"/>), with
    /// a character that may follow it after it where that is known, or one of them is an apostrophe or non-ASCII,
    /// so that the word may fold to other characters than it has. Else 0. Nothing branches on an answer but the
    /// loop over the longer needles' lengths, which runs only where their first four characters are found.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint Confirm(ref byte at)
    {
        var first = Unsafe.ReadUnaligned<ulong>(ref at);
        var next = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref at, 8));
        var found = Special(first) | Special(next);
        first = Folded(first);
        next = Folded(next);
        for (var lengths = shortLengths; lengths != 0; lengths &= lengths - 1)
        {
            found |= Bit(shortKeys, Slot(first & LengthMask(BitOperations.TrailingZeroCount(lengths) + 1, 16)));
        }

        uint longer = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(longLengths), (int)(Slot(first) >> (KeyBits - LengthBits)));
        for (; longer != 0; longer &= longer - 1)
        {
            found |= Bit(longerKeys, Slot(first, next & LengthMask(BitOperations.TrailingZeroCount(longer) + 1, 16)));
        }

        return (uint)found;
    }

    /// <summary>
    /// Four characters as the exact check compares them: ASCII letters in lower case, digits as they are, and
    /// every other character as <see cref="Ended"/> (so the end of a word reads the same whatever ends it). Only meaningful where
    /// the four are ASCII: where one is not, <see cref="Special"/> has reported the position already.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Folded(ulong four)
    {
        const ulong ones = 0x0001_0001_0001_0001UL;
        const ulong highs = 0x0080_0080_0080_0080UL;

        // Per 16-bit lane, for ASCII c: bit 7 of c + (0x80 − lo) is set when c ≥ lo, and bit 7 of c + (0x7F − hi) when c > hi.
        var lower = four | (0x20 * ones);
        var letter = (lower + ((0x80 - 'a') * ones)) & ~(lower + ((0x7F - 'z') * ones));
        var digit = (four + ((0x80 - '0') * ones)) & ~(four + ((0x7F - '9') * ones));
        var kept = ((letter | digit) & highs) >> 7;
        var keep = (kept << 16) - kept;
        return (lower & keep) | (Ended * ones & ~keep);
    }

    /// <summary>
    /// What the exact check reads every character but an ASCII letter or digit as: the end of a word. Not NUL,
    /// which a shorter needle's key has in the same place.
    /// </summary>
    private const char Ended = '\u007F';

    /// <summary>1 if one of four characters is an apostrophe (U+0027) or not ASCII, else 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Special(ulong four)
    {
        const ulong ones = 0x0001_0001_0001_0001UL;
        const ulong highs = 0x8000_8000_8000_8000UL;
        var apostrophe = four ^ (0x27 * ones);
        var zero = (apostrophe - ones) & ~apostrophe & highs;
        return ((four & (0xFF80 * ones)) | zero) != 0 ? 1UL : 0UL;
    }

    /// <summary>
    /// 32 characters as bytes, in the order <c>vpackuswb</c> leaves them (0–7, 16–23, 8–15, 24–31): ASCII as
    /// itself, U+0080–U+00FF as itself, U+0100–U+7FFF as 0xFF and U+8000 and above as 0 (none of them an ASCII
    /// letter or digit, or any needle's character).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> Narrow(ref char at)
    {
        ref var u = ref Unsafe.As<char, short>(ref at);
        return Avx2.PackUnsignedSaturate(Vector256.LoadUnsafe(ref u), Vector256.LoadUnsafe(ref u, 16));
    }
}
