using BenchmarkDotNet.Attributes;
using Ingest.Domain.Articles;
using Ingest.Domain.Matching;
using Ingest.Domain.Watches;

namespace Ingest.Benchmarks;

/// <summary>
/// The worst text for a NEAR chain: one article that is a single word repeated, matched by chains of that word,
/// which can be made in millions of ways. One operation matches the article once. What a chain costs here is
/// bounded by the places it holds (each kept once) and by the pairs it may look at (KeywordMatcher's NEAR bound);
/// the last case is an ordinary density for comparison: the word every tenth word.
/// </summary>
[MemoryDiagnoser]
public class NearChainBenchmarks
{
    private Article article = null!;
    private KeywordMatcher matcher = KeywordMatcher.Empty;

    [Params(
        "alpha NEAR/100 alpha|1000|1",
        "alpha NEAR/100 alpha NEAR/100 alpha|500|1",
        "alpha NEAR/100 alpha NEAR/100 alpha|1000|1",
        "alpha NEAR/10 alpha NEAR/10 alpha NEAR/10 alpha|300|1",
        "alpha NEAR/50 alpha NEAR/50 alpha|3000|10")]
    public string Case { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var parts = Case.Split('|');
        var (words, every) = (int.Parse(parts[1]), int.Parse(parts[2]));
        var body = string.Join(' ', Enumerable.Range(0, words).Select(i => i % every == 0 ? "alpha" : $"w{i}"));
        article = new Article(ContentHash.Compute("Title", [body]), "Title", null, null, [body], [], 0);
        matcher = KeywordMatcher.Compile([new Watch("near", "Near", parts[0])]);
        Console.WriteLine($"// {parts[0]} over {words:N0} words (the word every {every}): {matcher.Match(article).SingleOrDefault()?.Hits.Count ?? 0:N0} hits");
    }

    [Benchmark]
    public int Match() => matcher.Match(article).Sum(m => m.Hits.Count);
}
