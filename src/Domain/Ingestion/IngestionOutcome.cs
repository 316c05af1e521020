namespace Ingest.Domain.Ingestion;

public enum IngestionResult
{
    /// <summary>A new article was recorded.</summary>
    Stored,

    /// <summary>The article was already recorded from another drop; this blob was added as a source.</summary>
    Duplicate,

    /// <summary>The drop is not readable news; it was quarantined with the reason.</summary>
    Quarantined,
}

/// <summary>What became of one drop. <see cref="ToString"/> is the readable half of the ingestion log line.</summary>
public sealed record IngestionOutcome(IngestionResult Result, string? ArticleId, string? Title, IReadOnlyList<string> Watches, string? Reason)
{
    public override string ToString() => Result switch
    {
        IngestionResult.Stored => $"stored article {ArticleId} \"{Title}\"; watches hit: {(Watches.Count == 0 ? "none" : string.Join(", ", Watches))}",
        IngestionResult.Duplicate => $"duplicate of article {ArticleId} \"{Title}\"; recorded as another source",
        _ => $"quarantined: {Reason}",
    };
}
