using System.Buffers;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Ingest.Domain.Articles;
using Ingest.Domain.Matching;
using Ingest.Domain.Watches;

namespace Ingest.Benchmarks;

/// <summary>
/// Matching throughput over about 1 MB of synthetic English-like text (one operation matches every
/// article once; MB/s = <see cref="TextBytes"/> / mean time), against watches of 10, 1,000 and 10,000 terms,
/// and two baselines over the same text: one case-insensitive Regex alternation of the same terms, which does no
/// inflection, phrases or expressions, and <c>SearchValues&lt;string&gt;</c> of the absent terms, which finds every
/// substring occurrence (the reference the targets were set against: docs/performance.md).
/// </summary>
[MemoryDiagnoser]
public class MatcherBenchmarks
{
    public const int TextBytes = 1_000_000;

    private IReadOnlyList<Article> articles = [];
    private KeywordMatcher matcher = KeywordMatcher.Empty;
    private KeywordMatcher unseen = KeywordMatcher.Empty;
    private KeywordMatcher unseenTokenized = KeywordMatcher.Empty;
    private KeywordMatcher absent = KeywordMatcher.Empty;
    private KeywordMatcher mixed = KeywordMatcher.Empty;
    private Regex? alternation;
    private SearchValues<string> substrings = SearchValues.Create([], StringComparison.OrdinalIgnoreCase);

    [Params(10, 64, 1_000, 10_000)]
    public int Terms { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var vocabulary = SyntheticText.Vocabulary(20_000);
        articles = SyntheticText.Articles(vocabulary, TextBytes);
        var terms = Watches.Terms(Terms, vocabulary);
        matcher = KeywordMatcher.Compile(Watches.Make(terms, vocabulary));
        unseen = KeywordMatcher.Compile(Watches.UnusedTerms(Terms).Select((t, i) => new Watch($"u{i}", $"Unseen {i}", t)));
        unseenTokenized = KeywordMatcher.Compile(Watches.UnusedTerms(Terms).Select((t, i) => new Watch($"u{i}", $"Unseen {i}", t)), MatchStrategy.Tokenize);
        var absentTerms = Watches.AbsentTerms(Terms, articles);
        absent = KeywordMatcher.Compile(absentTerms.Select((t, i) => new Watch($"a{i}", $"Absent {i}", t)));
        mixed = KeywordMatcher.Compile(Watches.Mixed(Terms, vocabulary, articles));
        alternation = Terms <= 1_000
            ? new Regex(@"\b(?:" + string.Join('|', terms.Select(Regex.Escape)) + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled)
            : null;
        substrings = SearchValues.Create([.. absentTerms.Distinct(StringComparer.OrdinalIgnoreCase)], StringComparison.OrdinalIgnoreCase);
        Console.WriteLine($"// {articles.Count} articles, {articles.Sum(SyntheticText.Size):N0} characters; {matcher.WatchCount} watches ({matcher.Strategy}); {articles.Sum(a => matcher.Match(a).Count):N0} watch hits; unseen-term watches hit {articles.Sum(a => unseen.Match(a).Count):N0} times, absent-term watches {articles.Sum(a => absent.Match(a).Count):N0} times, mixed ({mixed.Strategy}) {articles.Sum(a => mixed.Match(a).Count):N0} times");
    }

    [Benchmark]
    public int Matcher() => MatchAll(matcher, articles);

    /// <summary>As many watches, each a bare word the text never uses: the cost of tokenizing and looking words up alone.</summary>
    [Benchmark]
    public int MatcherNoHits() => MatchAll(unseen, articles);

    /// <summary>As many watches, each an English-like word the text never uses (common first letters).</summary>
    [Benchmark]
    public int MatcherAbsent() => MatchAll(absent, articles);

    /// <summary>
    /// 64 of the dense watches among absent ones (<see cref="Watches.Mixed"/>): the same matches at 1,000 and 10,000
    /// terms, so the difference is what more watches cost. At 10 and 64 terms these are the dense watches.
    /// </summary>
    [Benchmark]
    public int MatcherMixed() => MatchAll(mixed, articles);

    /// <summary>The same unseen terms, forced to visit every word (what <see cref="MatchStrategy.Automatic"/> does above its search limit).</summary>
    [Benchmark]
    public int MatcherNoHitsTokenize() => MatchAll(unseenTokenized, articles);

    /// <summary>
    /// The dense watches, reading the snippets storage keeps (the first 50 hits of each match, title hits first:
    /// TableHitIndex.MaxStoredHits): a hit builds its snippet when it is first read, and <see cref="Matcher"/> reads none.
    /// </summary>
    [Benchmark]
    public int MatcherStoredSnippets() => MatchAllReadingSnippets(matcher, articles);

    /// <summary>Matches every article once and reads the snippets of the hits storage would keep; returns their total length.</summary>
    internal static int MatchAllReadingSnippets(KeywordMatcher matcher, IReadOnlyList<Article> articles)
    {
        const int storedHits = 50;
        var characters = 0;
        foreach (var article in articles)
        {
            foreach (var match in matcher.Match(article))
            {
                foreach (var hit in match.Hits.OrderBy(h => h.Field).Take(storedHits))
                {
                    characters += hit.Snippet.Length;
                }
            }
        }

        return characters;
    }

    /// <summary>Matches every article once; returns how many watch matches there were.</summary>
    internal static int MatchAll(KeywordMatcher matcher, IReadOnlyList<Article> articles)
    {
        var hits = 0;
        foreach (var article in articles)
        {
            hits += matcher.Match(article).Count;
        }

        return hits;
    }

    /// <summary>At 10 and 1,000 terms only; at 10,000 it returns at once (not a measurement).</summary>
    [Benchmark]
    public int RegexAlternation()
    {
        if (alternation is null)
        {
            return 0;
        }

        var hits = 0;
        foreach (var article in articles)
        {
            hits += alternation.Count(article.Title) + alternation.Count(article.Standfirst ?? string.Empty) + alternation.Count(article.Body);
        }

        return hits;
    }

    /// <summary>
    /// The terms of <see cref="MatcherAbsent"/> (English-like words the text does not use) with <c>SearchValues&lt;string&gt;</c>
    /// (vectorised, case ignored): every occurrence, inside words too, counted in each field. No words, inflection or
    /// expressions: what this machine's vector units do with such terms, to read the other rows against. Few hits
    /// with few terms; with thousands, short terms occur inside many words.
    /// </summary>
    [Benchmark]
    public int SearchValuesSubstrings()
    {
        var hits = 0;
        foreach (var article in articles)
        {
            hits += CountSubstrings(article.Title) + CountSubstrings(article.Standfirst) + CountSubstrings(article.Body);
        }

        return hits;
    }

    private int CountSubstrings(ReadOnlySpan<char> text)
    {
        var hits = 0;
        for (var at = text.IndexOfAny(substrings); at >= 0; at = text.IndexOfAny(substrings))
        {
            hits++;
            text = text[(at + 1)..];
        }

        return hits;
    }
}

/// <summary>Compiling 10,000 watches into one matcher (what a watches-table refresh costs).</summary>
[MemoryDiagnoser]
public class CompileBenchmarks
{
    private IReadOnlyList<Watch> watches = [];

    [GlobalSetup]
    public void Setup()
    {
        var vocabulary = SyntheticText.Vocabulary(20_000);
        watches = Watches.Make(Watches.Terms(10_000, vocabulary), vocabulary);
    }

    [Benchmark]
    public int Compile10000Watches() => KeywordMatcher.Compile(watches).WatchCount;
}
