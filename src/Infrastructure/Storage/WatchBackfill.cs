using Ingest.Domain.Articles;
using Ingest.Domain.Digests;
using Ingest.Domain.Ingestion;
using Ingest.Domain.Matching;
using Ingest.Domain.Watches;

namespace Ingest.Infrastructure.Storage;

/// <summary>
/// Runs one watch over the articles already stored, adding a pending hit for each match. The hit
/// index is insert-once per (watch, article), so a backfill run twice — or over articles the watch
/// already hit — writes each hit exactly once, and never re-sends one already in a digest.
/// </summary>
public sealed class WatchBackfill(TableArticleStore articles, IHitIndex hits)
{
    public async Task<BackfillSummary> RunAsync(Watch watch, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var matcher = KeywordMatcher.Compile([watch with { Enabled = true }]);
        var scanned = 0;
        var matched = 0;
        await foreach (var stored in articles.ListAsync(since, cancellationToken))
        {
            scanned++;
            var article = new Article(stored.Id, stored.Title, stored.Publisher, stored.Standfirst, stored.Body.Split(Article.ParagraphSeparator), stored.Teasers, stored.WordCount);
            var matches = matcher.Match(article);
            if (matches.Count == 0)
            {
                continue;
            }

            var match = matches[0];

            matched++;
            await hits.AddAsync(
                [new IndexedHit(watch.Id, stored.Id, stored.Title, stored.Publisher, (stored.Sources.Count > 0 ? stored.Sources[0] : string.Empty), stored.IngestedAt, match.Hits) { SimHash = SimHash.Compute(article) }],
                cancellationToken);
        }

        return new BackfillSummary(scanned, matched);
    }
}

public sealed record BackfillSummary(int Scanned, int Matched);
