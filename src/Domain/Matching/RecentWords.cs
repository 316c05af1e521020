using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Ingest.Domain.Matching;

/// <summary>
/// The patterns of the words one thread's searches looked up last, by the word as the text has it, for one matcher at a
/// time. News repeats its words, and the search looks up the same few (those that begin like a watched word) again and
/// again; a look-up folds the word, works out its inflection key and asks the word filter and the pattern table, where
/// a hit here compares the word with the one kept and copies the patterns. Direct-mapped by a hash of the word's first
/// and last characters and its length; a word longer than <see cref="LongestWord"/> is always looked up.
/// </summary>
internal sealed class RecentWords
{
    /// <summary>Words kept (a power of two).</summary>
    private const int Size = 512;

    private const int SizeBits = 9;

    /// <summary>The longest word kept.</summary>
    internal const int LongestWord = 24;

    [ThreadStatic]
    private static RecentWords? current;

    /// <summary>The last number <see cref="NextOwner"/> gave.</summary>
    private static long owners;

    private readonly char[] words = new char[Size * LongestWord];

    /// <summary>Per entry: the word's length, 0 while empty.</summary>
    private readonly byte[] lengths = new byte[Size];

    private readonly byte[] counts = new byte[Size];

    private int[] patterns = [];

    private int most;

    /// <summary>The matcher whose words these are (a number, so that a matcher replaced is not kept alive by a thread that matched with it).</summary>
    private long owner;

    /// <summary>This thread's words for the matcher numbered <paramref name="matcher"/> (from <see cref="NextOwner"/>), emptied when the thread last looked words up for another.</summary>
    public static RecentWords For(long matcher, int mostPatterns)
    {
        var recent = current ??= new RecentWords();
        if (recent.owner != matcher)
        {
            recent.owner = matcher;
            Array.Clear(recent.lengths);
            if (recent.most != mostPatterns)
            {
                recent.most = mostPatterns;
                recent.patterns = new int[Size * mostPatterns];
            }
        }

        return recent;
    }

    /// <summary>A number for a matcher, never given to another (0 is no matcher's).</summary>
    public static long NextOwner() => Interlocked.Increment(ref owners);

    /// <summary>The patterns kept for <paramref name="word"/>, written into <paramref name="found"/>: how many, or −1 when the word is not kept.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Get(ReadOnlySpan<char> word, Span<int> found, out int slot)
    {
        slot = Slot(word);
        if (Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(lengths), slot) != word.Length
            || !word.SequenceEqual(new ReadOnlySpan<char>(words, slot * LongestWord, word.Length)))
        {
            return -1;
        }

        int count = counts[slot];
        new ReadOnlySpan<int>(patterns, slot * most, count).CopyTo(found);
        return count;
    }

    /// <summary>Keeps <paramref name="word"/>'s patterns in <paramref name="slot"/> (from <see cref="Get"/>), in place of what was there.</summary>
    public void Set(ReadOnlySpan<char> word, ReadOnlySpan<int> found, int slot)
    {
        if (word.Length is 0 or > LongestWord || found.Length > most)
        {
            return;
        }

        word.CopyTo(words.AsSpan(slot * LongestWord));
        found.CopyTo(patterns.AsSpan(slot * most));
        counts[slot] = (byte)found.Length;
        lengths[slot] = (byte)word.Length;
    }

    /// <summary>The entry for a word: its first and last (up to) four characters and its length, hashed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Slot(ReadOnlySpan<char> word)
    {
        ulong first, last;
        if (word.Length >= 4)
        {
            ref var start = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(word));
            first = Unsafe.ReadUnaligned<ulong>(ref start);
            last = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, 2 * (word.Length - 4)));
        }
        else
        {
            first = 0;
            foreach (var c in word)
            {
                first = (first << 16) | c;
            }

            last = 0;
        }

        var hash = ((first * 0x9E3779B97F4A7C15UL) ^ last ^ (ulong)word.Length) * 0xC2B2AE3D27D4EB4FUL;
        return (int)(hash >> (64 - SizeBits));
    }
}
