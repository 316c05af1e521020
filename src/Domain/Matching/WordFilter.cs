using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Ingest.Domain.Matching;

/// <summary>
/// The word pass's first question about each word: could any pattern have it? A 128 KiB bit filter with no
/// false negatives, asked with one load: a word's first four characters (all of it, if shorter) choose a
/// 64-bit word of the filter, and two bits in it answer —
/// <list type="bullet">
/// <item>for patterns whose words all start with six known characters (needles of six or more), a bit chosen
/// by the word's first six characters;</item>
/// <item>for shorter needles, a bit chosen by the word's first four characters, its length and its last
/// character. An inflected key of n characters is the key of words of n to n + 4 characters, and one
/// longer than its key ends in s, e, d or g (<see cref="EnglishInflection.StemLength"/> removes only
/// -s, -es, -ed, -ing, a silent e, a doubled consonant, the d of -eed, and -ies/-ied before a y it puts back),
/// so "war" admits "war", "wars", "warred", "waring" and "warrings"-length words ending that way, and not "warm",
/// "warning" or "warehouse".</item>
/// </list>
/// A prefix shorter than six fills the 64-bit words of all its beginnings: every word starting with it passes.
/// Keys are folds: lower case ASCII letters and digits (other patterns need no filter, see
/// <see cref="KeywordMatcher"/>); words are checked as they appear, ASCII case folded by <c>| 0x20</c>.
/// </summary>
internal sealed class WordFilter
{
    /// <summary>2^20 bits (128 KiB), a few percent full at 10,000 terms.</summary>
    private const int Bits = 20;

    /// <summary>Needles this long or longer are entered by their first this many characters.</summary>
    public const int LongNeedle = 6;

    /// <summary>Lengths from here on are one length to the filter (no short entry is this long).</summary>
    private const int LengthCap = 16;

    private const string WordCharacters = "abcdefghijklmnopqrstuvwxyz0123456789";

    private readonly ulong[] filter = new ulong[1 << (Bits - 6)];

    public void Add(WordPattern pattern)
    {
        var key = pattern.Key;
        if (key.Length == 0)
        {
            return;
        }

        switch (pattern.Match)
        {
            case WordMatch.Prefix:
                if (key.Length >= LongNeedle)
                {
                    AddLong(key);
                }
                else
                {
                    Fill(key);
                }

                break;
            case WordMatch.Exact:
                if (key.Length >= LongNeedle)
                {
                    AddLong(key);
                }
                else
                {
                    AddShort(key, key.Length, key[^1]);
                }

                break;
            default:
                // "agency" is also the key of "agencies": those words start "agenc".
                if ((key.Length >= 3 && key[^1] == 'y' ? key.Length - 1 : key.Length) >= LongNeedle)
                {
                    AddLong(key);
                    break;
                }

                foreach (var form in EnglishInflection.Forms(key))
                {
                    AddShort(form, form.Length, form[^1]);
                }

                break;
        }
    }

    /// <summary>Whether a word of ASCII letters and digits (any case) may have a pattern.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Passes(ReadOnlySpan<char> word)
    {
        var pack = Pack(word, Math.Min(word.Length, 4));
        var bits = filter[Slot(pack)];
        return ((bits >> ShortBit(pack, word.Length, word[^1] | 0x20)) & 1) != 0
            || (word.Length >= LongNeedle && ((bits >> LongBit(word)) & 1) != 0);
    }

    /// <summary>
    /// <see cref="Passes(ReadOnlySpan{char})"/> for the word <c>text[start..(start + length)]</c>, without a
    /// branch that depends on the word: its first six characters are read whether it has them or not (so at
    /// least eight characters must follow <paramref name="start"/>), and what a short word does not have is
    /// masked off or not counted.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Passes(ReadOnlySpan<char> text, int start, int length)
    {
        if ((uint)start + 8 > (uint)text.Length || length <= 0)
        {
            return Passes(text.Slice(start, length));
        }

        ref var at = ref Unsafe.As<char, byte>(ref Unsafe.Add(ref MemoryMarshal.GetReference(text), start));
        var four = Unsafe.ReadUnaligned<ulong>(ref at) | 0x0020_0020_0020_0020UL;
        var pack = four & (ulong.MaxValue >> (16 * (4 - Math.Min(length, 4))));
        var bits = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(filter), Slot(pack));
        var last = Unsafe.Add(ref MemoryMarshal.GetReference(text), start + length - 1) | 0x20;
        var next = (ulong)(Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref at, 8)) | 0x0020_0020u);
        var isLong = (ulong)((uint)(LongNeedle - 1 - length) >> 31);
        return (((bits >> ShortBit(pack, length, last)) | ((bits >> LongBit(four, next)) & isLong)) & 1) != 0;
    }

    /// <summary>The first <paramref name="length"/> (up to four) characters of an ASCII word, lower-cased (<c>| 0x20</c> leaves digits as they are), as one number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Pack(ReadOnlySpan<char> word, int length)
    {
        if (BitConverter.IsLittleEndian && word.Length >= 4)
        {
            var four = MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(word));
            return (four | 0x0020_0020_0020_0020UL) & (ulong.MaxValue >> (16 * (4 - length)));
        }

        var key = 0UL;
        for (var k = 0; k < length; k++)
        {
            key |= (ulong)(word[k] | 0x20) << (16 * k);
        }

        return key;
    }

    private static int Slot(ulong pack) => (int)((pack * 0x9E3779B97F4A7C15UL) >> (64 - Bits + 6));

    private static int ShortBit(ulong pack, int length, int last) =>
        (int)(((pack ^ ((ulong)((Math.Min(length, LengthCap) << 16) | last) * 0xD6E8FEB86659FD93UL)) * 0x9E3779B97F4A7C15UL) >> 58);

    /// <summary>A hash of the first six characters of a word or needle of at least <see cref="LongNeedle"/>.</summary>
    private static int LongBit(ReadOnlySpan<char> word) =>
        LongBit(Pack(word, 4), (ulong)(ushort)(word[4] | 0x20) | ((ulong)(ushort)(word[5] | 0x20) << 16));

    /// <param name="four">The first four characters, packed.</param>
    /// <param name="next">The fifth and sixth, lower-cased, the fifth in the low 16 bits.</param>
    private static int LongBit(ulong four, ulong next) =>
        (int)(((four ^ (next * 0xC2B2AE3D27D4EB4FUL)) * 0x9E3779B97F4A7C15UL) >> 58);

    private void AddLong(string needle) => filter[Slot(Pack(needle, 4))] |= 1UL << LongBit(needle);

    /// <summary>Words of <paramref name="length"/> characters starting with <paramref name="start"/> and ending with <paramref name="last"/>.</summary>
    private void AddShort(string start, int length, char last)
    {
        Span<char> first = stackalloc char[4];
        var known = Math.Min(start.Length, 4);
        start.AsSpan(0, known).CopyTo(first);
        AddShort(first, known, Math.Min(length, 4), length, last);
    }

    /// <summary>Enters every way to go on from the <paramref name="known"/> characters of <paramref name="first"/> to <paramref name="firstLength"/>.</summary>
    private void AddShort(Span<char> first, int known, int firstLength, int length, char last)
    {
        if (known == firstLength)
        {
            var pack = Pack(first[..known], known);
            filter[Slot(pack)] |= 1UL << ShortBit(pack, length, last);
            return;
        }

        foreach (var next in WordCharacters)
        {
            first[known] = next;
            AddShort(first, known + 1, firstLength, length, last);
        }
    }

    /// <summary>Every word starting with <paramref name="prefix"/> (shorter than <see cref="LongNeedle"/>) passes.</summary>
    private void Fill(string prefix)
    {
        Span<char> first = stackalloc char[4];
        var known = Math.Min(prefix.Length, 4);
        prefix.AsSpan(0, known).CopyTo(first);
        Fill(first, known);
    }

    private void Fill(Span<char> first, int known)
    {
        filter[Slot(Pack(first[..known], known))] = ulong.MaxValue;
        if (known == 4)
        {
            return;
        }

        foreach (var next in WordCharacters)
        {
            first[known] = next;
            Fill(first, known + 1);
        }
    }
}
