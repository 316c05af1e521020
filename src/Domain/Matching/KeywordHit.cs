using Ingest.Domain.Articles;

namespace Ingest.Domain.Matching;

/// <summary>
/// One occurrence of a watched term, explained: which clause of the watch expression matched
/// (<paramref name="Keyword"/>: the term or phrase as written, e.g. <c>sanction*</c> or <c>"foreign minister"</c>),
/// in which field, where (character offsets into that field), and a snippet around it with the match
/// located inside the snippet.
/// </summary>
public sealed record KeywordHit(
    string Keyword,
    ArticleField Field,
    int Offset,
    int Length,
    string Snippet,
    int SnippetMatchStart,
    int SnippetMatchLength);

/// <summary>All hits of one watch in one article.</summary>
public sealed record WatchMatch(string WatchId, string WatchName, IReadOnlyList<KeywordHit> Hits)
{
    public bool InTitle => Hits.Any(h => h.Field == ArticleField.Title);
}
