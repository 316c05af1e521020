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
    [InlineData("presses", "press")]
    [InlineData("escalates", "escalat")]
    [InlineData("escalate", "escalat")]
    [InlineData("falls", "fall")]
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
    [InlineData("Café\u2019s", "cafes")]
    [InlineData("RUSSIA'S", "russias")]
    [InlineData("Zürich", "zurich")]
    [InlineData("plain", "plain")]
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
    [InlineData("guarantee", "guarantees", "guaranteed")]
    [InlineData("Café", "cafe", "cafés")]
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
    public void Key_DifferentWords_HaveDifferentKeys(string a, string b)
    {
        Assert.NotEqual(EnglishInflection.Key(a), EnglishInflection.Key(b));
    }
}
