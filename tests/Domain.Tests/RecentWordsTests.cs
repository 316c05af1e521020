using CsCheck;
using Ingest.Domain.Matching;

namespace Ingest.Domain.Tests;

/// <summary>The words a thread's searches looked up last: what it gives back for a word is what was kept for that word, or nothing.</summary>
public sealed class RecentWordsTests
{
    private static readonly Gen<string> Word = Gen.OneOf<string>("a", "b", "st", "tr", "ion", "e", "S", "7", "’", "é").Array[1, 12].Select(string.Concat);

    [Fact]
    public void AWordKept_IsGivenBackWithItsPatterns_AndNoWordIsGivenAnothersPatterns()
    {
        Gen.Select(Word.Array[1, 2_000], Gen.Int[0, 4]).Sample(
            (words, most) =>
            {
                var recent = RecentWords.For(RecentWords.NextOwner(), most + 1);
                var kept = new Dictionary<string, int[]>(StringComparer.Ordinal);
                Span<int> found = stackalloc int[most + 1];
                foreach (var word in words)
                {
                    var patterns = Enumerable.Range(0, word.Length % (most + 2)).Select(i => (word.GetHashCode() & 0xFFFF) + i).ToArray();
                    if (recent.Get(word, found, out var slot) is var count && count >= 0)
                    {
                        Assert.Equal(kept[word], found[..count].ToArray());
                        continue;
                    }

                    recent.Set(word, patterns, slot);
                    if (word.Length > RecentWords.LongestWord)
                    {
                        Assert.Equal(-1, recent.Get(word, found, out _));
                        continue;
                    }

                    kept[word] = patterns;
                    Assert.Equal(patterns, found[..recent.Get(word, found, out _)].ToArray());
                }
            },
            iter: 200);
    }

    [Fact]
    public void AnotherMatchersWords_AndWordsLongerThanKept_AreNotGivenBack()
    {
        var first = RecentWords.NextOwner();
        var recent = RecentWords.For(first, 3);
        Span<int> found = stackalloc int[3];
        var longWord = new string('s', RecentWords.LongestWord + 1);
        recent.Get("sanctions", found, out var slot);
        recent.Set("sanctions", [7, 9], slot);
        recent.Get(longWord, found, out slot);
        recent.Set(longWord, [5], slot);

        Assert.Equal(2, RecentWords.For(first, 3).Get("sanctions", found, out _));
        Assert.Equal([7, 9], found[..2].ToArray());
        Assert.Equal(-1, RecentWords.For(first, 3).Get(longWord, found, out _));
        Assert.Equal(-1, RecentWords.For(RecentWords.NextOwner(), 3).Get("sanctions", found, out _));
    }
}
