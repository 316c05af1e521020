using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Ingest.Domain.Matching;

/// <summary>
/// Vectors kept from an address that is a multiple of 64 bytes, a cache line, for as long as they live: a table the
/// search reads on every block. An array's elements begin wherever the collector puts the array (16 bytes past an
/// 8-byte boundary) and move when it compacts, so a 64-byte vector read from one straddles two cache lines
/// depending on where the array happened to land, which cost the 64-character search a fifth of its speed or none
/// from one process to the next (docs/performance.md).
/// </summary>
internal sealed class AlignedVectors<T>
    where T : struct
{
    private const int Line = 64;

    /// <summary>Pinned (allocated on the pinned object heap), so the alignment found once holds.</summary>
    private readonly byte[] bytes;

    private readonly int start;

    public AlignedVectors(ReadOnlySpan<T> vectors)
    {
        var size = vectors.Length * Unsafe.SizeOf<T>();
        bytes = GC.AllocateUninitializedArray<byte>(size + Line - 1, pinned: true);
        var handle = GCHandle.Alloc(bytes, GCHandleType.Pinned);
        var address = handle.AddrOfPinnedObject();
        handle.Free();
        start = (int)((Line - (address % Line)) % Line);
        MemoryMarshal.AsBytes(vectors).CopyTo(bytes.AsSpan(start));
    }

    /// <summary>The first vector; the others follow it.</summary>
    public ref T First => ref Unsafe.As<byte, T>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(bytes), start));
}
