namespace Ingest.Domain.Ingestion;

public enum IngestionResult
{
    /// <summary>A new article was recorded (for a file of several, at least one).</summary>
    Stored,

    /// <summary>The article was already recorded from another drop; this blob was added as a source.</summary>
    Duplicate,

    /// <summary>The drop is not readable news (for a file of several, no item was); it was quarantined with the reason.</summary>
    Quarantined,
}

/// <summary>
/// What became of one drop. For a file of several articles (a feed, a JSON array, NDJSON),
/// <see cref="Result"/> is Stored when any item was stored, else Duplicate when any was already known,
/// else Quarantined; <see cref="ArticleId"/> and <see cref="Title"/> are the first readable item's,
/// <see cref="Watches"/> every watch any item hit, and <see cref="Reason"/> the first failure, if any.
/// <see cref="Items"/> has one entry per item. <see cref="ToString"/> is the readable half of the ingestion log line.
/// </summary>
public sealed record IngestionOutcome(IngestionResult Result, string? ArticleId, string? Title, IReadOnlyList<string> Watches, string? Reason)
{
    /// <summary>The format read, e.g. "text", "html", "rss", "gzip+json"; null when the file was refused before it was read.</summary>
    public string? Format { get; init; }

    /// <summary>One outcome per item of the file, in file order; empty when the file as a whole was refused.</summary>
    public IReadOnlyList<ItemOutcome> Items { get; init; } = [];

    public int StoredCount => Items.Count(i => i.Result == IngestionResult.Stored);

    public int DuplicateCount => Items.Count(i => i.Result == IngestionResult.Duplicate);

    public int QuarantinedCount => Items.Count == 0 && Result == IngestionResult.Quarantined ? 1 : Items.Count(i => i.Result == IngestionResult.Quarantined);

    public override string ToString()
    {
        if (Items.Count > 1)
        {
            var summary = $"{Format} with {Items.Count} items: {StoredCount} stored, {DuplicateCount} duplicate, {QuarantinedCount} quarantined";
            if (Title is not null)
            {
                summary += $"; first \"{Title}\"";
            }

            summary += $"; watches hit: {(Watches.Count == 0 ? "none" : string.Join(", ", Watches))}";
            return Reason is null ? summary : summary + $"; first failure: {Reason}";
        }

        return Result switch
        {
            IngestionResult.Stored => $"stored article {ArticleId} \"{Title}\"; watches hit: {(Watches.Count == 0 ? "none" : string.Join(", ", Watches))}",
            IngestionResult.Duplicate => $"duplicate of article {ArticleId} \"{Title}\"; recorded as another source",
            _ => $"quarantined: {Reason}",
        };
    }
}

/// <summary>What became of one item of a drop. <see cref="Number"/> counts from 1 in file order.</summary>
public sealed record ItemOutcome(int Number, IngestionResult Result, string? ArticleId, string? Title, IReadOnlyList<string> Watches, string? Reason);
