using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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

    private const int Bits = 14;

    /// <summary>Hashes of every needle's first one to <see cref="MaxCharacters"/> characters.</summary>
    private readonly ulong[] starts = new ulong[1 << (Bits - 6)];

    /// <summary>Hashes of the needles of at most <see cref="MaxCharacters"/> characters.</summary>
    private readonly ulong[] whole = new ulong[1 << (Bits - 6)];

    /// <param name="needles">Folded needles (lower-case); characters that are not ASCII never fit what is asked.</param>
    public NeedlePrefixes(IEnumerable<string> needles)
    {
        foreach (var needle in needles)
        {
            for (var length = 1; length <= Math.Min(needle.Length, MaxCharacters); length++)
            {
                Set(starts, Slot(Pack(needle.AsSpan(0, length))));
            }

            if (needle.Length <= MaxCharacters)
            {
                Set(whole, Slot(Pack(needle)));
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
            if (Has(whole, Slot(packed)))
            {
                return true;
            }
        }

        return Has(starts, Slot(packed));
    }

    private static ulong Pack(ReadOnlySpan<char> characters)
    {
        ulong packed = 0;
        for (var i = 0; i < characters.Length; i++)
        {
            packed |= (ulong)characters[i] << (16 * i);
        }

        return packed;
    }

    /// <summary>Characters are never NUL, so packings of different lengths differ.</summary>
    private static uint Slot(ulong packed) => (uint)((packed * 0x9E3779B97F4A7C15UL) >> (64 - Bits));

    private static void Set(ulong[] bits, uint slot) => bits[slot >> 6] |= 1UL << (int)(slot & 63);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Has(ulong[] bits, uint slot) =>
        ((Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(bits), (int)(slot >> 6)) >> (int)(slot & 63)) & 1) != 0;
}
