namespace Ingest.Domain.Digests;

/// <summary>
/// Digest state: a per-watch run lease, so overlapping timers never work on one watch at once, and
/// the outbox of digests, written before any claim or delivery so a crash never loses or repeats one.
/// </summary>
public interface IDigestStateStore
{
    /// <summary>Takes the watch's run lease for <paramref name="duration"/> unless another owner holds it.</summary>
    Task<bool> TryAcquireRunLeaseAsync(string watchId, string owner, TimeSpan duration, CancellationToken cancellationToken);

    Task ReleaseRunLeaseAsync(string watchId, string owner, CancellationToken cancellationToken);

    Task CreateAsync(DigestRecord record, CancellationToken cancellationToken);

    /// <summary>Digests of the watch not yet delivered to every channel, oldest first.</summary>
    Task<IReadOnlyList<DigestRecord>> ListUnfinishedAsync(string watchId, CancellationToken cancellationToken);

    Task UpdateAsync(DigestRecord record, CancellationToken cancellationToken);

    /// <summary>The latest cadence slot a run has served for the watch (sent, or found nothing to send).</summary>
    Task<DateTimeOffset?> GetLastSlotAsync(string watchId, CancellationToken cancellationToken);

    Task SetLastSlotAsync(string watchId, DateTimeOffset slot, CancellationToken cancellationToken);

    /// <summary>Records that a channel refused a digest for good, and why.</summary>
    Task RecordDeadLetterAsync(DeadLetter deadLetter, CancellationToken cancellationToken);
}

/// <summary>A digest a channel refused permanently; the digest is not retried on that channel.</summary>
public sealed record DeadLetter(string WatchId, string DigestId, string Channel, string Reason, DateTimeOffset At);

public enum DigestStatus
{
    /// <summary>Written to the outbox; hits are being claimed.</summary>
    Claiming,

    /// <summary>Hits claimed; delivery pending or incomplete.</summary>
    Ready,

    /// <summary>Every channel acknowledged.</summary>
    Delivered,

    /// <summary>A run stopped before claiming any hit; nothing to send.</summary>
    Empty,
}

public sealed record DigestRecord(
    string WatchId,
    string DigestId,
    DigestStatus Status,
    DateTimeOffset CreatedAt,
    int ItemCount,
    IReadOnlyList<string> DeliveredChannels,
    int Attempts,
    string? LastError);

/// <summary>
/// Somewhere a digest is delivered. Delivery must be idempotent on <see cref="Digest.Id"/> (or pass
/// it downstream as the idempotency key). Throw <see cref="PermanentDeliveryException"/> for a refusal
/// that retrying cannot fix; any other exception is retried at the next tick.
/// </summary>
public interface IDigestChannel
{
    /// <summary>Unique among channels; recorded with each acknowledgement.</summary>
    string Name { get; }

    /// <summary>Whether this channel delivers the watch's digests. Channels configured with no watches take all.</summary>
    bool Accepts(string watchId) => true;

    Task DeliverAsync(Digest digest, CancellationToken cancellationToken);
}
