using Ingest.Domain.Articles;
using Ingest.Domain.Digests;

namespace Ingest.Domain.Ingestion;

/// <summary>Where articles are recorded. Article ids are content hashes, so a create can conflict with an earlier drop.</summary>
public interface IArticleStore
{
    Task<StoredArticle?> FindAsync(string articleId, CancellationToken cancellationToken);

    /// <summary>Records a new article with its first source. Returns false when the article already exists.</summary>
    Task<bool> TryCreateAsync(Article article, ArticleSource source, CancellationToken cancellationToken);

    /// <summary>Notes another blob the same article arrived in. Idempotent.</summary>
    Task AddSourceAsync(string articleId, ArticleSource source, CancellationToken cancellationToken);

    /// <summary>Marks the article's keyword hits as written to the hit index, ending its ingestion.</summary>
    Task MarkHitsIndexedAsync(string articleId, CancellationToken cancellationToken);
}

public sealed record ArticleSource(string BlobName, DateTimeOffset IngestedAt);

public sealed record StoredArticle(string Id, string Title, DateTimeOffset IngestedAt, bool HitsIndexed);

/// <summary>The keyword-hit index: one entry per watch and article, read by digests instead of articles.</summary>
public interface IHitIndex
{
    /// <summary>Adds pending hits. An entry that already exists (a retry, a re-drop) is left as it is.</summary>
    Task AddAsync(IReadOnlyList<IndexedHit> hits, CancellationToken cancellationToken);

    Task<IReadOnlyList<IndexedHit>> ListPendingAsync(string watchId, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Assigns pending hits to a digest. A hit another runner claimed first is left out, so each
    /// hit belongs to exactly one digest. Returns the hits this call claimed.
    /// </summary>
    Task<IReadOnlyList<IndexedHit>> ClaimAsync(string watchId, string digestId, IReadOnlyList<IndexedHit> pending, CancellationToken cancellationToken);

    Task<IReadOnlyList<IndexedHit>> ListClaimedAsync(string watchId, string digestId, CancellationToken cancellationToken);
}

/// <summary>Where drops that could not be ingested are kept, with their reason, so nothing is lost.</summary>
public interface IQuarantine
{
    Task QuarantineAsync(IngestionFailure failure, CancellationToken cancellationToken);
}

/// <param name="Fingerprint">Identifies the failed content, so re-processing the same drop updates one record.</param>
public sealed record IngestionFailure(string BlobName, string Fingerprint, long Size, string Reason, DateTimeOffset FailedAt);
