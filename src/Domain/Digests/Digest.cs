using Ingest.Domain.Articles;

namespace Ingest.Domain.Digests;

/// <summary>A notification for one watch listing the articles that hit it since its previous digest.</summary>
/// <param name="Id">Stable id, assigned before delivery; channels use it as the idempotency key.</param>
public sealed record Digest(
    string Id,
    string WatchId,
    string WatchName,
    DateTimeOffset CreatedAt,
    IReadOnlyList<DigestItem> Items)
{
    public int TotalHits => Items.Sum(i => i.HitCount);
}

/// <summary>One article in a digest, with the evidence for why it is there.</summary>
public sealed record DigestItem(
    string ArticleId,
    string Title,
    string? Publisher,
    string SourceBlob,
    DateTimeOffset IngestedAt,
    int HitCount,
    bool TitleHit,
    IReadOnlyList<DigestSnippet> Snippets)
{
    /// <summary>Publishers of near-duplicate copies of this story, collapsed into this item.</summary>
    public IReadOnlyList<string> AlsoReportedBy { get; init; } = [];

    /// <summary>Article ids of the collapsed copies; their hits are delivered in this digest too.</summary>
    public IReadOnlyList<string> DuplicateArticleIds { get; init; } = [];
}

/// <summary>A snippet around a hit; <see cref="MatchStart"/> and <see cref="MatchLength"/> locate the match inside it.</summary>
public sealed record DigestSnippet(ArticleField Field, string Keyword, string Text, int MatchStart, int MatchLength);
