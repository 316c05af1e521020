using Ingest.Domain.Articles;
using Ingest.Domain.Watches;

namespace Ingest.Domain.Digests;

/// <summary>Turns claimed hits into a digest: title hits first, then by hit count, then newest first.</summary>
public static class DigestComposer
{
    /// <summary>Snippets shown per article; the hit count still counts them all.</summary>
    public const int SnippetsPerItem = 3;

    public static Digest Compose(string digestId, Watch watch, DateTimeOffset createdAt, IEnumerable<IndexedHit> hits)
    {
        var items = hits
            .Select(h => new DigestItem(
                h.ArticleId,
                h.Title,
                h.Publisher,
                h.SourceBlob,
                h.IngestedAt,
                h.HitCount,
                h.Hits.Any(x => x.Field == ArticleField.Title),
                h.Hits
                    .OrderBy(x => x.Field)
                    .ThenBy(x => x.Offset)
                    .Take(SnippetsPerItem)
                    .Select(x => new DigestSnippet(x.Field, x.Keyword, x.Snippet, x.SnippetMatchStart, x.SnippetMatchLength))
                    .ToList()))
            .OrderByDescending(i => i.TitleHit)
            .ThenByDescending(i => i.HitCount)
            .ThenByDescending(i => i.IngestedAt)
            .ThenBy(i => i.ArticleId, StringComparer.Ordinal)
            .ToList();
        return new Digest(digestId, watch.Id, watch.Name, createdAt, items);
    }
}
