using CsCheck;
using Ingest.Domain.Articles;
using Ingest.Domain.Matching;

namespace Ingest.Domain.Tests;

/// <summary>Each operator of the watch expression language, with the texts it must and must not hit.</summary>
public class WatchExpressionMatchingTests
{
    /// <summary>How the matchers under test find candidate words; a subclass runs every test again with the other strategy.</summary>
    protected virtual MatchStrategy Strategy => MatchStrategy.Search;

    private KeywordMatcher Compile(IEnumerable<Ingest.Domain.Watches.Watch> watches) => KeywordMatcher.Compile(watches, Strategy);

    private WatchMatch? Match(string expression, Article article, int minimumHits = 1) =>
        Compile([WatchBuilder.Expression(expression, minimumHits)]).Match(article).SingleOrDefault();

    private WatchMatch? MatchBody(string expression, string body) => Match(expression, ArticleBuilder.WithBody(body));

    private static string[] Matched(string body, WatchMatch? match) =>
        match is null ? [] : [.. match.Hits.Select(h => body.Substring(h.Offset, h.Length))];

    [Theory]
    [InlineData("sanction", "Banks were sanctioned.", "sanctioned")]
    [InlineData("sanction", "The sanctioning body met.", "sanctioning")]
    [InlineData("sanctions", "A single sanction.", "sanction")]
    [InlineData("SANCTION", "new Sanctions", "Sanctions")]
    [InlineData("cafe", "The Café’s owner", "Café’s")]
    [InlineData("control", "Prices were controlled.", "controlled")]
    [InlineData("travel", "Travelling by ferry.", "Travelling")]
    [InlineData("call", "He called twice.", "called")]
    [InlineData("boss", "The boss’s car.", "boss’s")]
    [InlineData("belarus", "Belarus's exports fell.", "Belarus's")]
    [InlineData("uk", "The UK’s reply.", "UK’s")]
    [InlineData("movie", "Two movies.", "movies")]
    [InlineData("lodz", "Łódź station", "Łódź")]
    [InlineData("strasse", "Karl-Marx-Straße", "Straße")]
    [InlineData("kobenhavn", "KØBENHAVN", "KØBENHAVN")]
    [InlineData("οδος", "ΟΔΟΣ ΠΑΝΕΠΙΣΤΗΜΙΟΥ", "ΟΔΟΣ")]
    [InlineData("ΟΔΟΣ", "στην οδός Σταδίου", "οδός")]
    [InlineData("staff", "Clinics were staffed by volunteers.", "staffed")]
    [InlineData("staff", "Staffing levels fell.", "Staffing")]
    [InlineData("boycott", "Fans are boycotting the final.", "boycotting")]
    [InlineData("boycott", "The talks were boycotted.", "boycotted")]
    [InlineData("rebuff", "The offer was rebuffed.", "rebuffed")]
    [InlineData("ban", "Imports were banned.", "banned")]
    [InlineData("commit", "They committed funds.", "committed")]
    [InlineData("embargo", "Arms embargoes stay.", "embargoes")]
    [InlineData("veto", "Both vetoes held.", "vetoes")]
    [InlineData("iraqi", "Iraqis voted.", "Iraqis")]
    [InlineData("israeli", "The Israelis’ reply.", "Israelis")]
    [InlineData("menu", "Two menus.", "menus")]
    [InlineData("crisis", "The crisis deepened.", "crisis")]
    [InlineData("sue", "The firm was sued.", "sued")]
    [InlineData("die", "Two died.", "died")]
    [InlineData("tie", "Trade ties grew.", "ties")]
    [InlineData("axe", "Both axes fell.", "axes")]
    [InlineData("ax", "Both axes fell.", "axes")]
    [InlineData("don‘t", "I don’t know.", "don’t")]
    [InlineData("=russia‘s", "Russia's army.", "Russia's")]
    [InlineData("o‘brien", "O’Brien said.", "O’Brien")]
    [InlineData("\"russia‘s army\"", "Russia’s army moved.", "Russia’s army")]
    public void BareTerm_MatchesInflectionsCaseAndAccents(string expression, string body, string expected)
    {
        Assert.Equal([expected], Matched(body, MatchBody(expression, body)));
    }

    [Theory]
    [InlineData("sanction", "A sanctimonious speech.")]
    [InlineData("sanction", "The sanctuary closed.")]
    [InlineData("sanction*", "Santa arrived.")]
    [InlineData("staff", "A staf meeting.")]
    [InlineData("boycott", "A boycotter spoke.")]
    [InlineData("tax", "Two taxis waited.")]
    [InlineData("iraqis", "One Iraqi spoke.")]
    [InlineData("see", "A seed bank.")]
    [InlineData("wee", "A weed grew.")]
    public void BareTerm_DoesNotMatchOtherWordsSharingLetters(string expression, string body)
    {
        Assert.Null(MatchBody(expression, body));
    }

    [Theory]
    [InlineData("रत", "भारत की राजधानी")] // ा (U+093E) is a spacing combining mark: part of the word, as a combining accent is
    [InlineData("भारत", "भ रत")]
    [InlineData("cafe", "cafe\u20DD")] // an enclosing mark too
    public void CombiningMarks_OfEveryKind_BelongToTheWord(string expression, string body)
    {
        Assert.Null(MatchBody(expression, body));
    }

    [Fact]
    public void CombiningMarks_WordWithThem_MatchesWhole()
    {
        Assert.Equal(["भारत"], Matched("भारत की", MatchBody("भारत", "भारत की")));
    }

    [Fact]
    public void BareTerm_InHyphenatedWord_MatchesThePart()
    {
        // A hyphen separates words, so "anti-sanctions" contains the word "sanctions" (docs/watches.md).
        var body = "Anti-sanctions protesters marched.";

        Assert.Equal(["sanctions"], Matched(body, MatchBody("sanctions", body)));
    }

    [Fact]
    public void HyphenatedTerm_IsAPhraseOfItsParts()
    {
        Assert.NotNull(MatchBody("anti-sanctions", "The anti–sanctions lobby."));
        Assert.NotNull(MatchBody("anti-sanctions", "The anti sanctions lobby."));
        Assert.Null(MatchBody("anti-sanctions", "Sanctions, anti everything."));
    }

    [Theory]
    [InlineData("=sanctions", "New sanctions.", true)]
    [InlineData("=sanctions", "New SANCTIONS.", true)]
    [InlineData("=sanctions", "New sanction.", false)]
    [InlineData("=sanctions", "They sanctioned it.", false)]
    [InlineData("=cafe", "The Café.", true)]
    [InlineData("=\"foreign ministers\"", "The foreign ministers met.", true)]
    [InlineData("=\"foreign ministers\"", "The foreign minister met.", false)]
    public void ExactTerm_IgnoresCaseAndAccentsButNotInflection(string expression, string body, bool hits)
    {
        Assert.Equal(hits, MatchBody(expression, body) is not null);
    }

    [Theory]
    [InlineData("\"foreign minister\"", "The Foreign Ministers met.", true)]
    [InlineData("“foreign minister”", "The foreign minister met.", true)]
    [InlineData("„foreign minister“", "The foreign minister met.", true)]
    [InlineData("\"foreign minister\"", "Foreign, minister!", true)]
    [InlineData("\"foreign minister\"", "The minister for foreign affairs.", false)]
    [InlineData("\"foreign minister\"", "The foreign trade minister.", false)]
    [InlineData("\"foreign minister\"", "They met the foreign", false)]
    [InlineData("\"the ferry\"", "Ferry the ferry.", true)]
    [InlineData("\"the ferry\"", "Ferry, the, the, the.", false)]
    [InlineData("\"the ferry\"", "The ferry", true)]
    [InlineData("\"ferry the\"", "Ferry", false)]
    [InlineData("\"a b c\"", "c b a b c", true)]
    public void Phrase_MatchesWordsConsecutivelyInOrder(string expression, string body, bool hits)
    {
        Assert.Equal(hits, MatchBody(expression, body) is not null);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(70)]
    [InlineData(200)]
    public void LongWords_AreKeyedLikeShortOnes(int length)
    {
        var stem = new string('x', length) + "ali";
        var body = $"Some {stem}ties and Ünïcödé{stem}ties here.";

        var match = MatchBody($"{stem}ty OR ünïcödé{stem}ty", body);

        Assert.Equal([$"{stem}ties", $"Ünïcödé{stem}ties"], Matched(body, match));
    }

    [Theory]
    [InlineData("\"foreign minist*\"", "The Foreign Ministry said", true)]
    [InlineData("\"foreign minist*\"", "two foreign ministers met", true)]
    [InlineData("\"foreign minist*\"", "a foreign trade minister", false)]
    [InlineData("\"econ* growth\"", "Economic growth slowed", true)]
    [InlineData("\"econ* growth\"", "growth of the economy", false)]
    [InlineData("=\"the econ*\"", "the economists", true)]
    public void Phrase_WordEndingInStar_IsAPrefix(string expression, string body, bool hits)
    {
        var match = MatchBody(expression, body);

        Assert.Equal(hits, match is not null);
        if (hits)
        {
            Assert.Equal(expression.TrimStart('='), match!.Hits.Single().Keyword.TrimStart('='));
        }
    }

    [Fact]
    public void Phrase_DoesNotSpanFields()
    {
        var article = ArticleBuilder.Make(title: "Talks with the foreign", standfirst: "Minister arrives.", paragraphs: ["Nothing."]);

        Assert.Null(Match("\"foreign minister\"", article));
    }

    [Fact]
    public void Phrase_HitCoversTheWholePhrase()
    {
        var body = "Yesterday the Foreign Minister spoke.";

        var hit = Assert.Single(MatchBody("\u201cforeign minister\u201d", body)!.Hits);

        Assert.Equal("Foreign Minister", body.Substring(hit.Offset, hit.Length));
        Assert.Equal("\u201cforeign minister\u201d", hit.Keyword);
    }

    [Theory]
    [InlineData("sanctions russia", "Russia faces sanctions.", true)]
    [InlineData("sanctions russia", "Sanctions on Iran.", false)]
    [InlineData("sanctions AND russia", "Russia faces sanctions.", true)]
    [InlineData("sanctions AND russia", "Russia alone.", false)]
    [InlineData("sanctions OR tariffs", "New tariffs.", true)]
    [InlineData("sanctions OR tariffs", "New taxes.", false)]
    [InlineData("sanctions and russia", "Sanctions, Russia, and more.", true)]
    [InlineData("sanctions and russia", "Sanctions and Iran.", false)]
    public void AndOr_CombineTerms(string expression, string body, bool hits)
    {
        Assert.Equal(hits, MatchBody(expression, body) is not null);
    }

    [Theory]
    [InlineData("sanctions NOT russia", "Sanctions on Iran.", true)]
    [InlineData("sanctions NOT russia", "Sanctions on Russia.", false)]
    [InlineData("sanctions -russia", "Sanctions on Russia.", false)]
    [InlineData("sanctions –russia", "Sanctions on Russia.", false)]
    [InlineData("sanctions -\"sanctions relief\"", "Talk of sanctions relief.", false)]
    [InlineData("sanctions -\"sanctions relief\"", "Talk of sanctions.", true)]
    [InlineData("sanctions -(russia OR iran)", "Sanctions on Iran.", false)]
    [InlineData("sanctions -(russia OR iran)", "Sanctions on Cuba.", true)]
    [InlineData("NOT NOT sanctions", "Sanctions.", true)]
    [InlineData("NOT -sanctions", "Sanctions.", true)]
    public void Not_ExcludesArticlesWithTheTerm(string expression, string body, bool hits)
    {
        Assert.Equal(hits, MatchBody(expression, body) is not null);
    }

    [Fact]
    public void Not_ProducesNoHits()
    {
        var body = "Sanctions on Iran, not Cuba.";

        var match = MatchBody("sanctions -russia", body);

        Assert.Equal(["Sanctions"], Matched(body, match));
    }

    [Theory]
    [InlineData("ferry OR sanctions russia", "A ferry sank.", true)]
    [InlineData("ferry OR sanctions russia", "Sanctions on Iran.", false)]
    [InlineData("ferry OR sanctions russia", "Sanctions on Russia.", true)]
    [InlineData("(ferry OR sanctions) russia", "A ferry sank.", false)]
    [InlineData("(ferry OR sanctions) russia", "A Russian ferry? No: a Russia ferry.", true)]
    [InlineData("sanctions AND russia OR iran", "Iran.", true)]
    [InlineData("sanctions AND (russia OR iran)", "Iran.", false)]
    public void Parentheses_OverrideThatAndBindsTighterThanOr(string expression, string body, bool hits)
    {
        Assert.Equal(hits, MatchBody(expression, body) is not null);
    }

    [Theory]
    [InlineData("sanct*", "Sanctimonious talk.", "Sanctimonious")]
    [InlineData("sanction*", "Sanctioned banks.", "Sanctioned")]
    [InlineData("econ*", "The Economy’s health.", "Economy’s")]
    [InlineData("cafe*", "Cafés reopened.", "Cafés")]
    [InlineData("sanction*", "A sanction.", "sanction")]
    [InlineData("하*", "한국 경제.", "한국")]
    public void Prefix_MatchesWordsStartingWithIt(string expression, string body, string expected)
    {
        Assert.Equal([expected], Matched(body, MatchBody(expression, body)));
    }

    [Fact]
    public void Prefix_DoesNotMatchShorterWordOrMidWord()
    {
        Assert.Null(MatchBody("sanction*", "Sanct. The unsanctioned deal."));
    }

    [Fact]
    public void Prefix_SeveralLengthsInOneMatcher_EachMatch()
    {
        var matcher = Compile([WatchBuilder.Expression("econ*", id: "a"), WatchBuilder.Expression("economist*", id: "b")]);

        var matches = matcher.Match(ArticleBuilder.WithBody("Economists and the economy."));

        Assert.Equal(2, Assert.Single(matches, m => m.WatchId == "a").Hits.Count);
        Assert.Single(Assert.Single(matches, m => m.WatchId == "b").Hits);
    }

    [Theory]
    [InlineData("sanctions NEAR/3 russia", "Sanctions on Russia.", true)]
    [InlineData("sanctions NEAR/3 russia", "Russia is facing sanctions.", true)]
    [InlineData("sanctions NEAR/3 russia", "Sanctions one two three Russia.", true)]
    [InlineData("sanctions NEAR/3 russia", "Sanctions one two three four Russia.", false)]
    [InlineData("sanctions NEAR/3 russia", "Russia one two three sanctions.", true)]
    [InlineData("sanctions NEAR/3 russia", "Russia one two three four sanctions.", false)]
    [InlineData("sanctions NEAR/0 russia", "Russia sanctions.", true)]
    [InlineData("sanctions NEAR/0 russia", "Russia, new sanctions.", false)]
    [InlineData("sanctions NEAR russia", "Sanctions 1 2 3 4 5 Russia.", true)]
    [InlineData("sanctions NEAR russia", "Sanctions 1 2 3 4 5 6 Russia.", false)]
    [InlineData("\"new sanctions\" NEAR/1 russia", "New sanctions on Russia.", true)]
    [InlineData("\"new sanctions\" NEAR/1 russia", "New sanctions on all of Russia.", false)]
    [InlineData("sanctions NEAR/1 russia NEAR/1 oil", "Sanctions on Russia’s oil.", true)]
    [InlineData("sanctions NEAR/1 russia NEAR/1 oil", "Sanctions on Russia and its oil.", false)]
    public void Near_CountsWordsBetweenInEitherOrder(string expression, string body, bool hits)
    {
        Assert.Equal(hits, MatchBody(expression, body) is not null);
    }

    [Fact]
    public void Near_ArbitraryText_AgreesWithCountingWordsBetween()
    {
        var words = Gen.OneOf<string>(["alpha", "beta", "x", "y"]).Array[0, 40];

        Gen.Select(words, Gen.Int[0, 6]).Sample(
            (text, n) =>
            {
                var alphas = Enumerable.Range(0, text.Length).Where(i => text[i] == "alpha").ToList();
                var betas = Enumerable.Range(0, text.Length).Where(i => text[i] == "beta").ToList();
                var expected = alphas.Any(a => betas.Any(b => Math.Abs(a - b) - 1 <= n));

                var match = MatchBody($"alpha NEAR/{n} beta", text.Length == 0 ? "empty" : string.Join(' ', text));

                Assert.Equal(expected, match is not null);
            },
            iter: 3_000);
    }

    /// <summary>
    /// NEAR chains over text that repeats their words, against a model that tries every way the chain can be
    /// made, as docs/watches.md reads one: left to right, each next term a different word within its distance of
    /// what is joined so far (counted from its nearer end). The chain holds when one way exists, and its hits
    /// are the words used by any way.
    /// </summary>
    [Fact]
    public void NearChain_ArbitraryText_HoldsAndHitsAsEveryWayOfMakingItSays()
    {
        var chain = Gen.Select(Gen.OneOf<string>(ChainVocabulary), Gen.Int[0, 3]).Array[2, 4];

        Gen.Select(ChainText, chain).Sample(
            (text, links) => AssertAsEveryWaySays(Chain(links), text, links),
            iter: 3_000);
    }

    /// <summary>
    /// A NEAR with a parenthesised chain on its right, against the same model: the chain's ways, then the left term
    /// within its distance of each (from the nearer end, outside it), on a different word.
    /// </summary>
    [Fact]
    public void NearWithAChainOnItsRight_ArbitraryText_HoldsAndHitsAsEveryWayOfMakingItSays()
    {
        var link = Gen.Select(Gen.OneOf<string>(ChainVocabulary), Gen.Int[0, 3]);

        Gen.Select(ChainText, link, link.Array[2, 3]).Sample(
            (text, outer, links) => AssertAsEveryWaySays($"{outer.Item1} NEAR/{outer.Item2} ({Chain(links)})", text, [.. links, outer]),
            iter: 3_000,
            threads: 1);
    }

    [Theory]
    [InlineData("port NEAR/2 (ferry NEAR/1 strike)", "ferry port strike", "")]
    [InlineData("c NEAR/2 (a NEAR/1 b)", "c x a b", "c a b")]
    [InlineData("c NEAR/2 (a NEAR/1 b)", "a b x c", "a b c")]
    [InlineData("c NEAR/1 (a NEAR/1 b)", "c x a y b", "c a b")]
    [InlineData("c NEAR/1 (a NEAR/1 b)", "c x y a b", "")]
    [InlineData("c NEAR/0 (a NEAR/1 b)", "a b c x a", "a b c")]
    [InlineData("a NEAR/2 (a NEAR/0 b)", "a b", "")]
    public void Near_ChainInParenthesesOnItsRight_IsThatChainThenTheLeftTermOutsideItFromItsNearerEnd(string expression, string body, string hits)
    {
        Assert.Equal(hits.Split(' ', StringSplitOptions.RemoveEmptyEntries), Matched(body, MatchBody(expression, body)));
    }

    private static readonly string[] ChainVocabulary = ["alpha", "beta", "x"];

    /// <summary>At most 24 words, so that a way's words fit in the bits of one number.</summary>
    private static readonly Gen<string[]> ChainText = Gen.OneOf<string>([.. ChainVocabulary, "alpha", "y"]).Array[0, 24];

    private static string Chain((string Term, int Distance)[] links) =>
        links[0].Term + string.Concat(links.Skip(1).Select(l => $" NEAR/{l.Distance} {l.Term}"));

    /// <summary>
    /// Matches <paramref name="expression"/> over the words of <paramref name="text"/> and compares it with the model:
    /// every way of joining <paramref name="links"/> in order, each next term a different word within its distance of
    /// what is joined so far. It holds when one way exists, and its hits are the words any way uses. Ways that join
    /// the same words between the same first and last are kept once, so the model costs no more than the text's words
    /// allow, however many orders reach them.
    /// </summary>
    private void AssertAsEveryWaySays(string expression, string[] text, (string Term, int Distance)[] links)
    {
        // Every way: (first word, last word, the words it uses as bits), extended one term at a time.
        var ways = Enumerable.Range(0, text.Length).Where(i => text[i] == links[0].Term)
            .Select(i => (First: i, Last: i, Used: 1UL << i)).ToHashSet();
        foreach (var (term, distance) in links.Skip(1))
        {
            ways = [.. from w in ways
                       from i in Enumerable.Range(0, text.Length)
                       where text[i] == term
                       let between = i > w.Last ? i - w.Last - 1 : i < w.First ? w.First - i - 1 : -1
                       where between >= 0 && between <= distance
                       select (Math.Min(w.First, i), Math.Max(w.Last, i), w.Used | 1UL << i)];
        }

        var used = ways.Aggregate(0UL, (all, w) => all | w.Used);
        var expected = Enumerable.Range(0, text.Length).Where(i => (used >> i & 1) != 0).ToList();
        var body = text.Length == 0 ? "empty" : string.Join(' ', text);
        var starts = Enumerable.Range(0, text.Length).Select(i => text.Take(i).Sum(t => t.Length + 1)).ToList();

        var actual = MatchBody(expression, body)?.Hits.Select(h => starts.IndexOf(h.Offset)).Order().ToList();

        // The case in the message: CsCheck reports only its seed.
        Assert.True(
            expected.Count > 0 == actual is not null && expected.SequenceEqual(actual ?? []),
            $"{expression} over \"{body}\": every way uses words [{string.Join(", ", expected)}]; matched {(actual is null ? "nothing" : $"words [{string.Join(", ", actual)}]")}");
    }

    [Fact]
    public void NearChain_OverAWordRepeatedHundredsOfTimes_IsMatchedWithEveryHit()
    {
        // Reached in tens of millions of ways; kept once per place, it is matched in a moment, and every word is used.
        var body = string.Join(' ', Enumerable.Repeat("alpha", 300));

        var match = MatchBody("alpha NEAR/10 alpha NEAR/10 alpha NEAR/10 alpha NEAR/10 alpha", body)!;

        Assert.Equal(300, match.Hits.Count);
    }

    [Fact]
    public void NearChain_PastItsMostPairs_IsJudgedOnThePairsLookedAtFirst()
    {
        // A thousand words of one word at the widest distance: more pairs than a NEAR looks at in one article.
        var body = string.Join(' ', Enumerable.Repeat("alpha", 1_000));

        var match = MatchBody("alpha NEAR/100 alpha NEAR/100 alpha", body)!;

        Assert.NotNull(match);
        Assert.InRange(match.Hits.Count, 100, 999);
        Assert.Equal(0, match.Hits.Min(h => h.Offset));
    }

    [Fact]
    public void NearChain_OfTwoChainsInParentheses_PastItsMostPairs_StillHolds()
    {
        // Each half has more places than its NEARs look at; the pairs looked at are pairs of places that do not
        // overlap, so the chain finds near ones before its budget ends.
        var body = string.Join(' ', Enumerable.Repeat("alpha", 1_000));
        var half = string.Join(" NEAR/100 ", Enumerable.Repeat("alpha", 6));

        var match = MatchBody($"({half}) NEAR/100 ({half})", body);

        Assert.NotNull(match);
        Assert.Equal(0, match.Hits.Min(h => h.Offset));
    }

    [Fact]
    public void Near_DoesNotSpanFields()
    {
        var article = ArticleBuilder.Make(title: "New sanctions", standfirst: "Russia reacts.", paragraphs: ["Nothing."]);

        Assert.Null(Match("sanctions NEAR/5 russia", article));
    }

    [Fact]
    public void Near_ExplainsBothSidesButOnlyTheNearOccurrences()
    {
        var body = "Russia. Lots of words come here before the sanctions on Russia.";

        var match = MatchBody("sanctions NEAR/2 russia", body);

        Assert.Equal(["sanctions", "Russia"], Matched(body, match));
    }

    [Theory]
    [InlineData("title:sanctions", true, false, false)]
    [InlineData("standfirst:sanctions", false, true, false)]
    [InlineData("body:sanctions", false, false, true)]
    [InlineData("TITLE:sanctions", true, false, false)]
    [InlineData("title:\"new sanctions\"", true, false, false)]
    [InlineData("title:(sanctions OR tariffs)", true, false, false)]
    [InlineData("title:=sanctions", true, false, false)]
    public void FieldScope_MatchesOnlyInThatField(string expression, bool inTitle, bool inStandfirst, bool inBody)
    {
        Assert.Equal(inTitle, Match(expression, ArticleBuilder.Make(title: "New sanctions", paragraphs: ["Nothing."])) is not null);
        Assert.Equal(inStandfirst, Match(expression, ArticleBuilder.Make(title: "News", standfirst: "New sanctions.", paragraphs: ["Nothing."])) is not null);
        Assert.Equal(inBody, Match(expression, ArticleBuilder.Make(title: "News", paragraphs: ["New sanctions."])) is not null);
    }

    /// <summary>What docs/watches.md says of scopes inside scopes, NOTs inside a scope, and a scope after NEAR.</summary>
    [Theory]
    [InlineData("title:(sanctions -russia)", "Sanctions", "Russia again.", true)]
    [InlineData("title:(sanctions -russia)", "Sanctions on Russia", "Nothing.", false)]
    [InlineData("title:sanctions -russia", "Sanctions", "Russia again.", false)]
    [InlineData("title:(russia OR body:iran)", "News", "Iran again.", true)]
    [InlineData("title:(russia OR body:iran)", "Iran", "Nothing.", false)]
    [InlineData("title:(russia OR body:iran)", "Russia", "Nothing.", true)]
    [InlineData("sanctions NEAR/3 title:russia", "Sanctions on Russia", "Nothing.", true)]
    [InlineData("sanctions NEAR/3 title:russia", "News", "Sanctions on Russia.", false)]
    public void FieldScope_ReachesNotsAndTheInnerScopeWins(string expression, string title, string body, bool hits)
    {
        Assert.Equal(hits, Match(expression, ArticleBuilder.Make(title: title, paragraphs: [body])) is not null);
    }

    /// <summary>Only decimal digits are digits of a word: sub- and superscripts, fractions and Roman numerals split words.</summary>
    [Theory]
    [InlineData("co", "CO₂ levels rose.", "CO")]
    [InlineData("co2", "CO₂ levels rose.", null)]
    [InlineData("CO₂", "CO levels rose.", "CO")]
    [InlineData("km", "An area of 40 km² burned.", "km")]
    [InlineData("cup", "Add ½cup of flour.", "cup")]
    [InlineData("henry", "King HenryⅧ returned.", "Henry")]
    [InlineData("covid19", "Covid19 cases", "Covid19")]
    [InlineData("١٩", "Year ١٩ began.", "١٩")]
    public void Words_AreLettersAndDecimalDigits(string expression, string body, string? expected)
    {
        Assert.Equal(expected is null ? [] : [expected], Matched(body, MatchBody(expression, body)));
    }

    [Fact]
    public void FieldScope_HitsAreMarkedWithTheirField()
    {
        var article = ArticleBuilder.Make(title: "Sanctions widen", paragraphs: ["Sanctions again."]);

        var match = Match("title:sanctions OR body:sanctions", article)!;

        Assert.True(match.InTitle);
        Assert.Equal([ArticleField.Title, ArticleField.Body], match.Hits.Select(h => h.Field));
    }

    [Fact]
    public void Hits_NameTheClauseThatMatched()
    {
        var match = MatchBody("(sanction* OR =tariffs) NOT ferry", "Sanctioned tariffs.")!;

        Assert.Equal(["sanction*", "=tariffs"], match.Hits.Select(h => h.Keyword));
    }

    [Fact]
    public void Hits_OnlyFromTheBranchesThatHeld()
    {
        var body = "Sanctions and tariffs.";

        var match = MatchBody("(sanctions AND russia) OR tariffs", body);

        Assert.Equal(["tariffs"], Matched(body, match));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(3, true)]
    [InlineData(4, false)]
    public void MinimumHits_NeedsThatManyPositiveHits(int minimumHits, bool hits)
    {
        var article = ArticleBuilder.Make(title: "Sanctions", paragraphs: ["More sanctions, not Russia. A sanction."]);

        Assert.Equal(hits, Match("sanctions -iran", article, minimumHits) is not null);
    }

    /// <summary>
    /// How many hits clauses over the same word make, as docs/watches.md counts them: one per clause as written,
    /// where a clause's field scope is part of what is written (<c>title:sanctions</c> and <c>sanctions</c> are two).
    /// </summary>
    [Theory]
    [InlineData("sanctions", 1)]
    [InlineData("sanctions OR sanctions", 1)]
    [InlineData("sanctions OR (sanctions)", 1)]
    [InlineData("sanctions OR sanctioned", 2)]
    [InlineData("sanctions OR Sanctions", 2)]
    [InlineData("sanctions OR \"sanctions\"", 2)]
    [InlineData("title:sanctions OR sanctions", 2)]
    [InlineData("sanctions OR title:sanctions", 2)]
    [InlineData("title:sanctions OR title:sanctions", 1)]
    [InlineData("title:sanctions OR title:(sanctions)", 1)]
    [InlineData("title:(sanctions OR sanctions)", 1)]
    [InlineData("title:sanctions OR body:sanctions", 1)]
    [InlineData("title:\"new sanctions\" OR \"new sanctions\"", 2)]
    [InlineData("title:(sanctions NEAR/1 new) OR (sanctions NEAR/1 new)", 4)]
    public void Hits_OneForEachClauseAsWritten_FieldScopeIncluded(string expression, int expected)
    {
        var article = ArticleBuilder.Make(title: "New sanctions", paragraphs: ["Nothing here."]);

        var match = Match(expression, article)!;

        Assert.Equal(expected, match.Hits.Count);
        Assert.All(match.Hits, h => Assert.Equal(ArticleField.Title, h.Field));
        Assert.Equal(expected >= 2, Match(expression, article, minimumHits: 2) is not null);
    }

    [Fact]
    public void Match_OnlyInTeasers_DoesNotHit()
    {
        var article = ArticleBuilder.Make(paragraphs: ["Nothing."], teasers: ["Sanctions on Russia"]);

        Assert.Null(Match("sanctions OR russia", article));
    }

    [Fact]
    public void Compile_InvalidExpression_IsRejectedNotFatal()
    {
        var matcher = Compile([WatchBuilder.Expression("(sanctions", id: "bad"), WatchBuilder.Expression("tariffs", id: "good")]);

        Assert.Equal(1, matcher.WatchCount);
        Assert.StartsWith("Expected ')'", matcher.Rejected["bad"], StringComparison.Ordinal);
        Assert.Equal("good", Assert.Single(matcher.Match(ArticleBuilder.WithBody("Tariffs."))).WatchId);
    }

    [Fact]
    public void Match_ManyWatches_ReportsOnlyThoseThatHold()
    {
        var watches = Enumerable.Range(0, 2000).Select(i => WatchBuilder.Expression($"word{i} OR \"phrase {i}\"", id: $"w{i}")).ToList();
        watches.Add(WatchBuilder.Expression("sanctions NOT word5", id: "negated"));
        var matcher = Compile(watches);

        var matches = matcher.Match(ArticleBuilder.WithBody("word7 then phrase 1999 and sanctions."));

        Assert.Equal(["w7", "w1999", "negated"], matches.Select(m => m.WatchId));
    }
}

/// <summary>Every test of <see cref="WatchExpressionMatchingTests"/> again, with the tokenizing strategy.</summary>
public sealed class WatchExpressionMatchingTestsWhenTokenizing : WatchExpressionMatchingTests
{
    protected override MatchStrategy Strategy => MatchStrategy.Tokenize;
}
