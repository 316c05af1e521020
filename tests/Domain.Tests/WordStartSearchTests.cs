using CsCheck;
using Ingest.Domain.Matching;

namespace Ingest.Domain.Tests;

/// <summary>
/// The search's needle finder may report more than it must (the matcher checks each stop), but never less:
/// every word start that begins with a needle (ASCII case ignored), and every apostrophe and non-ASCII
/// character that is not after four ASCII letters or digits (or every one, when asked), from any starting
/// point, near the text's ends and across its 32-character blocks. And it must skip what cannot be a
/// needle's word, or it would be no search at all.
/// </summary>
public sealed class WordStartSearchTests
{
    /// <summary>Syllables that share first letters, so that needles and words begin alike and differ late.</summary>
    private static readonly string[] Syllables = ["tr", "tra", "st", "sta", "in", "a", "e", "o", "n", "s", "t", "x", "7", "ion", "ing"];

    private static readonly Gen<string> Needle = Gen.OneOf<string>(Syllables).Array[1, 5].Select(string.Concat);

    /// <summary>Words from the same syllables, any case, some with an apostrophe or a non-ASCII letter inside, and separators.</summary>
    private static readonly Gen<string> Text = Gen.OneOf(
            Gen.Select(Gen.OneOf<string>(Syllables).Array[1, 6].Select(string.Concat), Gen.Int[0, 2], (word, casing) => casing switch
            {
                0 => word,
                1 => word.ToUpperInvariant(),
                _ => char.ToUpperInvariant(word[0]) + word[1..],
            }),
            Gen.OneOf<string>(" ", " ", " ", ". ", ", ", "-", "\n\n", "'", "’", "“", "”", " — ", "é", "É", "\u0301", "ß", "\u4E2D", "\uFF21", "\u00A0", "\0", "_", "@", "`", "{"))
        .Array[0, 60].Select(string.Concat);

    [Avx2Fact]
    public void EveryNeedleAtAWordStart_AndEveryEarlySpecialCharacter_IsReported()
    {
        Gen.Select(Needle.Array[1, 70], Text, Gen.Bool).Sample((needles, text, every) =>
        {
            var search = new WordStartSearch([.. needles.Distinct()], every);
            var reported = Reported(search, text, 0);
            for (var i = 0; i < text.Length; i++)
            {
                if (MustReport(needles, text, i, every))
                {
                    Assert.Contains(i, reported);
                }
            }
        }, iter: 20_000);
    }

    [Avx2Fact]
    public void FromAnyPosition_TheFirstStopIsNoLaterThanTheFirstThatMustBeReported()
    {
        Gen.Select(Needle.Array[1, 20], Text, Gen.Int[0, 400], Gen.Bool).Sample((needles, text, from, every) =>
        {
            var search = new WordStartSearch([.. needles.Distinct()], every);
            from = Math.Min(from, text.Length);
            var window = default(WordStartSearch.Window);
            var first = search.IndexOf(text, from, ref window);
            var expected = Enumerable.Range(from, text.Length - from).Where(i => MustReport(needles, text, i, every)).DefaultIfEmpty(-1).First();
            if (expected >= 0)
            {
                Assert.InRange(first, from, expected);
            }
            else
            {
                Assert.True(first == -1 || first >= from);
            }
        }, iter: 20_000);
    }

    [Avx2Theory]
    [InlineData(1)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(39)]
    [InlineData(40)]
    [InlineData(41)]
    [InlineData(71)]
    [InlineData(72)]
    [InlineData(100)]
    public void ANeedleIsFound_AtEveryPositionOfTextsAroundTheBlockSizes(int length)
    {
        var search = new WordStartSearch(["sanction", "eu", "x"]);
        foreach (var needle in new[] { "Sanctions", "EU", "x" })
        {
            for (var at = 0; at + needle.Length <= length; at++)
            {
                var text = new string('.', at) + needle + new string('.', length - at - needle.Length);
                Assert.Contains(at, Reported(search, text, 0));
            }
        }
    }

    [Avx2Fact]
    public void NeedlesInsideWords_AndWordsThatOnlyBeginLikeANeedle_AreNotStops()
    {
        var search = new WordStartSearch(["tion", "sanction", "pla"]);
        var text = string.Join(' ', Enumerable.Repeat("The nation's station: sanctimonious sanctuary, a plan to plough on. Explanation.", 20));
        var reported = Reported(search, text, 0);

        // The word "plan" (which does start with "pla"), and perhaps an apostrophe: this one comes after four
        // letters, which the search only sees within a block, not across the start of one.
        Assert.All(reported, at => Assert.True(text[at] == '\'' || text.AsSpan(at).StartsWith("plan"), $"stop at {at}: {text.Substring(at, 10)}"));
        Assert.Equal(20, reported.Count(at => text[at] == 'p'));
        Assert.True(reported.Count(at => text[at] == '\'') <= 20 * 3 / 32 + 1);
        Assert.Empty(Reported(search, "Nothing here but ordinary words, unrelated to the needles at all.", 0));
    }

    [Avx2Fact]
    public void SpecialCharacters_AfterFourLetters_AreReportedOnlyWhenAskedFor()
    {
        var text = "    Russia’s   Rus’s   Nato's   NHS's   straße  naïve   déjà   Ｆｕｌｌ";
        var early = Reported(new WordStartSearch(["qz"]), text, 0).Select(at => text[at]).ToArray();
        var every = Reported(new WordStartSearch(["qz"], everySpecialCharacter: true), text, 0).Select(at => text[at]).ToArray();

        Assert.Equal("’'ïéàＦｕｌｌ", new string(early));
        Assert.Equal("’’''ßïéàＦｕｌｌ", new string(every));
    }

    [Avx2Fact]
    public void NeedlesWithOtherCharacters_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => new WordStartSearch(["Sanction"]));
        Assert.Throws<ArgumentException>(() => new WordStartSearch(["don't"]));
        Assert.Throws<ArgumentException>(() => new WordStartSearch(["café"]));
        Assert.Throws<ArgumentException>(() => new WordStartSearch([""]));
    }

    /// <summary>
    /// What must be reported at <paramref name="i"/>: an apostrophe or a non-ASCII character, unless it comes after
    /// four ASCII letters or digits and not <paramref name="every"/> one is asked for; or a word start (no ASCII
    /// letter or digit before it) whose ASCII-folded characters begin with a needle.
    /// </summary>
    private static bool MustReport(string[] needles, string text, int i, bool every)
    {
        var c = text[i];
        if (c == '\'' || c > 0x7F)
        {
            return every || i < 4 || text.AsSpan(i - 4, 4).ContainsAnyExcept(AsciiLettersAndDigits);
        }

        if (i > 0 && char.IsAsciiLetterOrDigit(text[i - 1]))
        {
            return false;
        }

        return needles.Any(n => i + n.Length <= text.Length && System.Text.Ascii.EqualsIgnoreCase(text.AsSpan(i, n.Length), n));
    }

    private static readonly System.Buffers.SearchValues<char> AsciiLettersAndDigits =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    private static List<int> Reported(WordStartSearch search, string text, int from)
    {
        var found = new List<int>();
        var window = default(WordStartSearch.Window);
        for (var at = search.IndexOf(text, from, ref window); at >= 0; at = search.IndexOf(text, at + 1, ref window))
        {
            found.Add(at);
        }

        return found;
    }
}

/// <summary>A fact about the AVX2 search; skipped with a message on a processor without AVX2, where the matcher does not use it.</summary>
public sealed class Avx2FactAttribute : FactAttribute
{
    public Avx2FactAttribute()
    {
        if (!WordStartSearch.IsSupported)
        {
            Skip = "This processor has no AVX2: the matcher searches with SearchValues<string> here (MatchStrategyTests cover it).";
        }
    }
}

/// <summary>A theory about the AVX2 search; skipped with a message on a processor without AVX2.</summary>
public sealed class Avx2TheoryAttribute : TheoryAttribute
{
    public Avx2TheoryAttribute()
    {
        if (!WordStartSearch.IsSupported)
        {
            Skip = "This processor has no AVX2: the matcher searches with SearchValues<string> here (MatchStrategyTests cover it).";
        }
    }
}
