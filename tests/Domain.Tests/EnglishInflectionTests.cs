using CsCheck;
using Ingest.Domain.Matching;

namespace Ingest.Domain.Tests;

public sealed class EnglishInflectionTests
{
    [Theory]
    [InlineData("sanctions", "sanction")]
    [InlineData("sanctioned", "sanction")]
    [InlineData("sanctioning", "sanction")]
    [InlineData("sanction", "sanction")]
    [InlineData("sanctimonious", "sanctimonious")]
    [InlineData("cities", "city")]
    [InlineData("carried", "carry")]
    [InlineData("stopped", "stop")]
    [InlineData("stopping", "stop")]
    [InlineData("watches", "watch")]
    [InlineData("taxes", "tax")]
    [InlineData("presses", "pres")]
    [InlineData("escalates", "escalat")]
    [InlineData("escalate", "escalat")]
    [InlineData("falls", "fal")]
    [InlineData("controlled", "control")]
    [InlineData("boss", "bos")]
    [InlineData("news", "news")]
    [InlineData("series", "series")]
    [InlineData("morning", "morning")]
    [InlineData("need", "need")]
    [InlineData("bus", "bus")]
    [InlineData("its", "its")]
    [InlineData("g7s", "g7s")]
    [InlineData("1990s", "1990")]
    public void Stem_Word_StripsRegularSuffix(string word, string expected)
    {
        Assert.Equal(expected, EnglishInflection.Stem(word));
    }

    [Theory]
    [InlineData("staffed", "staff")]
    [InlineData("Staffing", "staff")]
    [InlineData("boycotting", "boycott")]
    [InlineData("banned", "bann")]
    [InlineData("stopped", "stopp")]
    [InlineData("committed", "committ")]
    [InlineData("staff", null)]
    [InlineData("staffs", null)]
    [InlineData("called", null)]
    [InlineData("quizzed", null)]
    [InlineData("sanctioned", null)]
    [InlineData("agreed", null)]
    [InlineData("feeding", null)]
    [InlineData("Iraqis", "iraqi")]
    [InlineData("Israelis’", "israeli")]
    [InlineData("menus", "menu")]
    [InlineData("crisis", "crisi")]
    [InlineData("boss", null)]
    [InlineData("bus", null)]
    [InlineData("thus", null)]
    [InlineData("died", "die")]
    [InlineData("Sued", "sue")]
    [InlineData("ties", "tie")]
    [InlineData("used", "use")]
    [InlineData("uses", null)]
    [InlineData("axes", "axe")]
    [InlineData("weed", null)]
    [InlineData("feed", null)]
    [InlineData("shed", null)]
    public void SecondKey_IsTheFoldCutShortWhereItsKeyCannotTell(string word, string? expected)
    {
        Assert.Equal(expected, EnglishInflection.SecondKey(word));
    }

    /// <summary>A word's second key is one whose forms include the word, so the word filter lets it through for either key.</summary>
    [Fact]
    public void Forms_OfAWordsSecondKey_IncludeTheWord()
    {
        Words.Sample(
            word =>
            {
                if (EnglishInflection.SecondKey(word) is { } doubled)
                {
                    Assert.Contains(word, EnglishInflection.Forms(doubled));
                }
            },
            iter: 50_000);
    }

    [Theory]
    [InlineData("Café\u2019s", "cafes")]
    [InlineData("RUSSIA'S", "russias")]
    [InlineData("Zürich", "zurich")]
    [InlineData("Łódź", "lodz")]
    [InlineData("Straße", "strasse")]
    [InlineData("Æsir", "aesir")]
    [InlineData("plain", "plain")]
    [InlineData("ΟΔΟΣ", "οδοσ")]
    [InlineData("οδός", "οδοσ")]
    [InlineData("ſtate", "state")]
    [InlineData("µm", "μm")]
    public void Fold_Word_LowerCasesAndStripsAccentsAndApostrophes(string word, string expected)
    {
        Assert.Equal(expected, EnglishInflection.Fold(word));
    }

    [Theory]
    [InlineData("sanction", "sanctions", "sanctioned", "sanctioning", "Sanctions")]
    [InlineData("escalate", "escalates", "escalated", "escalating")]
    [InlineData("ban", "bans", "banned", "banning")]
    [InlineData("city", "cities")]
    [InlineData("focus", "focuses", "focused", "focusing")]
    [InlineData("need", "needs", "needed", "needing")]
    [InlineData("agree", "agrees", "agreed", "agreeing")]
    [InlineData("exceed", "exceeds", "exceeded", "exceeding")]
    [InlineData("seed", "seeds", "seeded", "seeding")]
    [InlineData("string", "strings")]
    [InlineData("shred", "shreds", "shredded", "shredding")]
    [InlineData("eerie", "eery")]
    [InlineData("free", "frees", "freed", "freeing")]
    [InlineData("guarantee", "guarantees", "guaranteed")]
    [InlineData("Café", "cafe", "cafés")]
    [InlineData("control", "controls", "controlled", "controlling")]
    [InlineData("cancel", "cancels", "cancelled", "canceled", "cancelling", "canceling")]
    [InlineData("travel", "travelled", "traveled", "travelling", "travels")]
    [InlineData("quiz", "quizzes", "quizzed", "quizzing")]
    [InlineData("gas", "gases", "gassed", "gassing")]
    [InlineData("call", "calls", "called", "calling", "Call’s")]
    [InlineData("boss", "bosses", "bossed", "boss's", "BOSS’S")]
    [InlineData("belarus", "Belarus’s", "belarus's")]
    [InlineData("movie", "movies", "Movie’s")]
    [InlineData("uk", "UK's", "UK’s")]
    [InlineData("russia", "Russia’s", "RUSSIA'S")]
    [InlineData("veto", "vetoes", "vetoed", "vetoing", "vetos")]
    [InlineData("embargo", "embargoes", "embargoed", "embargos")]
    [InlineData("hero", "heroes", "Heroes’")]
    [InlineData("canoe", "canoes", "canoed", "canoeing")]
    [InlineData("shoe", "shoes")]
    [InlineData("toe", "toes")]
    [InlineData("oboe", "oboes")]
    public void Key_InflectionsOfOneWord_ShareAKey(params string[] forms)
    {
        var key = EnglishInflection.Key(forms[0]);

        Assert.All(forms, f => Assert.Equal(key, EnglishInflection.Key(f)));
    }

    [Theory]
    [InlineData("sanction", "sanctimonious")]
    [InlineData("sing", "sine")]
    [InlineData("news", "new")]
    [InlineData("king", "kin")]
    [InlineData("need", "nee")]
    [InlineData("see", "seed")]
    [InlineData("str", "string")]
    [InlineData("shr", "shred")]
    [InlineData("fee", "feed")]
    [InlineData("wee", "weeds")]
    [InlineData("dee", "deeded")]
    [InlineData("menu", "menus")]
    [InlineData("crisis", "cris")]
    [InlineData("status", "statu")]
    public void Key_DifferentWords_HaveDifferentKeys(string a, string b)
    {
        Assert.NotEqual(EnglishInflection.Key(a), EnglishInflection.Key(b));
    }

    /// <summary>Word-like strings built to reach every rule of <see cref="EnglishInflection.StemLength"/>: stems ending in vowels, doubled letters, "ee", "y".</summary>
    private static readonly Gen<string> Words = Gen.Select(
        Gen.OneOf<string>("a", "e", "i", "o", "u", "y", "b", "d", "g", "l", "n", "r", "s", "t", "x", "z", "ch", "sh", "ss", "ee", "ie", "1").Array[1, 5].Select(string.Concat),
        Gen.OneOf<string>("", "", "s", "es", "ed", "d", "ing", "ies", "ied", "e", "es", "ses", "eed", "eeds", "eeding", "eeded", "eing", "y", "ys", "ying", "ss", "us", "is"),
        Gen.Bool,
        (stem, ending, doubled) => stem + (doubled && ending.Length > 0 ? stem[^1].ToString() : string.Empty) + ending);

    [Fact]
    public void Forms_OfAWordsKey_IncludeTheWord()
    {
        Words.Sample(word => Assert.Contains(word, EnglishInflection.Forms(EnglishInflection.Key(word))), iter: 50_000);
    }

    /// <summary>A possessive's key is its fold's without the s: that is the form the word filter must admit.</summary>
    [Fact]
    public void Forms_OfAPossessivesKey_IncludeTheWordWithoutItsS()
    {
        Words.Sample(
            word =>
            {
                var possessive = word + "’s";
                Assert.True(EnglishInflection.IsPossessive(possessive));
                Assert.Equal(EnglishInflection.Key(word), EnglishInflection.Key(possessive));
                Assert.Contains(EnglishInflection.Fold(possessive)[..^1], EnglishInflection.Forms(EnglishInflection.Key(possessive)));
            },
            iter: 20_000);
    }

    [Theory]
    [InlineData("don't", false)]
    [InlineData("it's", true)]
    [InlineData("s's", true)]
    [InlineData("'s", false)]
    [InlineData("boss", false)]
    [InlineData("bosss", false)]
    public void IsPossessive_IsAnApostropheAndSAtTheEnd(string word, bool possessive)
    {
        Assert.Equal(possessive, EnglishInflection.IsPossessive(word));
    }

    [Theory]
    [InlineData("war", "wars", "warred", "warring")]
    [InlineData("city", "cities", "citied")]
    [InlineData("agree", "agrees", "agreed", "agreeing")]
    [InlineData("excee", "exceed", "exceeds", "exceeded", "exceeding")]
    public void Forms_OfAKey_ListItsInflections(string key, params string[] words)
    {
        Assert.All(words, w => Assert.Contains(w, EnglishInflection.Forms(key)));
    }

    [Fact]
    public void Forms_OfAVeryLongKey_AreItWithItsEndings()
    {
        var key = new string('a', 500) + "r";

        var forms = EnglishInflection.Forms(key).ToList();

        Assert.Contains(key, forms);
        Assert.Contains(key + "ring", forms);
        Assert.All(forms, f => Assert.StartsWith(key, f, StringComparison.Ordinal));
    }

    [Fact]
    public void Forms_OfAKey_LeaveOutWordsThatOnlyStartLikeIt()
    {
        var forms = EnglishInflection.Forms("war").ToList();

        Assert.DoesNotContain("warning", forms);
        Assert.DoesNotContain("warm", forms);
        Assert.DoesNotContain("ward", forms);
    }

    [SharedFact(SharedData.BbcCorpus)]
    public void Forms_OfTheKeyOfEveryBbcWord_IncludeTheWord()
    {
        var vocabulary = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(SharedData.BbcCorpusPath, "*.txt", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            foreach (var word in WordTokenizer.Tokenize(text))
            {
                vocabulary.Add(EnglishInflection.Fold(text.AsSpan(word.Start, word.Length)));
            }
        }

        Assert.True(vocabulary.Count > 10_000);
        Assert.All(vocabulary, word => Assert.Contains(word, EnglishInflection.Forms(EnglishInflection.Stem(word))));
    }
}
