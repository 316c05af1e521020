using CsCheck;
using Ingest.Domain.Matching;

namespace Ingest.Domain.Tests;

/// <summary>
/// The search's needle finder may report more than it must (the matcher checks each stop), but never less:
/// every word start that begins with a needle (ASCII case ignored) or with a needle's first four characters
/// and then a special character (with, where the needle says what may follow it, one of those characters
/// next), and every apostrophe and non-ASCII character that begins a word or comes after one to three ASCII
/// letters or digits a needle may begin with (or every one, when asked), from any starting point, near the text's ends and across
/// its blocks. And it must skip what cannot be a needle's word, or it would be no search at all. Each test
/// runs the 32-character search (AVX2) and the 64-character one (AVX-512), each skipped with a message on a
/// processor without it.
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
    public void EveryNeedleAtAWordStart_AndEveryEarlySpecialCharacter_IsReported() => EveryNeedleAndEarlySpecialIsReported(wide: false);

    [Avx512Fact]
    public void EveryNeedleAtAWordStart_AndEveryEarlySpecialCharacter_IsReported_64AtATime() => EveryNeedleAndEarlySpecialIsReported(wide: true);

    private static void EveryNeedleAndEarlySpecialIsReported(bool wide)
    {
        Gen.Select(Needle.Array[1, 70], Text, Gen.Bool).Sample((needles, text, every) =>
        {
            ReportsAllItMust(new WordStartSearch([.. needles.Distinct()], every, wide), needles, text, every);
        }, iter: 20_000);
    }

    [Avx2Fact]
    public void EveryNeedleFollowedByACharacterThatMayFollowIt_IsReported() => EveryFollowedNeedleIsReported(wide: false);

    [Avx512Fact]
    public void EveryNeedleFollowedByACharacterThatMayFollowIt_IsReported_64AtATime() => EveryFollowedNeedleIsReported(wide: true);

    private static void EveryFollowedNeedleIsReported(bool wide)
    {
        // Some needles say what may follow them (letters and digits of the syllables, and the word's end);
        // the text's words go on with those and with others.
        var follow = Gen.OneOf<string>(" ", "a", "e", "i", "n", "o", "s", "t", "r", "x", "7").Array[1, 4].Select(string.Concat);
        Gen.Select(Gen.Select(Needle, follow.Null()).Array[1, 40], Text, Gen.Bool).Sample((pairs, text, every) =>
        {
            var needles = pairs.Select(p => p.Item1).Distinct().ToArray();
            var follows = pairs.Where(p => p.Item2 is not null).GroupBy(p => p.Item1)
                .Where(g => pairs.All(p => p.Item1 != g.Key || p.Item2 is not null))
                .ToDictionary(g => g.Key, g => string.Concat(g.Select(p => p.Item2)));
            ReportsAllItMust(new WordStartSearch(needles, every, wide, follows), needles, text, every, follows);
        }, iter: 20_000);
    }

    private static void ReportsAllItMust(WordStartSearch search, string[] needles, string text, bool every, IReadOnlyDictionary<string, string>? follows = null)
    {
        var reported = Reported(search, text, 0);
        for (var i = 0; i < text.Length; i++)
        {
            if (MustReport(needles, text, i, every, follows))
            {
                Assert.Contains(i, reported);
            }
        }
    }

    [Avx2Fact]
    public void WordsThatGoOnOtherwiseThanANeedleMay_AreNotStops() => OnlyWhatMayFollowIsStopped(wide: false);

    [Avx512Fact]
    public void WordsThatGoOnOtherwiseThanANeedleMay_AreNotStops_64AtATime() => OnlyWhatMayFollowIsStopped(wide: true);

    private static void OnlyWhatMayFollowIsStopped(bool wide)
    {
        // "pla" may be followed by "s" or end its word; "g7" by a zero; "sanctions" is too long to say (the exact
        // check reads eight characters). An apostrophe is a stop of its own, and lets "pla's" through.
        var follows = new Dictionary<string, string> { ["pla"] = "s ", ["g7"] = "0" };
        var search = new WordStartSearch(["pla", "g7", "sanctions"], wide: wide, follows: follows);
        var text = string.Join(' ', Enumerable.Repeat("Play plans: PLA, plas-pla pla's plaza place G70 g7s G7 g71 sanctionsx", 3));
        var stops = Reported(search, text, 0).Select(at => text[at..].Split(' ', ',', ':', '-')[0]).ToArray();

        Assert.Equal(Enumerable.Repeat<string[]>(["PLA", "plas", "pla", "pla's", "'s", "G70", "sanctionsx"], 3).SelectMany(s => s), stops);
        Assert.Empty(Reported(new WordStartSearch(["pla"], wide: wide, follows: new Dictionary<string, string> { ["pla"] = "y" }), "plan place plaza", 0));
    }

    [Avx2Fact]
    public void WhatMayFollowANeedle_IsLettersDigitsOrTheWordsEnd()
    {
        Assert.Throws<ArgumentException>(() => new WordStartSearch(["pla"], follows: new Dictionary<string, string> { ["pla"] = "S" }));
        Assert.Throws<ArgumentException>(() => new WordStartSearch(["pla"], follows: new Dictionary<string, string> { ["pla"] = "'" }));
        Assert.Throws<ArgumentException>(() => new WordStartSearch(["pla"], follows: new Dictionary<string, string> { ["pla"] = string.Empty }));
    }

    [Avx2Fact]
    public void FromAnyPosition_TheFirstStopIsNoLaterThanTheFirstThatMustBeReported() => FirstStopIsNoLaterThanMust(wide: false);

    [Avx512Fact]
    public void FromAnyPosition_TheFirstStopIsNoLaterThanTheFirstThatMustBeReported_64AtATime() => FirstStopIsNoLaterThanMust(wide: true);

    private static void FirstStopIsNoLaterThanMust(bool wide)
    {
        Gen.Select(Needle.Array[1, 20], Text, Gen.Int[0, 400], Gen.Bool).Sample((needles, text, from, every) =>
        {
            var search = new WordStartSearch([.. needles.Distinct()], every, wide);
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
    public void ANeedleIsFound_AtEveryPositionOfTextsAroundTheBlockSizes(int length) => ANeedleIsFoundEverywhere(length, wide: false);

    [Avx512Theory]
    [InlineData(1)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(71)]
    [InlineData(72)]
    [InlineData(73)]
    [InlineData(127)]
    [InlineData(128)]
    [InlineData(135)]
    [InlineData(136)]
    [InlineData(137)]
    [InlineData(200)]
    public void ANeedleIsFound_AtEveryPositionOfTextsAroundTheBlockSizes_64AtATime(int length) => ANeedleIsFoundEverywhere(length, wide: true);

    private static void ANeedleIsFoundEverywhere(int length, bool wide)
    {
        var search = new WordStartSearch(["sanction", "eu", "x"], wide: wide);
        foreach (var needle in new[] { "Sanctions", "EU", "x", "Sanc’tion", "SANCTIé" })
        {
            for (var at = 0; at + needle.Length <= length; at++)
            {
                var text = new string('.', at) + needle + new string('.', length - at - needle.Length);
                Assert.Contains(at, Reported(search, text, 0));
            }
        }
    }

    [Avx2Fact]
    public void NeedlesInsideWords_AndWordsThatOnlyBeginLikeANeedle_AreNotStops() => OnlyWordStartsAreStops(wide: false);

    [Avx512Fact]
    public void NeedlesInsideWords_AndWordsThatOnlyBeginLikeANeedle_AreNotStops_64AtATime() => OnlyWordStartsAreStops(wide: true);

    private static void OnlyWordStartsAreStops(bool wide)
    {
        var search = new WordStartSearch(["tion", "sanction", "pla"], wide: wide);
        var text = string.Join(' ', Enumerable.Repeat("The nation's station: sanctimonious sanctuary, a plan to plough on. Explanation.", 20));
        var reported = Reported(search, text, 0);

        // The word "plan" (which does start with "pla"), and perhaps an apostrophe: this one comes after four
        // letters, which the search only sees within a block, not across the start of one.
        Assert.All(reported, at => Assert.True(text[at] == '\'' || text.AsSpan(at).StartsWith("plan"), $"stop at {at}: {text.Substring(at, 10)}"));
        Assert.Equal(20, reported.Count(at => text[at] == 'p'));
        Assert.True(reported.Count(at => text[at] == '\'') <= 20 * 3 / 32 + 1);
        Assert.Empty(Reported(search, "Nothing here but ordinary words, unrelated to the needles at all.", 0));
    }

    [Avx512Fact]
    public void WordsThatDifferFromANeedlePastTheFourthCharacter_AreNotStops_64AtATime()
    {
        // Both forms compare the first four characters in their buckets (the 64-character one six, with more than
        // 16 needles), then check eight exactly. Neither lets these through.
        var text = string.Join(' ', Enumerable.Repeat("Sanctimonious sanctuary, sancta sanctum; sanctify.", 10));
        Assert.Empty(Reported(new WordStartSearch(["sanction"], wide: true), text, 0));
        Assert.Empty(Reported(new WordStartSearch(["sanction"], wide: false), text, 0));
    }

    [Avx2Fact]
    public void SpecialCharacters_AfterFourLetters_AreReportedOnlyWhenAskedFor() => SpecialCharactersAfterFourLetters(wide: false);

    [Avx512Fact]
    public void SpecialCharacters_AfterFourLetters_AreReportedOnlyWhenAskedFor_64AtATime() => SpecialCharactersAfterFourLetters(wide: true);

    [Avx2Fact]
    public void SpecialCharacters_AreReportedOnlyInWordsThatMayBeginWithANeedle() => SpecialCharactersInWordsThatMayBeginWithANeedle(wide: false);

    [Avx512Fact]
    public void SpecialCharacters_AreReportedOnlyInWordsThatMayBeginWithANeedle_64AtATime() => SpecialCharactersInWordsThatMayBeginWithANeedle(wide: true);

    private static void SpecialCharactersInWordsThatMayBeginWithANeedle(bool wide)
    {
        // "Rus" may begin "ru…", "na" "nai…", "d" "de…"; "NHS", "j" (in "déjà", after the é) and "Nato" (four
        // letters) begin none, and "Ｆｕｌｌ" is reported letter by letter: each begins a word as the search sees it.
        var text = "    Russia’s   Rus’s   Nato's   NHS's   straße  naïve   déjà   Ｆｕｌｌ";
        var reported = Reported(new WordStartSearch(["ru", "nai", "de"], wide: wide), text, 0).Select(at => text[at]);

        Assert.Equal("’ïéＦｕｌｌ", string.Concat(reported.Where(c => c == '\'' || c > 0x7F)));
    }

    private static void SpecialCharactersAfterFourLetters(bool wide)
    {
        var text = "    Russia’s   Rus’s   Nato's   NHS's   straße  naïve   déjà   Ｆｕｌｌ";
        var early = Reported(new WordStartSearch(["qz"], wide: wide), text, 0).Select(at => text[at]).ToArray();
        var every = Reported(new WordStartSearch(["qz"], everySpecialCharacter: true, wide: wide), text, 0).Select(at => text[at]).ToArray();

        // No word here may begin with "qz": only the special characters that begin words are reported.
        Assert.Equal("Ｆｕｌｌ", new string(early));
        Assert.Equal("’’''ßïéàＦｕｌｌ", new string(every));
    }

    [Avx2Fact]
    public void NeedlesWithOtherCharacters_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => new WordStartSearch(["Sanction"]));
        Assert.Throws<ArgumentException>(() => new WordStartSearch(["don't"]));
        Assert.Throws<ArgumentException>(() => new WordStartSearch(["café"]));
        Assert.Throws<ArgumentException>(() => new WordStartSearch([""]));
        if (!WordStartSearch.IsWideSupported)
        {
            Assert.Throws<PlatformNotSupportedException>(() => new WordStartSearch(["sanction"], wide: true));
        }
    }

    /// <summary>
    /// What must be reported at <paramref name="i"/>: an apostrophe or a non-ASCII character, unless it comes after
    /// four ASCII letters or digits, or after one to three that begin no needle and that no needle begins (followed by
    /// what may follow it), and not <paramref name="every"/> one is asked for; or a word start (no ASCII
    /// letter or digit before it) whose ASCII-folded characters begin with a needle, or with a longer needle's
    /// first four and then, within its first eight, an apostrophe or a non-ASCII character (a word that folds to
    /// other characters than it has).
    /// </summary>
    /// <remarks>
    /// With <paramref name="follows"/>, a needle of fewer than eight characters that has an entry must be followed by
    /// one of its characters there: a letter or digit (any case), or, for <see cref="WordStartSearch.WordEnds"/>, the
    /// text's end or any character but a letter, a digit, an apostrophe or a non-ASCII one (those fold otherwise and
    /// are always let through).
    /// </remarks>
    private static bool MustReport(string[] needles, string text, int i, bool every, IReadOnlyDictionary<string, string>? follows = null)
    {
        var c = text[i];
        if (c == '\'' || c > 0x7F)
        {
            if (every)
            {
                return true;
            }

            // The ASCII letters and digits just before it: a word's first characters, whose fold the word's begins with.
            var before = text.AsSpan(0, i);
            var run = before.Length - (before.LastIndexOfAnyExcept(AsciiLettersAndDigits) + 1);
            var folded = before[^run..].ToString().ToLowerInvariant();
            return run == 0 || (run < 4 && needles.Any(n => n.StartsWith(folded, StringComparison.Ordinal)
                || (folded.StartsWith(n, StringComparison.Ordinal) && (folded.Length == n.Length || FollowedBy(n, folded[n.Length])))));
        }

        if (i > 0 && char.IsAsciiLetterOrDigit(text[i - 1]))
        {
            return false;
        }

        return needles.Any(n =>
            (i + n.Length <= text.Length && System.Text.Ascii.EqualsIgnoreCase(text.AsSpan(i, n.Length), n) && MayFollow(n, i + n.Length))
            || (n.Length > 4 && i + 4 < text.Length && System.Text.Ascii.EqualsIgnoreCase(text.AsSpan(i, 4), n.AsSpan(0, 4))
                && text.AsSpan(i + 4, Math.Min(4, text.Length - i - 4)).ContainsAnyExcept(NotSpecial)));

        // Whether the letter or digit c may follow the needle (where it says what may).
        bool FollowedBy(string needle, char c) =>
            follows is null || needle.Length >= 8 || !follows.TryGetValue(needle, out var next) || next.Contains(c);

        bool MayFollow(string needle, int at)
        {
            if (follows is null || needle.Length >= 8 || !follows.TryGetValue(needle, out var next))
            {
                return true;
            }

            if (at == text.Length)
            {
                return next.Contains(WordStartSearch.WordEnds);
            }

            var c = text[at];
            return c == '\'' || c > 0x7F || (char.IsAsciiLetterOrDigit(c) ? next.Contains(char.ToLowerInvariant(c)) : next.Contains(WordStartSearch.WordEnds));
        }
    }

    /// <summary>Every character but the apostrophe and those that are not ASCII.</summary>
    private static readonly System.Buffers.SearchValues<char> NotSpecial =
        System.Buffers.SearchValues.Create([.. Enumerable.Range(0, 128).Select(c => (char)c).Where(c => c != '\'')]);

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

/// <summary>Why a test of one form of the search is skipped: the processor lacks its instructions.</summary>
internal static class SearchSkip
{
    public static string? Avx2 => WordStartSearch.IsSupported
        ? null
        : "This processor has no AVX2: the matcher searches with SearchValues<string> here (MatchStrategyTests cover it).";

    public static string? Avx512 => WordStartSearch.IsWideSupported
        ? null
        : "This processor has no AVX-512 VBMI: the matcher searches 32 characters at a time here (the AVX2 tests cover it).";
}

/// <summary>A fact about the AVX2 search; skipped with a message on a processor without AVX2, where the matcher does not use it.</summary>
public sealed class Avx2FactAttribute : FactAttribute
{
    public Avx2FactAttribute() => Skip = SearchSkip.Avx2;
}

/// <summary>A theory about the AVX2 search; skipped with a message on a processor without AVX2.</summary>
public sealed class Avx2TheoryAttribute : TheoryAttribute
{
    public Avx2TheoryAttribute() => Skip = SearchSkip.Avx2;
}

/// <summary>A fact about the 64-character search; skipped with a message on a processor without AVX-512 VBMI, where the matcher uses the 32-character one.</summary>
public sealed class Avx512FactAttribute : FactAttribute
{
    public Avx512FactAttribute() => Skip = SearchSkip.Avx512;
}

/// <summary>A theory about the 64-character search; skipped with a message on a processor without AVX-512 VBMI.</summary>
public sealed class Avx512TheoryAttribute : TheoryAttribute
{
    public Avx512TheoryAttribute() => Skip = SearchSkip.Avx512;
}
