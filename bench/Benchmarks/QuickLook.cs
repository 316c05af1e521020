using System.Diagnostics;
using Ingest.Domain.Articles;
using Ingest.Domain.Matching;
using Ingest.Domain.Watches;

namespace Ingest.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release -- quick [terms…]</c>: a Stopwatch look at matching throughput for every strategy and term
/// count, in seconds rather than BenchmarkDotNet's minutes. For choosing and tuning; the figures in
/// docs/performance.md come from BenchmarkDotNet.
/// </summary>
public static class QuickLook
{
    private static readonly int[] TermCounts = [10, 64, 128, 256, 1_000, 10_000];

    /// <param name="only">Term counts to measure (all when empty).</param>
    public static void Run(IReadOnlyList<int> only)
    {
        var vocabulary = SyntheticText.Vocabulary(20_000);
        var synthetic = SyntheticText.Articles(vocabulary, MatcherBenchmarks.TextBytes);
        var bbc = BbcBenchmarks.CorpusFolder() is { } folder ? BbcBenchmarks.Load(folder) : null;
        Console.WriteLine($"{"text",-10} {"terms",6} {"strategy",-9} {"watches",-7} {"MB/s",8} {"matches",8} {"KB/op",9}");
        foreach (var terms in TermCounts.Where(t => only.Count == 0 || only.Contains(t)))
        {
            var watches = Watches.Make(Watches.Terms(terms, vocabulary), vocabulary);
            var unseen = Watches.UnusedTerms(terms).Select((t, i) => new Watch($"u{i}", $"Unseen {i}", t)).ToList();
            var absent = Watches.AbsentTerms(terms, synthetic).Select((t, i) => new Watch($"a{i}", $"Absent {i}", t)).ToList();
            var absentBbc = bbc is null ? [] : Watches.AbsentTerms(terms, bbc).Select((t, i) => new Watch($"a{i}", $"Absent {i}", t)).ToList();
            var mix = Watches.Mixed(terms, vocabulary, synthetic);
            var mixBbc = bbc is null ? [] : Watches.Mixed(terms, vocabulary, bbc);
            foreach (var strategy in new[] { MatchStrategy.Search, MatchStrategy.Tokenize })
            {
                Measure("synthetic", terms, strategy, "mixed", KeywordMatcher.Compile(watches, strategy), synthetic);
                Measure("synthetic", terms, strategy, "unseen", KeywordMatcher.Compile(unseen, strategy), synthetic);
                Measure("synthetic", terms, strategy, "absent", KeywordMatcher.Compile(absent, strategy), synthetic);
                Measure("synthetic", terms, strategy, "mix64", KeywordMatcher.Compile(mix, strategy), synthetic);
                if (bbc is not null)
                {
                    Measure("bbc", terms, strategy, "mixed", KeywordMatcher.Compile(watches, strategy), bbc);
                    Measure("bbc", terms, strategy, "unseen", KeywordMatcher.Compile(unseen, strategy), bbc);
                    Measure("bbc", terms, strategy, "absent", KeywordMatcher.Compile(absentBbc, strategy), bbc);
                    Measure("bbc", terms, strategy, "mix64", KeywordMatcher.Compile(mixBbc, strategy), bbc);
                }
            }
        }
    }

    private static void Measure(string text, int terms, MatchStrategy strategy, string kind, KeywordMatcher matcher, IReadOnlyList<Article> articles)
    {
        // QUICK_ONLY=mixed, =bbc, =Tokenize…: only the rows whose text, strategy or watch kind is one of these (comma-separated).
        if (Environment.GetEnvironmentVariable("QUICK_ONLY") is { Length: > 0 } only
            && !only.Split(',').All(o => o == text || o == kind || o == strategy.ToString()))
        {
            return;
        }

        var characters = articles.Sum(SyntheticText.Size);
        var matches = 0;
        var times = new List<double>();

        // Long enough for tiered compilation to replace the first code with optimised code (a fast row's 25
        // runs are over in milliseconds, well before that).
        for (var warm = Stopwatch.StartNew(); warm.ElapsedMilliseconds < 500;)
        {
            foreach (var article in articles)
            {
                matcher.Match(article);
            }
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var budget = Stopwatch.StartNew();
        // 5 to 25 runs within about 3 s; QUICK_RUNS=200 asks for exactly that many (for a profiler to see the matching rather than the setup).
        int? asked = int.TryParse(Environment.GetEnvironmentVariable("QUICK_RUNS"), out var n) ? n : null;
        for (var run = 0; run < (asked ?? 25) && (asked is not null || run < 5 || budget.ElapsedMilliseconds < 3_000); run++)
        {
            var watch = Stopwatch.StartNew();
            matches = 0;
            foreach (var article in articles)
            {
                matches += matcher.Match(article).Count;
            }

            times.Add(watch.Elapsed.TotalSeconds);
        }

        allocated = (GC.GetAllocatedBytesForCurrentThread() - allocated) / times.Count;
        times.Sort();
        var median = times[times.Count / 2];
        Console.WriteLine($"{text,-10} {terms,6} {strategy,-9} {kind,-7} {characters / median / 1e6,8:N0} {matches,8:N0} {allocated / 1024.0,9:N1}");
    }
}
