using System.Diagnostics.Metrics;
using Ingest.Domain.Ingestion;
using Ingest.Domain.Parsing;
using Ingest.Domain.Watches;
using Microsoft.Extensions.Options;

namespace Ingest.Domain.Tests;

public sealed class IngestMetricsTests
{
    [Fact]
    public async Task Ingest_ArticleHittingAWatch_CountsOneHitTaggedWithTheWatch()
    {
        var watchId = "metrics-" + Guid.NewGuid().ToString("n")[..8];
        var hits = new List<(long Value, string? Watch)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == IngestMetrics.MeterName && instrument.Name == "ingest.hits.indexed")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "watch" && (string?)tag.Value == watchId)
                {
                    lock (hits)
                    {
                        hits.Add((value, watchId));
                    }
                }
            }
        });
        listener.Start();
        var time = new ManualTimeProvider();
        using var catalog = new WatchCatalog(new InMemoryWatchStore(WatchBuilder.Named(watchId, "ferry")), time, Options.Create(new WatchOptions()));
        var ingestion = new NewsIngestion(new NewsDocumentParser(), new InMemoryArticleStore(), new InMemoryHitIndex(), new InMemoryQuarantine(), new InMemoryInboxLedger(), catalog, time, Options.Create(new IngestionOptions()));

        await ingestion.IngestAsync("metrics.txt", new MemoryStream(new NewsDropBuilder().BuildUtf8()), default);
        await ingestion.IngestAsync("metrics-copy.txt", new MemoryStream(new NewsDropBuilder().BuildUtf8()), default);
        Assert.Equal([(1L, watchId)], hits);

        // A feed counts per article: three items hitting the watch count three.
        var ndjson = string.Join('\n', Enumerable.Range(1, 3).Select(i =>
            $"{{\"title\": \"Ferry story {i}\", \"content\": \"The ferry number {i} sailed late on the {i}th crossing of the morning.\"}}"));
        var feed = await ingestion.IngestAsync("metrics.ndjson", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(ndjson)), default);
        Assert.Equal(3, feed.StoredCount);
        Assert.Equal(4, hits.Count);
    }
}
