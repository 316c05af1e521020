using Ingest.Domain.Articles;
using Ingest.Domain.Watches;

namespace Ingest.Domain.Digests;

/// <summary>Turns claimed hits into a digest: title hits first, then by hit count, then newest first.</summary>
public static class DigestComposer
{
    /// <summary>
    /// Snippets shown per article; the hit count still counts them all. Two hits of the same keyword at the same
    /// place (<c>title:ferry OR ferry</c> over a title "Ferry" is two hits) show one snippet.
    /// </summary>
    public const int SnippetsPerItem = 3;

    public static Digest Compose(string digestId, Watch watch, DateTimeOffset createdAt, IEnumerable<IndexedHit> hits)
    {
        var ranked = hits
            .Select(h => (Hit: h, Item: new DigestItem(
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
                    .DistinctBy(x => (x.Field, x.Offset, x.Length, x.Keyword))
                    .Take(SnippetsPerItem)
                    .Select(x => new DigestSnippet(x.Field, x.Keyword, x.Snippet, x.SnippetMatchStart, x.SnippetMatchLength))
                    .ToList())))
            .OrderByDescending(x => x.Item.TitleHit)
            .ThenByDescending(x => x.Item.HitCount)
            .ThenByDescending(x => x.Item.IngestedAt)
            .ThenBy(x => x.Item.ArticleId, StringComparer.Ordinal)
            .ToList();
        return new Digest(digestId, watch.Id, watch.Name, createdAt, CollapseNearDuplicates(ranked));
    }

    /// <summary>
    /// Folds each near-duplicate copy of a story (by SimHash) into the best-ranked item of that story,
    /// which then lists the other publishers as "also reported by".
    /// </summary>
    private static List<DigestItem> CollapseNearDuplicates(List<(IndexedHit Hit, DigestItem Item)> ranked)
    {
        var kept = new List<(ulong SimHash, DigestItem Item, List<string> Publishers, List<string> Ids)>();
        foreach (var (hit, item) in ranked)
        {
            var story = kept.FindIndex(k => SimHash.SameStory(k.SimHash, hit.SimHash));
            if (story < 0)
            {
                kept.Add((hit.SimHash, item, [], []));
                continue;
            }

            kept[story].Ids.Add(item.ArticleId);
            if (item.Publisher is { } publisher && publisher != kept[story].Item.Publisher && !kept[story].Publishers.Contains(publisher))
            {
                kept[story].Publishers.Add(publisher);
            }
        }

        return kept.Select(k => k.Item with { AlsoReportedBy = k.Publishers, DuplicateArticleIds = k.Ids }).ToList();
    }
}
