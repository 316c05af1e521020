using CsCheck;
using Ingest.Domain.Matching;

namespace Ingest.Domain.Tests;

/// <summary>
/// The search skips a word with an early apostrophe or non-ASCII letter when no trigger can begin with the
/// characters before it; it must never skip one that can, and should skip most that cannot.
/// </summary>
public sealed class NeedlePrefixesTests
{
    [Fact]
    public void CharactersThatBeginANeedle_OrThatANeedleBegins_MayBeginAWordWithIt()
    {
        var needles = Gen.String[Gen.Char["abc7é"], 1, 6].Array[1, 20];
        var asked = Gen.String[Gen.Char["abcABC7"], 1, NeedlePrefixes.MaxCharacters];
        Gen.Select(needles, asked).Sample((n, characters) =>
        {
            var folded = characters.ToLowerInvariant();
            var may = n.Any(needle => needle.StartsWith(folded, StringComparison.Ordinal) || folded.StartsWith(needle, StringComparison.Ordinal));
            if (may)
            {
                Assert.True(new NeedlePrefixes(n).MayBegin(characters), $"{characters} with {string.Join(",", n)}");
            }
        }, iter: 20_000);
    }

    [Fact]
    public void OtherCharacters_DoNotBeginAWordWithANeedle()
    {
        var prefixes = new NeedlePrefixes(["sanction", "uk", "café"]);

        Assert.True(prefixes.MayBegin("San"));
        Assert.True(prefixes.MayBegin("UK"));
        Assert.True(prefixes.MayBegin("UKs"));
        Assert.True(prefixes.MayBegin("caf"));
        Assert.False(prefixes.MayBegin("don"));
        Assert.False(prefixes.MayBegin("it"));
        Assert.False(prefixes.MayBegin("u2"));
        Assert.False(prefixes.MayBegin("cafe"));
        Assert.False(prefixes.MayBegin("sat"));
    }

    [Fact]
    public void WhatItCannotTell_MayBeginAWord()
    {
        var prefixes = new NeedlePrefixes(["sanction"]);

        Assert.True(prefixes.MayBegin(string.Empty));
        Assert.True(prefixes.MayBegin("qzqzq"));
        Assert.True(prefixes.MayBegin("q'z"));
        Assert.True(prefixes.MayBegin("qé"));
    }
}
