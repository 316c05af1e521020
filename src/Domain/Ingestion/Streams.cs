using Ingest.Domain.Parsing;

namespace Ingest.Domain.Ingestion;

/// <summary>A stream's first bytes, already read, followed by the rest of it.</summary>
internal sealed class ResumedStream(byte[] head, Stream rest) : ForwardOnlyStream
{
    private int position;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (position < head.Length)
        {
            var n = Math.Min(buffer.Length, head.Length - position);
            head.AsSpan(position, n).CopyTo(buffer);
            position += n;
            return n;
        }

        return rest.Read(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (position < head.Length)
        {
            var n = Math.Min(buffer.Length, head.Length - position);
            head.AsMemory(position, n).CopyTo(buffer);
            position += n;
            return n;
        }

        return await rest.ReadAsync(buffer, cancellationToken);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

}

/// <summary>Reads through to another stream and stops with <see cref="ReadStoppedException"/> when it holds more than a limit.</summary>
internal sealed class BoundedStream(Stream inner, long limit, string reason) : ForwardOnlyStream
{
    private long total;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    // Reads never ask the inner stream for more than the limit allows, so everything up to the limit is
    // served; once it is reached, one more byte is asked for, and its existence is the error.
    public override int Read(Span<byte> buffer)
    {
        var allowed = limit - total;
        if (allowed <= 0)
        {
            return inner.Read(stackalloc byte[1]) > 0 ? throw new ReadStoppedException(reason) : 0;
        }

        var read = inner.Read(buffer[..(int)Math.Min(buffer.Length, allowed)]);
        total += read;
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var allowed = limit - total;
        if (allowed <= 0)
        {
            return await inner.ReadAsync(new byte[1], cancellationToken) > 0 ? throw new ReadStoppedException(reason) : 0;
        }

        var read = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, allowed)], cancellationToken);
        total += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>A stream read once from start to end: no seeking, no writing, no length.</summary>
internal abstract class ForwardOnlyStream : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
