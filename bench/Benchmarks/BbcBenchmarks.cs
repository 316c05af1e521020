using BenchmarkDotNet.Attributes;
using Ingest.Domain.Articles;
using Ingest.Domain.Matching;
using Ingest.Domain.Parsing;

namespace Ingest.Benchmarks;

/// <summary>
/// Matching throughput over the BBC corpus in ../shared/corpus/bbc (read at setup, never copied), one
/// operation matching every article once. Program leaves this class out, with a message, when the corpus is absent.
/// </summary>
[MemoryDiagnoser]
public class BbcBenchmarks
{
    private IReadOnlyList<Article> articles = [];
    private KeywordMatcher matcher = KeywordMatcher.Empty;
    private KeywordMatcher unseen = KeywordMatcher.Empty;
    private KeywordMatcher absent = KeywordMatcher.Empty;
    private KeywordMatcher mixed = KeywordMatcher.Empty;

    [Params(10, 64, 1_000, 10_000)]
    public int Terms { get; set; }

    public static string? CorpusFolder()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Ingest.sln")))
                {
                    var corpus = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpus", "bbc"));
                    return Directory.Exists(corpus) ? corpus : null;
                }
            }
        }

        return null;
    }

    public static IReadOnlyList<Article> Load(string folder)
    {
        var parser = new PlainTextNewsParser();
        return [.. Directory.EnumerateFiles(folder, "*.txt", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).Equals("README.TXT", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(f => NewsTextDecoder.Decode(File.ReadAllBytes(f)).Text)
            .Where(t => t is not null)
            .Select(t => parser.Parse(t!).Article)
            .OfType<Article>()];
    }

    [GlobalSetup]
    public void Setup()
    {
        var folder = CorpusFolder() ?? throw new InvalidOperationException("../shared/corpus/bbc is absent.");
        articles = Load(folder);
        var vocabulary = SyntheticText.Vocabulary(20_000);
        matcher = KeywordMatcher.Compile(Watches.Make(Watches.Terms(Terms, vocabulary), vocabulary));
        unseen = KeywordMatcher.Compile(Watches.UnusedTerms(Terms).Select((t, i) => new Ingest.Domain.Watches.Watch($"u{i}", $"Unseen {i}", t)));
        absent = KeywordMatcher.Compile(Watches.AbsentTerms(Terms, articles).Select((t, i) => new Ingest.Domain.Watches.Watch($"a{i}", $"Absent {i}", t)));
        mixed = KeywordMatcher.Compile(Watches.Mixed(Terms, vocabulary, articles));
        Console.WriteLine($"// BBC: {articles.Count} articles, {articles.Sum(SyntheticText.Size):N0} characters; {matcher.WatchCount} watches ({matcher.Strategy}), {articles.Sum(a => matcher.Match(a).Count):N0} watch hits; absent: {absent.WatchCount} ({absent.Strategy}), {articles.Sum(a => absent.Match(a).Count)} hits; mixed: {mixed.WatchCount} ({mixed.Strategy}), {articles.Sum(a => mixed.Match(a).Count)} hits");
    }

    [Benchmark]
    public int MatchBbc() => MatcherBenchmarks.MatchAll(matcher, articles);

    /// <summary>The dense watches, reading the snippets storage keeps (see <see cref="MatcherBenchmarks.MatcherStoredSnippets"/>).</summary>
    [Benchmark]
    public int MatchBbcStoredSnippets() => MatcherBenchmarks.MatchAllReadingSnippets(matcher, articles);

    /// <summary>As many watches, each a bare word the corpus never uses: the scan alone, on real text.</summary>
    [Benchmark]
    public int MatchBbcNoHits() => MatcherBenchmarks.MatchAll(unseen, articles);

    /// <summary>As many watches, each an English-like word the corpus never uses (common first letters).</summary>
    [Benchmark]
    public int MatchBbcAbsent() => MatcherBenchmarks.MatchAll(absent, articles);

    /// <summary>64 of the dense watches among absent ones (see <see cref="MatcherBenchmarks.MatcherMixed"/>).</summary>
    [Benchmark]
    public int MatchBbcMixed() => MatcherBenchmarks.MatchAll(mixed, articles);
}
