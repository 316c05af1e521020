using Ingest.Domain.Articles;
using Ingest.Domain.Matching;
using Ingest.Domain.Watches;

namespace Ingest.Benchmarks;

/// <summary>
/// Benchmark watches, one term each. Half the terms are words of the text's vocabulary (they can hit),
/// half are words it never uses. Most watches are the bare term; of every twenty, one is a phrase, one an
/// AND with a NOT, one a prefix, one a NEAR and one a phrase with "the", so every engine path runs.
/// </summary>
public static class Watches
{
    public static IReadOnlyList<string> Terms(int count, IReadOnlyList<string> vocabulary)
    {
        var random = new Random(count);
        var known = new HashSet<string>(vocabulary, StringComparer.Ordinal);
        var unused = SyntheticText.Vocabulary(vocabulary.Count + count, seed: 99).Where(w => !known.Contains(w)).ToList();
        return [.. Enumerable.Range(0, count).Select(i => i % 2 == 0 ? vocabulary[100 + random.Next(vocabulary.Count - 100)] : unused[i / 2 % unused.Count])];
    }

    /// <summary>
    /// English-like words the text never uses: pseudo-words built like the synthetic vocabulary's (so their
    /// first letters are common ones: "tr", "br", "st"), none with the inflection key of any word of
    /// <paramref name="articles"/>. What a realistic watch costs on an article it does not concern.
    /// </summary>
    public static IReadOnlyList<string> AbsentTerms(int count, IEnumerable<Article> articles)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in articles.SelectMany(a => new[] { a.Title, a.Standfirst ?? string.Empty, a.Body }))
        {
            foreach (var word in WordTokenizer.Tokenize(text))
            {
                keys.Add(EnglishInflection.Key(text.AsSpan(word.Start, word.Length)));
            }
        }

        return [.. SyntheticText.Vocabulary(4 * count + 1_000, seed: 123).Where(w => !keys.Contains(EnglishInflection.Key(w))).Take(count)];
    }

    /// <summary>How many of the <see cref="Mixed"/> watches are dense ones.</summary>
    public const int MixedDense = 64;

    /// <summary>
    /// <paramref name="count"/> watches of which the first <see cref="MixedDense"/> (all, when fewer) are the dense
    /// ones of <see cref="Make"/> and the rest absent terms (<see cref="AbsentTerms"/>): the same matches, hits and
    /// explanations at every size above 64, so what changes with the size is only the cost of having more watches.
    /// </summary>
    public static IReadOnlyList<Watch> Mixed(int count, IReadOnlyList<string> vocabulary, IEnumerable<Article> articles)
    {
        var dense = Make(Terms(Math.Min(count, MixedDense), vocabulary), vocabulary);
        var absent = AbsentTerms(count - dense.Count, articles).Select((t, i) => new Watch($"m{i}", $"Mixed {i}", t));
        return [.. dense, .. absent];
    }

    /// <summary>Words the text never uses: "qz" and letters, and no word of the text contains "qz".</summary>
    public static IReadOnlyList<string> UnusedTerms(int count) => [.. Enumerable.Range(0, count).Select(i => "qz" + Letters(i))];

    private static string Letters(int i)
    {
        var letters = string.Empty;
        do
        {
            letters = (char)('a' + (i % 26)) + letters;
            i /= 26;
        }
        while (i > 0);
        return letters;
    }

    public static IReadOnlyList<Watch> Make(IReadOnlyList<string> terms, IReadOnlyList<string> vocabulary)
    {
        var random = new Random(terms.Count);
        var watches = new List<Watch>(terms.Count);
        for (var i = 0; i < terms.Count; i++)
        {
            var term = terms[i];
            var other = vocabulary[100 + random.Next(vocabulary.Count - 100)];
            var expression = (i % 20) switch
            {
                3 => $"\"{term} {other}\"",
                7 => $"{term} AND {other} -{vocabulary[random.Next(100)]}",
                11 => $"{term[..Math.Min(term.Length, 4)]}*",
                13 => $"{term} NEAR/3 {other}",
                17 => $"\"the {term}\"",
                _ => term,
            };
            watches.Add(new Watch($"w{i}", $"Watch {i}", expression));
        }

        return watches;
    }
}
