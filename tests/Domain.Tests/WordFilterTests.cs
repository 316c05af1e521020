using CsCheck;
using Ingest.Domain.Matching;

namespace Ingest.Domain.Tests;

/// <summary>
/// The word pass's filter must never turn away a word some pattern has (the matcher would miss it), and
/// should turn away words that only begin like a short pattern.
/// </summary>
public sealed class WordFilterTests
{
    private static readonly Gen<string> Words = Gen.Select(
        Gen.OneOf<string>("a", "e", "o", "y", "b", "d", "n", "r", "s", "t", "x", "ch", "ee", "7").Array[1, 6].Select(string.Concat),
        Gen.OneOf<string>("", "s", "es", "ed", "ing", "ies", "ied", "e", "eed", "eeding", "y", "ly", "ment"),
        Gen.Bool,
        (stem, ending, doubled) => stem + (doubled && ending.Length > 0 ? stem[^1].ToString() : string.Empty) + ending);

    [Fact]
    public void EveryWordAPatternHas_PassesTheFilter()
    {
        Gen.Select(Words, Words.Array[0, 30], Gen.Int[1, 7], Gen.Bool).Sample((word, others, prefixLength, upper) =>
        {
            // Other patterns in the same filter must not hide the word's.
            var filter = new WordFilter();
            foreach (var other in others)
            {
                filter.Add(new WordPattern(EnglishInflection.Key(other), WordMatch.Inflected));
            }

            var text = upper ? word.ToUpperInvariant() : word;
            Assert.True(Passes(With(filter, new WordPattern(EnglishInflection.Key(word), WordMatch.Inflected)), text), $"inflected {word}");
            Assert.True(Passes(With(new WordFilter(), new WordPattern(word, WordMatch.Exact)), text), $"exact {word}");
            Assert.True(Passes(With(new WordFilter(), new WordPattern(word[..Math.Min(prefixLength, word.Length)], WordMatch.Prefix)), text), $"prefix {word}");
        }, iter: 5_000);
    }

    /// <summary>
    /// The word pass asks about a word where it stands in the text, reading past its end; that must answer
    /// exactly as asking about the word alone, at any length, case and position.
    /// </summary>
    [Fact]
    public void AWordReadInPlace_PassesExactlyAsTheWordAlone()
    {
        var filter = new WordFilter();
        foreach (var key in new[] { "war", "agency", "escalat", "sanction", "ai", "x", "g7", "nationalis" })
        {
            filter.Add(new WordPattern(key, WordMatch.Inflected));
        }

        filter.Add(new WordPattern("econ", WordMatch.Prefix));
        filter.Add(new WordPattern("ok", WordMatch.Exact));
        var text = Gen.OneOf<string>("war", "Wars", "warring", "warning", "agencies", "AGENCY", "escalated", "sanctions", "Sanctimonious",
            "ai", "x", "xy", "G7", "ok", "OKs", "economy", "nationalism", "nationalist", "a", "b", "zz9", " ", ". ", "-").Array[1, 30].Select(string.Concat);

        text.Sample(t =>
        {
            foreach (var word in WordTokenizer.Tokenize(t))
            {
                var alone = t.Substring(word.Start, word.Length);
                Assert.True(filter.Passes(t, word.Start, word.Length) == filter.Passes(alone), $"{alone} in \"{t}\"");
            }
        }, iter: 3_000);
    }

    [Theory]
    [InlineData("war", "war", "Wars", "warred", "WARRING")]
    [InlineData("agency", "agency", "agencies", "Agencies")]
    [InlineData("escalat", "escalate", "escalates", "escalated", "escalating")]
    public void ShortKey_AdmitsItsForms(string key, params string[] words)
    {
        var filter = With(new WordFilter(), new WordPattern(key, WordMatch.Inflected));

        Assert.All(words, w => Assert.True(Passes(filter, w), w));
    }

    [Fact]
    public void ShortKey_TurnsAwayWordsThatOnlyBeginLikeIt()
    {
        var filter = With(new WordFilter(), new WordPattern("war", WordMatch.Inflected));

        var admitted = new[] { "warning", "warm", "ward", "wart", "warehouse", "warrant", "warden", "warp", "warts", "warmth" }.Where(w => Passes(filter, w)).ToList();

        Assert.Empty(admitted);
    }

    [Fact]
    public void ShortPrefix_AdmitsEveryWordStartingWithIt()
    {
        var filter = With(new WordFilter(), new WordPattern("ec", WordMatch.Prefix));

        Assert.All(new[] { "ec", "eco", "economy", "ECONOMISTS", "ecstatic", "ec2" }, w => Assert.True(Passes(filter, w), w));
        Assert.False(Passes(filter, "e"));
    }

    private static WordFilter With(WordFilter filter, WordPattern pattern)
    {
        filter.Add(pattern);
        return filter;
    }

    private static bool Passes(WordFilter filter, string word) => filter.Passes(word);
}
