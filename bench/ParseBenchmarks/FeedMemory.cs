using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Ingest.Domain.Articles;
using Ingest.Domain.Digests;
using Ingest.Domain.Ingestion;
using Ingest.Domain.Parsing;
using Ingest.Domain.Watches;
using Microsoft.Extensions.Options;

namespace Ingest.ParseBenchmarks;

/// <summary>
/// Load harness: <c>dotnet run -c Release --project bench/ParseBenchmarks -- feed-memory [MiB]</c>.
/// Writes an RSS feed of about that size (default 50 MiB) of invented articles, then ingests it through
/// <see cref="NewsIngestion"/> — plain and gzipped — with stores that only count, sampling the managed
/// heap and the process's working set every few milliseconds. For comparison it also parses the same
/// file read whole into memory, as every drop was read before feeds were streamed.
/// </summary>
public static class FeedMemory
{
    public static async Task RunAsync(int mebibytes)
    {
        var folder = Directory.CreateTempSubdirectory("ingest-feed-memory-");
        try
        {
            var feed = Path.Combine(folder.FullName, "feed.xml");
            var items = Write(feed, (long)mebibytes << 20);
            var gzip = feed + ".gz";
            await using (var input = File.OpenRead(feed))
            await using (var output = new GZipStream(File.Create(gzip), CompressionLevel.Fastest))
            {
                await input.CopyToAsync(output);
            }

            // Warm up (JIT, tiering) on a smaller feed first, so the first measured run is not also the slowest.
            var small = Path.Combine(folder.FullName, "small.xml");
            Write(small, 12L << 20);
            await Ingest(small);
            ParseWhole(small);

            Console.WriteLine($"Feed: {new FileInfo(feed).Length:N0} bytes, {items:N0} items; gzipped: {new FileInfo(gzip).Length:N0} bytes");
            Console.WriteLine($"{"run",-28} {"items",8} {"seconds",8} {"peak heap MiB",14} {"working set MiB (before → peak)",32} {"allocated MiB",14}");
            await Measure("streamed (NewsIngestion)", () => Ingest(feed));
            await Measure("streamed, gzip", () => Ingest(gzip));
            await Measure("read whole, then parsed", () => Task.FromResult(ParseWhole(feed)));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task Measure(string name, Func<Task<int>> run)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var baseHeap = GC.GetTotalMemory(forceFullCollection: true);
        var peakHeap = baseHeap;
        var startWorkingSet = Environment.WorkingSet;
        var peakWorkingSet = startWorkingSet;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
                peakWorkingSet = Math.Max(peakWorkingSet, Environment.WorkingSet);
                await Task.Delay(2);
            }
        });
        var clock = Stopwatch.StartNew();
        var items = await run();
        var seconds = clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await sampler;
        Console.WriteLine(
            $"{name,-28} {items,8:N0} {seconds,8:N1} {(peakHeap - baseHeap) / 1048576.0,14:N1} {$"{startWorkingSet / 1048576.0:N0} → {peakWorkingSet / 1048576.0:N0}",32} {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0,14:N0}");
    }

    private static async Task<int> Ingest(string path)
    {
        var articles = new CountingArticles();
        var time = TimeProvider.System;
        using var catalog = new WatchCatalog(new FixedWatches(), time, Options.Create(new WatchOptions()));
        var options = new IngestionOptions { MaxItemsPerFile = 100_000, MaxDecompressedBytes = 1L << 30 };
        var ingestion = new NewsIngestion(new NewsDocumentParser(), articles, new CountingHits(), new CountingQuarantine(), new NoLedger(), catalog, time, Options.Create(options));
        await using var stream = File.OpenRead(path);
        var outcome = await ingestion.IngestAsync(Path.GetFileName(path), stream, CancellationToken.None);
        return outcome.StoredCount;
    }

    private static int ParseWhole(string path)
    {
        var document = new NewsDocumentParser().Parse(File.ReadAllBytes(path), new ParseLimits(1L << 30, 100_000, 2000, 1_000_000));
        return document.Items.Count(i => i.Article is not null);
    }

    /// <summary>An RSS feed of numbered invented articles, written straight to disk; returns how many items.</summary>
    private static int Write(string path, long bytes)
    {
        string[] words = ["harbour", "council", "ferry", "timetable", "islanders", "repairs", "budget", "minister", "sanctions", "trade", "pier", "storm", "weekend", "report", "services", "crossing"];
        var random = new Random(3);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.Write("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Harbour Gazette</title>\n");
        var items = 0;
        while (writer.BaseStream.Length < bytes)
        {
            items++;
            var body = new StringBuilder();
            for (var p = 0; p < 12; p++)
            {
                body.Append("<p>");
                for (var w = 0; w < 60; w++)
                {
                    body.Append(words[random.Next(words.Length)]).Append(w % 12 == 11 ? ". " : " ");
                }

                body.Append($"Item {items}, paragraph {p}.</p>");
            }

            writer.Write($"<item><title>Harbour report number {items}</title><link>https://news.example/harbour/{items}</link><pubDate>Fri, 14 Mar 2025 09:00:00 GMT</pubDate>");
            writer.Write($"<description>Standfirst of report {items}.</description><content:encoded><![CDATA[{body}]]></content:encoded></item>\n");
            writer.Flush();
        }

        writer.Write("</channel></rss>\n");
        return items;
    }

    private sealed class CountingArticles : IArticleStore
    {
        public Task<StoredArticle?> FindAsync(string articleId, CancellationToken cancellationToken) => Task.FromResult<StoredArticle?>(null);

        public Task<bool> TryCreateAsync(Article article, ArticleSource source, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task AddSourceAsync(string articleId, ArticleSource source, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task MarkHitsIndexedAsync(string articleId, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class CountingHits : IHitIndex
    {
        public Task AddAsync(IReadOnlyList<IndexedHit> hits, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyList<IndexedHit>> ListPendingAsync(string watchId, int max, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<IndexedHit>>([]);

        public Task<IReadOnlyList<IndexedHit>> ClaimAsync(string watchId, string digestId, IReadOnlyList<IndexedHit> pending, CancellationToken cancellationToken) => Task.FromResult(pending);

        public Task<IReadOnlyList<IndexedHit>> ListClaimedAsync(string watchId, string digestId, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<IndexedHit>>([]);
    }

    private sealed class CountingQuarantine : IQuarantine
    {
        public Task QuarantineAsync(IngestionFailure failure, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"The harness feed was quarantined: {failure.Reason}");
    }

    private sealed class NoLedger : IInboxLedger
    {
        public Task RecordAsync(InboxLedgerEntry entry, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyDictionary<string, DateTimeOffset>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyDictionary<string, DateTimeOffset>>(new Dictionary<string, DateTimeOffset>());
    }

    private sealed class FixedWatches : IWatchStore
    {
        private static readonly Watch[] Watches = [new("sanctions", "Sanctions", "sanctions"), new("ferries", "Ferries", "ferry NEAR/5 timetable"), new("storms", "Storms", "\"storm weekend\"")];

        public Task<IReadOnlyList<Watch>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Watch>>(Watches);

        public Task<bool> AddIfMissingAsync(Watch watch, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task UpsertAsync(Watch watch, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<bool> RemoveAsync(string watchId, CancellationToken cancellationToken) => Task.FromResult(false);
    }
}
