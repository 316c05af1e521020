using Ingest.Domain.Matching;

namespace Ingest.Domain.Digests;

/// <summary>
/// The hits of one watch in one article as the hit index stores them: everything a digest needs,
/// so composing a digest never reads the articles table.
/// </summary>
public record IndexedHit(
    string WatchId,
    string ArticleId,
    string Title,
    string? Publisher,
    string SourceBlob,
    DateTimeOffset IngestedAt,
    IReadOnlyList<KeywordHit> Hits)
{
    /// <summary>Hits in the article; the index may keep fewer explained <see cref="Hits"/> than this.</summary>
    public int HitCount { get; init; } = Hits.Count;

    /// <summary>The article's <see cref="Articles.SimHash"/>, for collapsing near-duplicates; 0 when unknown.</summary>
    public ulong SimHash { get; init; }
}
