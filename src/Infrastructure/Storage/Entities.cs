using Azure;
using Azure.Data.Tables;

namespace Ingest.Infrastructure.Storage;

/// <summary>Row <c>article</c> in the article's own partition (the article id).</summary>
public sealed class ArticleEntity : ITableEntity
{
    public const string Row = "article";

    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = Row;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Title { get; set; } = string.Empty;

    public string? Publisher { get; set; }

    public string? Standfirst { get; set; }

    /// <summary>The body, paragraphs separated by a blank line; null when it lives in <see cref="BodyBlob"/>.</summary>
    public string? Body { get; set; }

    /// <summary>Blob (in the body container) holding a body too large for a table property.</summary>
    public string? BodyBlob { get; set; }

    public int ParagraphCount { get; set; }

    public int BodyLength { get; set; }

    /// <summary>Related-story teasers as a JSON array of strings.</summary>
    public string? TeasersJson { get; set; }

    public int WordCount { get; set; }

    /// <summary>The byline, when the drop named one.</summary>
    public string? Author { get; set; }

    /// <summary>The publication time the drop stated; null when it stated none.</summary>
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>The article's own URL, when the drop gave one.</summary>
    public string? CanonicalUrl { get; set; }

    public string FirstSource { get; set; } = string.Empty;

    public DateTimeOffset IngestedAt { get; set; }

    public bool HitsIndexed { get; set; }
}

/// <summary>Row <c>source|{blob}</c> in the article's partition: one per blob the article arrived in.</summary>
public sealed class ArticleSourceEntity : ITableEntity
{
    public const string RowPrefix = "source|";

    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string BlobName { get; set; } = string.Empty;

    public DateTimeOffset IngestedAt { get; set; }
}

/// <summary>
/// Hit index rows, partitioned by watch: <c>hit|{article}</c> is the permanent entry (its DigestId set
/// once claimed) and <c>pending|{article}</c> a copy that exists until a digest claims it.
/// </summary>
public sealed class HitEntity : ITableEntity
{
    public const string HitPrefix = "hit|";
    public const string PendingPrefix = "pending|";

    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string ArticleId { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public string? Publisher { get; set; }

    public string SourceBlob { get; set; } = string.Empty;

    public DateTimeOffset IngestedAt { get; set; }

    public int HitCount { get; set; }

    public bool TitleHit { get; set; }

    /// <summary>The explained hits (keyword, field, offsets, snippet) as JSON, at most <see cref="TableHitIndex.MaxStoredHits"/>.</summary>
    public string HitsJson { get; set; } = "[]";

    /// <summary>The article's SimHash (as a signed 64-bit value), for collapsing near-duplicates.</summary>
    public long SimHash { get; set; }

    /// <summary>The digest this hit was delivered in; empty while pending.</summary>
    public string DigestId { get; set; } = string.Empty;
}

/// <summary>Watches live in one partition, <c>watch</c>, keyed by watch id.</summary>
public sealed class WatchEntity : ITableEntity
{
    public const string Partition = "watch";

    public string PartitionKey { get; set; } = Partition;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Name { get; set; } = string.Empty;

    /// <summary>The watch expression. Null only on rows written before expressions existed.</summary>
    public string? Expression { get; set; }

    /// <summary>Legacy: the keyword list (JSON array) of rows written before expressions; read, never written.</summary>
    public string? KeywordsJson { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>The digest cadence in its text form; empty for as-it-happens.</summary>
    public string? Cadence { get; set; }

    /// <summary>Null on legacy rows, meaning 1.</summary>
    public int? MinimumHits { get; set; }
}

/// <summary>The run lease of a watch: row <c>lease</c> in the watch's digest-state partition.</summary>
public sealed class DigestLeaseEntity : ITableEntity
{
    public const string Row = "lease";

    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = Row;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Owner { get; set; } = string.Empty;

    public DateTimeOffset LeaseUntil { get; set; }
}

/// <summary>
/// A digest in the outbox (<c>outbox|{id}</c>) until every channel has it, then moved, in one
/// transaction, to the history (<c>sent|{id}</c>).
/// </summary>
public sealed class DigestEntity : ITableEntity
{
    public const string OutboxPrefix = "outbox|";
    public const string SentPrefix = "sent|";

    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string DigestId { get; set; } = string.Empty;

    public string Status { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public int ItemCount { get; set; }

    public string DeliveredChannels { get; set; } = string.Empty;

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}

/// <summary>A quarantined drop: partition is the encoded blob name, row the content fingerprint.</summary>
public sealed class QuarantineEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string BlobName { get; set; } = string.Empty;

    public string? BlobETag { get; set; }

    public long Size { get; set; }

    public string Reason { get; set; } = string.Empty;

    public DateTimeOffset FailedAt { get; set; }

    /// <summary>Name of the copy in the quarantine container; null when the original was gone.</summary>
    public string? QuarantineBlob { get; set; }
}
