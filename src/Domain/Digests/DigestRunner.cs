using Ingest.Domain.Ingestion;
using Ingest.Domain.Watches;
using Microsoft.Extensions.Options;

namespace Ingest.Domain.Digests;

/// <summary>
/// One digest tick. For each enabled watch, under its run lease: finish any digest an earlier run
/// left in the outbox, then claim the watch's pending hits into a new digest and deliver it to every
/// channel. The digest is in the outbox before its first hit is claimed, and hits are claimed
/// conditionally, so each hit lands in exactly one digest whatever crashes or overlaps.
/// </summary>
public sealed class DigestRunner(
    IWatchStore watches,
    IHitIndex hits,
    IDigestStateStore state,
    IEnumerable<IDigestChannel> channels,
    TimeProvider time,
    IOptions<DigestOptions> options)
{
    public async Task<DigestRunSummary> RunAsync(CancellationToken cancellationToken)
    {
        // One owner per run: two overlapping runs in one process contend for leases like two hosts do.
        var owner = Guid.NewGuid().ToString("n");
        var delivered = new List<Digest>();
        var failures = new List<string>();
        var busy = new List<string>();
        foreach (var watch in (await watches.ListAsync(cancellationToken)).Where(w => w.Enabled))
        {
            if (!await RenewAsync(watch.Id, owner, cancellationToken))
            {
                busy.Add(watch.Id);
                continue;
            }

            try
            {
                foreach (var unfinished in await state.ListUnfinishedAsync(watch.Id, cancellationToken))
                {
                    // Renewing before each digest keeps a slow run's lease from lapsing under it.
                    if (!await RenewAsync(watch.Id, owner, cancellationToken))
                    {
                        busy.Add(watch.Id);
                        break;
                    }

                    await FinishAsync(watch, unfinished, delivered, failures, cancellationToken);
                }

                if (busy.Contains(watch.Id))
                {
                    continue;
                }

                var slot = watch.Cadence.LatestSlot(time.GetUtcNow());
                var scheduled = watch.Cadence.Kind != CadenceKind.AsItHappens;
                var served = scheduled ? await state.GetLastSlotAsync(watch.Id, cancellationToken) : null;
                if (slot is null || served >= slot)
                {
                    continue; // quiet hours, or this slot is already served
                }

                if (scheduled && served is null)
                {
                    // A watch's schedule starts when it is first seen: its first digest goes out at its next slot.
                    await state.SetLastSlotAsync(watch.Id, slot.Value, cancellationToken);
                    continue;
                }

                var pending = await hits.ListPendingAsync(watch.Id, options.Value.MaxItems, cancellationToken);
                if (pending.Count == 0 || pending.Count < watch.Cadence.MinimumHits)
                {
                    if (scheduled)
                    {
                        await state.SetLastSlotAsync(watch.Id, slot.Value, cancellationToken); // the hits wait for the next slot
                    }

                    continue;
                }

                if (!await RenewAsync(watch.Id, owner, cancellationToken))
                {
                    busy.Add(watch.Id);
                    continue;
                }

                var now = time.GetUtcNow();
                var record = new DigestRecord(watch.Id, NewDigestId(now), DigestStatus.Claiming, now, 0, [], 0, null);
                await state.CreateAsync(record, cancellationToken);
                await FinishAsync(watch, record, delivered, failures, cancellationToken, pending);
                if (scheduled)
                {
                    await state.SetLastSlotAsync(watch.Id, slot.Value, cancellationToken);
                }
            }
            finally
            {
                await state.ReleaseRunLeaseAsync(watch.Id, owner, CancellationToken.None);
            }
        }

        return new DigestRunSummary(delivered, failures, busy);
    }

    private async Task FinishAsync(Watch watch, DigestRecord record, List<Digest> delivered, List<string> failures, CancellationToken cancellationToken, IReadOnlyList<IndexedHit>? pending = null)
    {
        IReadOnlyList<IndexedHit> claimed;
        if (record.Status == DigestStatus.Claiming)
        {
            claimed = pending is null
                ? await hits.ListClaimedAsync(watch.Id, record.DigestId, cancellationToken)
                : await hits.ClaimAsync(watch.Id, record.DigestId, pending, cancellationToken);
            record = record with { Status = claimed.Count == 0 ? DigestStatus.Empty : DigestStatus.Ready, ItemCount = claimed.Count };
            await state.UpdateAsync(record, cancellationToken);
            if (record.Status == DigestStatus.Empty)
            {
                return;
            }
        }
        else
        {
            claimed = await hits.ListClaimedAsync(watch.Id, record.DigestId, cancellationToken);
        }

        var digest = DigestComposer.Compose(record.DigestId, watch, record.CreatedAt, claimed);
        var done = new List<string>(record.DeliveredChannels);
        string? lastError = null;
        var mine = channels.Where(c => c.Accepts(watch.Id)).ToList();
        foreach (var channel in mine.Where(c => !done.Contains(c.Name)))
        {
            try
            {
                await channel.DeliverAsync(digest, cancellationToken);
                done.Add(channel.Name);

                // Each acknowledgement is recorded at once, so a crash later in the loop never repeats this channel.
                record = record with { DeliveredChannels = done.ToList() };
                await state.UpdateAsync(record, cancellationToken);
            }
            catch (PermanentDeliveryException ex)
            {
                // Refused for good: dead-letter it for this channel, count the channel as finished, go on.
                await state.RecordDeadLetterAsync(new DeadLetter(watch.Id, digest.Id, channel.Name, ex.Message, time.GetUtcNow()), cancellationToken);
                done.Add(channel.Name);
                record = record with { DeliveredChannels = done.ToList() };
                await state.UpdateAsync(record, cancellationToken);
                failures.Add($"digest {digest.Id} for watch {watch.Id} dead-lettered on {channel.Name}: {ex.Message}");
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                lastError = $"{channel.Name}: {ex.Message}";
                failures.Add($"digest {digest.Id} for watch {watch.Id} not delivered to {lastError}");
            }
        }

        var complete = mine.All(c => done.Contains(c.Name));
        await state.UpdateAsync(
            record with
            {
                Status = complete ? DigestStatus.Delivered : DigestStatus.Ready,
                DeliveredChannels = done,
                Attempts = record.Attempts + 1,
                LastError = lastError,
            },
            cancellationToken);
        if (complete)
        {
            IngestMetrics.DigestsSent.Add(1, new KeyValuePair<string, object?>("watch", watch.Id));
            delivered.Add(digest);
        }
    }

    /// <summary>Takes or renews the watch's run lease; false when another runner holds it.</summary>
    private Task<bool> RenewAsync(string watchId, string owner, CancellationToken cancellationToken) =>
        state.TryAcquireRunLeaseAsync(watchId, owner, options.Value.RunLease, cancellationToken);

    /// <summary>Sortable by creation time, unique across hosts.</summary>
    private static string NewDigestId(DateTimeOffset now) => $"{now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{Guid.NewGuid().ToString("n")[..12]}";
}

public sealed record DigestRunSummary(IReadOnlyList<Digest> Delivered, IReadOnlyList<string> Failures, IReadOnlyList<string> BusyWatches)
{
    public override string ToString() => Delivered.Count == 0 && Failures.Count == 0
        ? "no new hits; no digest"
        : string.Join("; ", Delivered.Select(d => $"digest {d.Id} for watch {d.WatchId}: {d.Items.Count} article(s), {d.TotalHits} hit(s)").Concat(Failures));
}
