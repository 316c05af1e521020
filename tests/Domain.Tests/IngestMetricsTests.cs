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
    }
}
