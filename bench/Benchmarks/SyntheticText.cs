using System.Text;
using Ingest.Domain.Articles;

namespace Ingest.Benchmarks;

/// <summary>
/// English-like news text made up here, deterministically: common English function words mixed with
/// pseudo-words built from syllables, drawn with a Zipf-like skew, in sentences and paragraphs with
/// punctuation, capitals, apostrophes, hyphens and curly quotes. Nothing is read from outside.
/// </summary>
public static class SyntheticText
{
    private static readonly string[] Common =
    [
        "the", "of", "and", "to", "a", "in", "that", "is", "was", "he", "for", "it", "with", "as", "his", "on", "be", "at",
        "by", "had", "are", "but", "from", "or", "have", "an", "they", "which", "one", "were", "all", "we", "when", "there",
        "can", "been", "has", "more", "if", "no", "out", "so", "said", "what", "up", "its", "about", "than", "into", "them",
        "only", "other", "new", "some", "could", "time", "these", "two", "may", "first", "then", "do", "any", "like", "my",
        "now", "over", "such", "our", "man", "me", "even", "most", "made", "after", "also", "did", "many", "before", "must",
        "through", "years", "where", "much", "your", "way", "well", "down", "should", "because", "each", "just", "those",
        "government", "minister", "country", "market", "people", "report", "week", "year", "company", "sanctions", "trade",
    ];

    private static readonly string[] Onsets = ["b", "br", "c", "cr", "d", "f", "g", "gr", "h", "j", "k", "l", "m", "n", "p", "pl", "r", "s", "st", "t", "tr", "v", "w", "z"];

    private static readonly string[] Nuclei = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "io"];

    private static readonly string[] Codas = ["", "", "n", "r", "s", "t", "l", "nd", "st", "ng", "ck"];

    private static readonly string[] Suffixes = ["", "", "", "s", "ed", "ing", "er", "ion", "ly"];

    /// <summary>A vocabulary of distinct pseudo-words, most frequent first.</summary>
    public static IReadOnlyList<string> Vocabulary(int size, int seed = 7)
    {
        var random = new Random(seed);
        var words = new List<string>(Common);
        var seen = new HashSet<string>(Common, StringComparer.Ordinal);
        while (words.Count < size)
        {
            var word = new StringBuilder();
            var syllables = 1 + random.Next(3);
            for (var s = 0; s < syllables; s++)
            {
                word.Append(Onsets[random.Next(Onsets.Length)]).Append(Nuclei[random.Next(Nuclei.Length)]).Append(Codas[random.Next(Codas.Length)]);
            }

            word.Append(Suffixes[random.Next(Suffixes.Length)]);
            if (seen.Add(word.ToString()))
            {
                words.Add(word.ToString());
            }
        }

        return words;
    }

    /// <summary>Articles totalling about <paramref name="bytes"/> characters of title, standfirst and body.</summary>
    public static IReadOnlyList<Article> Articles(IReadOnlyList<string> vocabulary, int bytes, int seed = 11)
    {
        var random = new Random(seed);
        var articles = new List<Article>();
        var total = 0;
        while (total < bytes)
        {
            var title = Sentence(random, vocabulary, 6 + random.Next(6), period: false);
            var standfirst = Sentence(random, vocabulary, 15 + random.Next(15), period: true);
            var paragraphs = Enumerable.Range(0, 8 + random.Next(12))
                .Select(_ => string.Join(' ', Enumerable.Range(0, 1 + random.Next(4)).Select(_ => Sentence(random, vocabulary, 8 + random.Next(25), period: true))))
                .ToList();
            var article = new Article(ContentHash.Compute(title, paragraphs), title, null, standfirst, paragraphs, [], 0);
            total += Size(article);
            articles.Add(article);
        }

        return articles;
    }

    public static int Size(Article article) => article.Title.Length + (article.Standfirst?.Length ?? 0) + article.Body.Length;

    private static string Sentence(Random random, IReadOnlyList<string> vocabulary, int words, bool period)
    {
        var sentence = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            // Zipf-like: squaring a uniform draw favours the front (most frequent) of the vocabulary.
            var u = random.NextDouble();
            var word = vocabulary[(int)(u * u * u * vocabulary.Count)];
            if (i == 0)
            {
                word = char.ToUpperInvariant(word[0]) + word[1..];
            }

            if (i > 0)
            {
                sentence.Append(random.Next(40) switch
                {
                    0 => ", ",
                    1 => "-",
                    2 => " \u201c",
                    _ => " ",
                });
            }

            sentence.Append(word);
            if (random.Next(60) == 0)
            {
                sentence.Append("\u2019s");
            }
        }

        return period ? sentence.Append('.').ToString() : sentence.ToString();
    }
}
