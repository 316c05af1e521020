using System.Numerics;

namespace Ingest.Domain.Articles;

/// <summary>
/// A 64-bit SimHash of an article's text over three-word shingles of folded words: copies of one
/// story (wire copy re-published, lightly edited) land a few bits apart, different stories about
/// half the bits apart. Digests use it to collapse near-duplicates across publishers.
/// </summary>
public static class SimHash
{
    /// <summary>Fingerprints at most this many bits apart are the same story.</summary>
    public const int SameStoryDistance = 6;

    public static ulong Compute(Article article)
    {
        var words = new List<string>();
        foreach (var text in article.Paragraphs.Prepend(article.Standfirst ?? string.Empty).Prepend(article.Title))
        {
            foreach (var span in Matching.WordTokenizer.Tokenize(text))
            {
                words.Add(Matching.EnglishInflection.Fold(text.AsSpan(span.Start, span.Length)));
            }
        }

        Span<int> weights = stackalloc int[64];
        var shingles = 0;
        for (var i = 0; i + 2 < words.Count; i++)
        {
            var h = Fnv1a(words[i], Fnv1a(words[i + 1], Fnv1a(words[i + 2], 14695981039346656037UL)));
            for (var bit = 0; bit < 64; bit++)
            {
                weights[bit] += ((h >> bit) & 1) == 1 ? 1 : -1;
            }

            shingles++;
        }

        if (shingles == 0)
        {
            return 0;
        }

        ulong fingerprint = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            if (weights[bit] > 0)
            {
                fingerprint |= 1UL << bit;
            }
        }

        // 0 means "unknown" to readers of stored hits; a real all-zero fingerprint is vanishingly rare.
        return fingerprint == 0 ? 1 : fingerprint;
    }

    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

    public static bool SameStory(ulong a, ulong b) => a != 0 && b != 0 && Distance(a, b) <= SameStoryDistance;

    private static ulong Fnv1a(string word, ulong hash)
    {
        foreach (var c in word)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return (hash ^ ' ') * 1099511628211UL;
    }
}
