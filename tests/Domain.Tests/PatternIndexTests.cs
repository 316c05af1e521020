using CsCheck;
using Ingest.Domain.Matching;

namespace Ingest.Domain.Tests;

/// <summary>
/// The matcher's own hash table and filters, checked against the plain code they replace: a
/// <see cref="Dictionary{TKey,TValue}"/> of keys, and the definition of a prefix.
/// </summary>
public sealed class PatternIndexTests
{
    /// <summary>Keys from a small alphabet, so that many share prefixes, suffixes and lengths.</summary>
    private static readonly Gen<string> Key = Gen.Char["abé1"].Array[0, 20].Select(c => new string(c));

    private static readonly Gen<WordMatch> Kind = Gen.OneOf<WordMatch>(WordMatch.Inflected, WordMatch.Exact, WordMatch.Prefix);

    [Fact]
    public void Find_ReturnsEachPatternsId_AndMinusOneForAnyOtherKey()
    {
        Gen.Select(Gen.Select(Kind, Key).Array[0, 300], Gen.Select(Kind, Key).Array[50]).Sample((patterns, probes) =>
        {
            var distinct = patterns.Distinct().Select(p => new WordPattern(p.Item2, p.Item1)).ToList();
            var reference = distinct.Select((p, id) => (p, id)).ToDictionary(x => (x.p.Match, x.p.Key), x => x.id);
            var index = new PatternIndex(distinct);

            foreach (var ((kind, key), id) in reference)
            {
                Assert.Equal(id, index.Find(kind, key));
            }

            foreach (var (kind, key) in probes)
            {
                Assert.Equal(reference.TryGetValue((kind, key), out var id) ? id : -1, index.Find(kind, key.AsSpan()));
            }
        }, iter: 500);
    }

    [Fact]
    public void TheSameKey_OfAnotherKind_IsAnotherPattern()
    {
        var index = new PatternIndex([new("sanction", WordMatch.Inflected), new("sanction", WordMatch.Prefix), new("", WordMatch.Exact)]);

        Assert.Equal(0, index.Find(WordMatch.Inflected, "sanction"));
        Assert.Equal(1, index.Find(WordMatch.Prefix, "sanction"));
        Assert.Equal(-1, index.Find(WordMatch.Exact, "sanction"));
        Assert.Equal(2, index.Find(WordMatch.Exact, ""));
        Assert.Equal(-1, index.Find(WordMatch.Inflected, "sanctio"));
        Assert.Equal(-1, index.Find(WordMatch.Inflected, "sanctions"));
    }

    /// <summary>
    /// A prefix term matches exactly the words whose fold starts with its fold: for every length of prefix
    /// (the matcher keeps a filter of prefixes by their first four characters and their length), in text of
    /// words that share most of their letters.
    /// </summary>
    [Fact]
    public void PrefixTerms_MatchExactlyTheWordsStartingWithThem()
    {
        var word = Gen.Char["abcAB"].Array[1, 9].Select(c => new string(c));
        var body = Gen.Select(word, Gen.OneOf<string>(" ", ", ", ". ", "-")).Array[0, 40].Select(p => string.Concat(p.Select(x => x.Item1 + x.Item2)));
        Gen.Select(word.Array[1, 12], body).Sample((prefixes, text) =>
        {
            var watches = prefixes.Select((p, i) => WatchBuilder.Expression(p + "*", id: $"p{i}")).ToList();
            var words = WordTokenizer.Tokenize(text).Select(w => EnglishInflection.Fold(text.AsSpan(w.Start, w.Length))).ToList();
            var expected = watches.Where((_, i) => words.Any(w => w.StartsWith(prefixes[i].ToLowerInvariant(), StringComparison.Ordinal))).Select(w => w.Id);

            foreach (var strategy in new[] { MatchStrategy.Search, MatchStrategy.Tokenize })
            {
                var matched = KeywordMatcher.Compile(watches, strategy).Match(ArticleBuilder.Make(title: "-", paragraphs: [text])).Select(m => m.WatchId);
                Assert.Equal(expected.Order(), matched.Order());
            }
        }, iter: 1_000);
    }
}
