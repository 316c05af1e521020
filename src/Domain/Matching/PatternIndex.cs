using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Ingest.Domain.Matching;

/// <summary>
/// The matcher's word patterns (inflected keys, exact folds, prefixes) in one open-addressing hash table,
/// looked up by a span of folded characters. Built for the word pass, which looks up hundreds of
/// thousands of words a second: one slot holds a 32-bit tag of the hash and the pattern id, so a lookup
/// reads one slot (rarely two) and compares characters only when the tag agrees — against
/// <see cref="Dictionary{TKey,TValue}"/>'s bucket, entry and key, three dependent reads. Read-only once built.
/// </summary>
internal sealed class PatternIndex
{
    private readonly ulong[] slots;
    private readonly int mask;
    private readonly string[] keys;
    private readonly WordMatch[] kinds;

    /// <param name="patterns">Every pattern, at the index that is its id.</param>
    public PatternIndex(IReadOnlyList<WordPattern> patterns)
    {
        keys = [.. patterns.Select(p => p.Key)];
        kinds = [.. patterns.Select(p => p.Match)];

        // At most half full, so that a missing key usually ends at the first or second slot.
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, patterns.Count * 2));
        slots = new ulong[capacity];
        mask = capacity - 1;
        for (var id = 0; id < patterns.Count; id++)
        {
            var hash = Hash(kinds[id], keys[id]);
            var at = (int)hash & mask;
            while (slots[at] != 0)
            {
                at = (at + 1) & mask;
            }

            slots[at] = Slot(hash, id);
        }
    }

    /// <summary>The id of the pattern of kind <paramref name="kind"/> whose key is <paramref name="key"/>, or -1.</summary>
    public int Find(WordMatch kind, ReadOnlySpan<char> key)
    {
        var hash = Hash(kind, key);
        var tag = Tag(hash);
        var at = (int)hash & mask;
        while (true)
        {
            var slot = slots[at];
            if (slot == 0)
            {
                return -1;
            }

            if ((uint)(slot >> 32) == tag)
            {
                var id = (int)(uint)slot - 1;
                if (kinds[id] == kind && key.SequenceEqual(keys[id]))
                {
                    return id;
                }
            }

            at = (at + 1) & mask;
        }
    }

    private static ulong Slot(ulong hash, int id) => ((ulong)Tag(hash) << 32) | (uint)(id + 1);

    /// <summary>The hash's high half: independent of the bits that chose the slot.</summary>
    private static uint Tag(ulong hash) => (uint)(hash >> 32);

    /// <summary>
    /// A hash of the kind, the length and the characters, four characters (eight bytes) per step. A key of
    /// four characters or more ends with the last four read again, overlapping; the length tells such keys apart.
    /// </summary>
    internal static ulong Hash(WordMatch kind, ReadOnlySpan<char> key)
    {
        const ulong Multiplier = 0x9E3779B97F4A7C15UL;
        var h = ((ulong)key.Length << 2 | (ulong)kind) * Multiplier;
        ref var first = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(key));
        var bytes = key.Length * 2;
        if (bytes >= 8)
        {
            for (var i = 0; i < bytes - 8; i += 8)
            {
                h = Mix(h, Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref first, i)));
            }

            h = Mix(h, Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref first, bytes - 8)));
        }
        else
        {
            var tail = 0UL;
            for (var i = 0; i < key.Length; i++)
            {
                tail |= (ulong)key[i] << (16 * i);
            }

            h = Mix(h, tail);
        }

        return h ^ (h >> 29);

        static ulong Mix(ulong h, ulong chunk) => BitOperations.RotateLeft((h ^ chunk) * Multiplier, 31) * 0xBF58476D1CE4E5B9UL;
    }
}
