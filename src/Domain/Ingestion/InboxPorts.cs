namespace Ingest.Domain.Ingestion;

/// <summary>The inbox container, as the reconciliation sweep sees it.</summary>
public interface IInbox
{
    IAsyncEnumerable<InboxBlob> ListAsync(CancellationToken cancellationToken);

    /// <summary>Opens a blob for reading; null when it was deleted since it was listed.</summary>
    Task<Stream?> OpenReadAsync(string blobName, CancellationToken cancellationToken);
}

public sealed record InboxBlob(string Name, DateTimeOffset LastModified);

/// <summary>One row per inbox blob that ingestion has finished with, whatever the outcome.</summary>
public interface IInboxLedger
{
    Task RecordAsync(InboxLedgerEntry entry, CancellationToken cancellationToken);

    /// <summary>Every recorded blob and when it was last processed.</summary>
    Task<IReadOnlyDictionary<string, DateTimeOffset>> ListAsync(CancellationToken cancellationToken);
}

public sealed record InboxLedgerEntry(string BlobName, IngestionResult Result, string? ArticleId, string? Reason, DateTimeOffset ProcessedAt);
