using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Ingest.Domain.Matching;

/// <summary>
/// The word pass's first question about each word: could any pattern have it? A blocked Bloom filter (no
/// false negatives) asked with one load: a hash of a word's first six characters (all of it, if shorter),
/// its length and its last character chooses a 64-bit word of the filter and two bits in it, both set if
/// a pattern may have the word. Each pattern is entered as the words that can have it: an exact term as
/// itself, an inflected key as its <see cref="EnglishInflection.Forms"/> (the key with each ending the
/// stemmer removes), so "war" admits "war", "wars", "warred" and "warring", and not "warm", "warning" or
/// "warehouse". Prefixes have a second, 4 KiB filter of first four characters (or of every way to go on
/// to four), asked only when there are prefixes: every word starting with one passes. Keys are folds,
/// lower-case ASCII letters and digits (words with other characters are looked up without the filter, see
/// <see cref="KeywordMatcher"/>); words are checked as they appear, ASCII case folded by <c>| 0x20</c>.
/// </summary>
internal sealed class WordFilter
{
    /// <summary>2^21 bits (256 KiB): about 7 % of bits set at 10,000 terms.</summary>
    private const int Bits = 21;

    private const string WordCharacters = "abcdefghijklmnopqrstuvwxyz0123456789";

    private const int PrefixBits = 15;

    private readonly ulong[] filter = new ulong[1 << (Bits - 6)];

    private readonly ulong[] prefixes = new ulong[1 << (PrefixBits - 6)];

    private bool anyPrefix;

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
                Fill(key);
                break;
            case WordMatch.Exact:
                AddWord(key);
                break;
            default:
                EnglishInflection.ForEachForm(key, new FormAdder(this));
                break;
        }
    }

    /// <summary>Whether a word of ASCII letters and digits (any case) may have a pattern.</summary>
    public bool Passes(ReadOnlySpan<char> word)
    {
        var hash = Hash(word, out var pack);
        var want = Bits2(hash);
        return (filter[Slot(hash)] & want) == want || (anyPrefix && IsPrefixed(pack));
    }

    /// <summary>
    /// <see cref="Passes(ReadOnlySpan{char})"/> for the word <c>text[start..(start + length)]</c>, without a
    /// branch that depends on the word: its first six characters are read whether it has them or not (so at
    /// least eight characters must follow <paramref name="start"/>), and those it does not have are masked off.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Passes(ReadOnlySpan<char> text, int start, int length)
    {
        if ((uint)start + 8 > (uint)text.Length || length <= 0 || !BitConverter.IsLittleEndian)
        {
            return Passes(text.Slice(start, length));
        }

        ref var at = ref Unsafe.As<char, byte>(ref Unsafe.Add(ref MemoryMarshal.GetReference(text), start));
        // How many of the first four and of the first six characters the word lacks, as max(n - length, 0) in
        // arithmetic: the JIT compiled Math.Min here to a branch on the length, which English text mispredicts.
        var lacks4 = 4 - length;
        lacks4 &= ~(lacks4 >> 31);
        var lacks6 = 6 - length;
        lacks6 &= ~(lacks6 >> 31);
        var pack = (Unsafe.ReadUnaligned<ulong>(ref at) | 0x0020_0020_0020_0020UL) & (ulong.MaxValue >> (16 * lacks4));

        // Characters five and six, as many as the word has: shifted out 8 bits per missing one twice, so
        // that no shift reaches 64 and no branch depends on the length.
        var missing = 8 * lacks6;
        var next = (Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref at, 8)) | 0x0020_0020u) & (uint)((0xFFFF_FFFFUL >> missing) >> missing);
        var last = Unsafe.Add(ref MemoryMarshal.GetReference(text), start + length - 1) | 0x20;
        var hash = Hash(pack, next, length, last);
        var bits = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(filter), Slot(hash));
        var want = Bits2(hash);
        return (bits & want) == want || (anyPrefix && IsPrefixed(pack));
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

    /// <summary>The hash of a word on its own (not read in place from a longer text), and its <see cref="Pack"/>.</summary>
    private static ulong Hash(ReadOnlySpan<char> word, out ulong pack)
    {
        pack = Pack(word, Math.Min(word.Length, 4));
        var next = word.Length switch
        {
            >= 6 => (ulong)(ushort)(word[4] | 0x20) | ((ulong)(ushort)(word[5] | 0x20) << 16),
            5 => (ulong)(ushort)(word[4] | 0x20),
            _ => 0UL,
        };
        return Hash(pack, next, word.Length, word[^1] | 0x20);
    }

    /// <param name="pack">The first four characters (<see cref="Pack"/>).</param>
    /// <param name="next">The fifth and sixth, lower-cased, the fifth in the low 16 bits; 0 for those the word does not have.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Hash(ulong pack, ulong next, int length, int last)
    {
        // ASCII characters leave bits 7-15 of each 16-bit lane free: characters five and six go to bits 8-14
        // and 24-30, the length to 40-45, the last character to 56-62; folded once so that the multiply
        // carries every field into the bits the slot and the two bits are taken from.
        var x = pack ^ (next << 8) ^ ((ulong)(length & 63) << 40) ^ ((ulong)last << 56);
        return (x ^ (x >> 29)) * 0x9E3779B97F4A7C15UL;
    }

    /// <summary>The 64-bit word of the filter: the hash's top bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Slot(ulong hash) => (int)(hash >> (64 - Bits + 6));

    /// <summary>The two bits in it, from the twelve bits below those.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Bits2(ulong hash) => (1UL << (int)(hash >> (64 - Bits + 6 - 6))) | (1UL << (int)(hash >> (64 - Bits + 6 - 12)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int PrefixBit(ulong pack) => (int)((pack * 0x9E3779B97F4A7C15UL) >> (64 - PrefixBits));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsPrefixed(ulong pack)
    {
        var bit = PrefixBit(pack);
        return ((prefixes[bit >> 6] >> bit) & 1) != 0;
    }

    private void AddWord(ReadOnlySpan<char> word)
    {
        var hash = Hash(word, out _);
        filter[Slot(hash)] |= Bits2(hash);
    }

    /// <summary>Every word starting with <paramref name="prefix"/> passes.</summary>
    private void Fill(string prefix)
    {
        anyPrefix = true;
        Span<char> first = stackalloc char[4];
        var known = Math.Min(prefix.Length, 4);
        prefix.AsSpan(0, known).CopyTo(first);
        Fill(first, known, known);
    }

    private void Fill(Span<char> first, int known, int shortest)
    {
        if (known >= shortest)
        {
            var bit = PrefixBit(Pack(first[..known], known));
            prefixes[bit >> 6] |= 1UL << bit;
        }

        if (known == 4)
        {
            return;
        }

        foreach (var next in WordCharacters)
        {
            first[known] = next;
            Fill(first, known + 1, shortest);
        }
    }

    private readonly struct FormAdder(WordFilter filter) : EnglishInflection.IFormVisitor
    {
        public void Form(ReadOnlySpan<char> form) => filter.AddWord(form);
    }
}
