using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Ingest.Domain.Matching;

namespace Ingest.Domain.Tests;

/// <summary>The search's tables start on a cache line and keep their contents, however the collector moves other objects.</summary>
public sealed class AlignedVectorsTests
{
    [Fact]
    public void TheFirstVector_StartsOnA64ByteBoundary_AndTheVectorsAreKeptInOrder_AcrossCollections()
    {
        var tables = new List<(AlignedVectors<Vector512<byte>> Aligned, Vector512<byte>[] Source)>();
        for (var n = 1; n <= 40; n++)
        {
            // Arrays of other sizes between them, so each table lands at another offset from a line.
            _ = new byte[n * 8];
            var source = Enumerable.Range(0, n).Select(i => Vector512.Create((byte)(i + n))).ToArray();
            tables.Add((new AlignedVectors<Vector512<byte>>(source), source));
        }

        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        foreach (var (aligned, source) in tables)
        {
            // The address, as the byte offset from null.
            Assert.Equal(0, Unsafe.ByteOffset(ref Unsafe.NullRef<byte>(), ref Unsafe.As<Vector512<byte>, byte>(ref aligned.First)) % 64);
            for (var i = 0; i < source.Length; i++)
            {
                Assert.Equal(source[i], Unsafe.Add(ref aligned.First, i));
            }
        }
    }
}
