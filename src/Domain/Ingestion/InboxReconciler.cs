using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Ingest.Domain.Ingestion;

/// <summary>
/// The reconciliation sweep: ingests every inbox blob the trigger has not finished with — a lost
/// event, a scan that missed it, a blob that predates the app — once it is older than the grace
/// period that leaves it to the trigger. Ingestion is idempotent, so a sweep that races the trigger
/// adds nothing twice.
/// </summary>
public sealed class InboxReconciler(IInbox inbox, IInboxLedger ledger, NewsIngestion ingestion, TimeProvider time, IOptions<ReconcileOptions> options)
{
    /// <summary>A blob modified this long after it was processed was overwritten, and is processed again.</summary>
    public static readonly TimeSpan OverwriteTolerance = TimeSpan.FromMinutes(1);

    public async Task<ReconcileSummary> ReconcileAsync(CancellationToken cancellationToken)
    {
        var processed = await ledger.ListAsync(cancellationToken);
        var cutoff = time.GetUtcNow() - options.Value.Grace;
        var scanned = 0;
        var ingested = new List<(string Blob, IngestionOutcome Outcome)>();
        var failed = new List<string>();
        await foreach (var blob in inbox.ListAsync(cancellationToken))
        {
            scanned++;
            if (blob.LastModified > cutoff
                || (processed.TryGetValue(blob.Name, out var at) && blob.LastModified <= at + OverwriteTolerance))
            {
                continue;
            }

            try
            {
                await using var content = await inbox.OpenReadAsync(blob.Name, cancellationToken);
                if (content is null)
                {
                    continue;
                }

                ingested.Add((blob.Name, await ingestion.IngestAsync(blob.Name, content, cancellationToken)));
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // One blob's storage failure must not hold up the rest; it is tried again next sweep.
                failed.Add($"{blob.Name}: {ex.Message}");
            }

            if (ingested.Count >= options.Value.MaxPerRun)
            {
                break;
            }
        }

        return new ReconcileSummary(scanned, ingested, failed);
    }
}

public sealed record ReconcileSummary(int Scanned, IReadOnlyList<(string Blob, IngestionOutcome Outcome)> Ingested, IReadOnlyList<string> Failed)
{
    public override string ToString() => (Ingested.Count == 0
        ? $"{Scanned} inbox blob(s) checked; none missed"
        : $"{Scanned} inbox blob(s) checked; {Ingested.Count} missed by the trigger and ingested now: "
          + string.Join("; ", Ingested.Take(10).Select(i => $"{i.Blob}: {i.Outcome}"))
          + (Ingested.Count > 10 ? "; …" : string.Empty))
        + (Failed.Count == 0 ? string.Empty : $"; {Failed.Count} failed and will be retried: {string.Join("; ", Failed.Take(5))}");
}

public sealed class ReconcileOptions
{
    public const string SectionName = "Reconcile";

    /// <summary>How old an unprocessed blob must be before the sweep takes it from the trigger.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan Grace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Most blobs one sweep ingests; the next sweep continues.</summary>
    [Range(1, 100_000)]
    public int MaxPerRun { get; set; } = 1000;
}
