using System.Diagnostics.Metrics;

namespace Ingest.Domain;

/// <summary>
/// The app's counters, on the <c>Ingest</c> meter: exported to Application Insights through
/// OpenTelemetry in Azure, readable with <c>dotnet-counters monitor --counters Ingest</c> anywhere.
/// </summary>
public static class IngestMetrics
{
    public const string MeterName = "Ingest";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Articles recorded for the first time.</summary>
    public static readonly Counter<long> ArticlesStored = Meter.CreateCounter<long>("ingest.articles.stored", "{article}", "Articles recorded for the first time");

    /// <summary>Drops recognised as an article already recorded.</summary>
    public static readonly Counter<long> ArticlesDuplicate = Meter.CreateCounter<long>("ingest.articles.duplicate", "{article}", "Drops of an article already recorded");

    /// <summary>Drops quarantined, tagged with nothing identifying (reasons vary without bound).</summary>
    public static readonly Counter<long> DropsQuarantined = Meter.CreateCounter<long>("ingest.drops.quarantined", "{drop}", "Drops that could not be ingested and were quarantined");

    /// <summary>Keyword hits indexed, tagged <c>watch</c>.</summary>
    public static readonly Counter<long> HitsIndexed = Meter.CreateCounter<long>("ingest.hits.indexed", "{hit}", "Articles that hit a watch");

    /// <summary>Digests delivered to every channel, tagged <c>watch</c>.</summary>
    public static readonly Counter<long> DigestsSent = Meter.CreateCounter<long>("ingest.digests.sent", "{digest}", "Digests delivered to every channel");
}
