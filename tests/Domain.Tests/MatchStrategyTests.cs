using CsCheck;
using Ingest.Domain.Articles;
using Ingest.Domain.Matching;
using Ingest.Domain.Parsing;
using Ingest.Domain.Watches;

namespace Ingest.Domain.Tests;

/// <summary>
/// The two ways a matcher finds candidate words — a vectorised search for the terms' leading characters,
/// or a pass over every word through a bit filter — must find exactly the same matches, hits, offsets
/// and snippets on any text, including words the search cannot see by their characters (apostrophes,
/// diacritics, combining marks, case-folding oddities).
/// </summary>
public sealed class MatchStrategyTests
{
    /// <summary>Words and separators chosen to reach every path of both strategies.</summary>
    private static readonly string[] Pieces =
    [
        "sanction", "Sanctions", "SANCTIONED", "sanctioning", "sanctimonious", "anti-sanctions", "unsanctioned",
        "Russia", "Russia’s", "Russia's", "RUSSIA’S", "don't", "dont", "Don’t", "o'clock", "rock’n’roll", "’tis", "'quoted'",
        "Café", "cafe\u0301", "CAFE", "cafes", "naïve", "naive", "Zürich", "zurich", "Straße", "\u212Aelvin", "kelvin",
        "agencies", "agency", "Agency’s", "policies", "the", "The", "them", "theatre", "ferry", "Ferry", "ferries",
        "2024", "covid19", "COVID-19", "x", "y", "tis", "economy", "economist", "economists", "x''y", "a'", "'b",
        "boss", "Boss’s", "bosses", "Belarus", "Belarus’s", "UK's", "uk", "controlled", "Control", "called", "Call’s", "travelling",
        " ", " ", " ", ", ", ". ", " — ", "-", "\u2019", "'", "“", "”", " (", ") ", "\u00A0", "\t",
    ];

    private static readonly Watch[] Watches =
    [
        .. new[]
        {
            "sanction", "=sanctions", "sanction*", "\"the ferry\"", "russia NEAR/2 sanction", "cafe", "naive", "dont", "zurich",
            "agency", "title:ferry", "ferry -sanction", "kelvin", "o'clock", "rock", "covid19", "19", "tis", "x", "y",
            "\"russia sanctions\"", "economist*", "=economy", "(cafe OR naive) AND the", "straße", "\"don't\" NEAR/0 the",
            "standfirst:russia", "econ*", "them", "policy", "boss", "belarus", "uk", "control", "call", "=bosss", "travel",
        }.Select((e, i) => WatchBuilder.Expression(e, id: $"w{i}")),
    ];

    private static readonly Gen<string> Paragraph = Gen.OneOf<string>(Pieces).Array[0, 40].Select(string.Concat);

    private static readonly Gen<Article> Articles =
        Gen.Select(Paragraph, Paragraph.Null(), Paragraph.Array[1, 4], (title, standfirst, body) => ArticleBuilder.Make(title, standfirst, body));

    [Fact]
    public void SearchAndTokenize_FindTheSameMatches_OnAnyText()
    {
        var search = KeywordMatcher.Compile(Watches, MatchStrategy.Search);
        var tokenize = KeywordMatcher.Compile(Watches, MatchStrategy.Tokenize);

        Articles.Sample(article => Assert.Equal(Describe(tokenize.Match(article)), Describe(search.Match(article))), iter: 3_000);
    }

    /// <summary>
    /// The word pass may first ask whether an article has a trigger at all, looking up only the triggers' words, and
    /// then pass it again from its start, recording every pattern's words: asking every article or none finds the
    /// same matches, hits and offsets, wherever an article's first trigger is, and when it has none.
    /// </summary>
    [Fact]
    public void WordPass_FindsTheSameMatches_WhetherOrNotItFirstAsksForATrigger()
    {
        // "theatre" and "2024" are no watch's trigger (one is negated, the other is the phrase's shorter word).
        Watch[] watches = [.. Watches, .. new[] { "agency -theatre", "\"economy 2024\"", "\"x y\" NEAR/3 2024" }.Select((e, i) => WatchBuilder.Expression(e, id: $"n{i}"))];
        var asking = KeywordMatcher.Compile(watches, MatchStrategy.Tokenize);
        var straight = KeywordMatcher.Compile(watches, MatchStrategy.Tokenize);
        Assert.True(asking.AsksForTriggers);
        asking.AskForTriggers = true;
        straight.AskForTriggers = false;
        var matched = 0;
        var unmatched = 0;
        var filler = Gen.OneOf<string>("one ", "two ", "and ", "of ", "  ", ", ");
        var piece = Gen.Frequency((1, Gen.OneOf<string>(Pieces)), (4, filler));
        var paragraph = piece.Array[0, 30].Select(string.Concat);

        Gen.Select(paragraph, paragraph.Null(), paragraph.Array[1, 3], (title, standfirst, body) => ArticleBuilder.Make(title, standfirst, body)).Sample(
            article =>
            {
                var expected = Describe(straight.Match(article));
                Assert.Equal(expected, Describe(asking.Match(article)));
                (expected.Count > 0 ? ref matched : ref unmatched)++;
            },
            iter: 4_000,
            threads: 1);
        Assert.True(matched > 1_000 && unmatched > 200, $"{matched} articles matched and {unmatched} did not: the comparison would prove little");
    }

    [Fact]
    public void WordPass_WhenATriggerComesAfterTheWordsItsPhraseNeeds_StillRecordsThem()
    {
        // "the" and "of" are no watch's trigger, so the first pass does not look them up; the second must.
        var matcher = KeywordMatcher.Compile([WatchBuilder.Expression("\"the ferry of\"", id: "p"), WatchBuilder.Expression("agency NEAR/3 the", id: "n")], MatchStrategy.Tokenize);
        matcher.AskForTriggers = true;
        var article = ArticleBuilder.Make("The agency", null, ["Late news, then more news and more: the ferry of the night."]);

        var matches = matcher.Match(article);

        Assert.Equal(["n", "p"], matches.Select(m => m.WatchId).Order());
        var phrase = matches.Single(m => m.WatchId == "p").Hits.Single();
        Assert.Equal((ArticleField.Body, 36, "the ferry of"), (phrase.Field, phrase.Offset, article.Body.Substring(phrase.Offset, phrase.Length)));
        Assert.Equal([(ArticleField.Title, 0), (ArticleField.Title, 4)], matches.Single(m => m.WatchId == "n").Hits.Select(h => (h.Field, h.Offset)));
    }

    /// <summary>
    /// Every needle ASCII, so the search also records the hits of an article with a trigger (rather than the word
    /// pass), numbering words only as far as phrases and NEAR look: phrases, NEAR chains and NEAR at every distance
    /// up to beyond the longest, over text with runs of filler words between the watched ones.
    /// </summary>
    [Fact]
    public void SearchAndTokenize_FindTheSameMatches_WhenTheSearchRecordsTheHits()
    {
        string[] expressions =
        [
            "sanction", "=sanctions", "sanction*", "\"the ferry\"", "russia NEAR/2 sanction", "cafe", "naive", "dont",
            "agency", "title:ferry", "ferry -sanction", "kelvin", "o'clock", "covid19", "tis", "x", "\"russia sanctions\"",
            "economist*", "(cafe OR naive) AND the", "\"don't\" NEAR/0 the", "standfirst:russia", "them", "policy",
            "russia NEAR/0 ferry", "x NEAR/1 y NEAR/1 the", "\"the ferry\" NEAR/3 russia", "\"russia sanctions\" NEAR/6 \"the ferry\"",
            "=economy NEAR ferry", "kelvin NEAR/9 x", "\"x y the\"", "title:(ferry NEAR/1 russia)", "zurich -\"the ferry\"",
        ];
        var watches = expressions.Select((e, i) => WatchBuilder.Expression(e, id: $"c{i}")).ToArray();
        var search = KeywordMatcher.Compile(watches, MatchStrategy.Search);
        var tokenize = KeywordMatcher.Compile(watches, MatchStrategy.Tokenize);
        Assert.True(search.CollectsHits);

        var filler = Gen.OneOf<string>("one ", "two ", "and ", "of ", "  ", ", ");
        var piece = Gen.Frequency((3, Gen.OneOf<string>(Pieces)), (2, filler.Array[1, 12].Select(string.Concat)));
        var paragraph = piece.Array[0, 40].Select(string.Concat);
        Gen.Select(paragraph, paragraph.Null(), paragraph.Array[1, 4], (title, standfirst, body) => ArticleBuilder.Make(title, standfirst, body))
            .Sample(article => Assert.Equal(Describe(tokenize.Match(article)), Describe(search.Match(article))), iter: 4_000);
    }

    /// <summary>
    /// Words only phrases have, beside a longer anchor ("the", "of" and "dont" here), are left out of what the search
    /// records and checked beside the anchor's hits instead: at the start of a field, behind punctuation, apostrophes
    /// and combining accents, on both sides of the anchor and several words away, inside NEAR and under NOT.
    /// </summary>
    [Fact]
    public void SearchAndTokenize_FindTheSameMatches_WhenPhraseWordsAreLeftOutOfTheRecordedHits()
    {
        string[] expressions =
        [
            "\"the ferry\"", "\"of the ferry\"", "\"ferry of the\"", "\"don't ferry\"", "\"cafe tis x\"", "\"x y the economist\"",
            "\"the ferry\" NEAR/3 russia", "russia NEAR/1 \"the agency\" NEAR/2 \"of the policy\"", "sanction -\"the ferry\"",
            "title:\"the ferry\"", "=\"the ferries\"", "\"the econ*\"", "(\"the ferry\" OR \"the ferry\") agency", "kelvin",
        ];
        var watches = expressions.Select((e, i) => WatchBuilder.Expression(e, id: $"p{i}")).ToArray();
        var search = KeywordMatcher.Compile(watches, MatchStrategy.Search);
        var tokenize = KeywordMatcher.Compile(watches, MatchStrategy.Tokenize);
        Assert.True(search.CollectsHits);
        Assert.True(search.PhraseWordsLeftOut >= 4, $"only {search.PhraseWordsLeftOut} phrase words left out");

        var filler = Gen.OneOf<string>("one ", "two ", "and ", "of ", "the ", "  ", ", ", "’ ", "'");
        var piece = Gen.Frequency((3, Gen.OneOf<string>(Pieces)), (2, filler.Array[1, 6].Select(string.Concat)));
        var paragraph = piece.Array[0, 40].Select(string.Concat);
        var matched = 0;
        Gen.Select(paragraph, paragraph.Null(), paragraph.Array[1, 4], (title, standfirst, body) => ArticleBuilder.Make(title, standfirst, body))
            .Sample(
                article =>
                {
                    var expected = Describe(tokenize.Match(article));
                    Assert.Equal(expected, Describe(search.Match(article)));
                    matched += expected.Count;
                },
                iter: 4_000,
                threads: 1);
        Assert.True(matched > 2_000, $"only {matched} matches: the comparison would prove little");
    }

    /// <summary>
    /// A needle that begins most words ("a") makes the search that records hits give up on an article: the word pass
    /// records them instead, and the matches are the same.
    /// </summary>
    [Fact]
    public void Search_WhenRecordingHitsStopsTooOften_LeavesTheArticleToTheWordPass()
    {
        var watches = new[] { "ferry", "a*", "\"ferry again\"", "ferry NEAR/2 and" }.Select((e, i) => WatchBuilder.Expression(e, id: $"g{i}")).ToArray();
        var search = KeywordMatcher.Compile(watches, MatchStrategy.Search);
        var tokenize = KeywordMatcher.Compile(watches, MatchStrategy.Tokenize);
        Assert.True(search.CollectsHits);
        var article = ArticleBuilder.WithBody(string.Join(' ', Enumerable.Repeat("an able ant ate apples, as a ferry again and again", 40)));

        var matches = search.Match(article);

        Assert.Equal(Describe(tokenize.Match(article)), Describe(matches));
        Assert.Equal(["g0", "g1", "g2", "g3"], matches.Select(m => m.WatchId));
        Assert.Equal(40, matches.Single(m => m.WatchId == "g2").Hits.Count);
    }

    [Fact]
    public void SearchAndTokenize_FindTheSameMatches_ForTermsOfEveryLength()
    {
        // Needles of one to four characters use each slot length of the word filter; a one-letter needle ("y"
        // from an inflected key, "x") stops the search at every word starting with that letter.
        var watches = new[] { "a", "an", "eu", "war", "wars", "us", "uk", "ies", "ye", "xy", "2", "ai*", "=ok" }
            .Select((e, i) => WatchBuilder.Expression(e, id: $"s{i}")).ToArray();
        var search = KeywordMatcher.Compile(watches, MatchStrategy.Search);
        var tokenize = KeywordMatcher.Compile(watches, MatchStrategy.Tokenize);
        var words = Gen.OneOf<string>("a", "A", "an", "and", "EU", "Europe", "war", "wars", "warring", "US", "us", "UK", "ukulele", "flies", "yes", "xylophone", "2", "24", "AI", "aid", "OK", "ok's", " ", " ", ". ", "’");

        words.Array[0, 60].Select(string.Concat).Sample(
            body =>
            {
                var article = ArticleBuilder.WithBody(body);
                Assert.Equal(Describe(tokenize.Match(article)), Describe(search.Match(article)));
            },
            iter: 2_000);
    }

    /// <summary>
    /// The search compares a word's first four characters by bucket and its first eight exactly, and leaves a
    /// word to the lookup when an apostrophe or a non-ASCII letter comes early in it: terms and words here
    /// share their first letters and differ late, some with such a character at every position.
    /// </summary>
    [Fact]
    public void SearchAndTokenize_FindTheSameMatches_WhenWordsDifferLateOrHaveSpecialCharacters()
    {
        string[] syllables = ["tr", "tra", "st", "sta", "in", "a", "e", "o", "n", "s", "ion", "ing"];
        var stem = Gen.OneOf<string>(syllables).Array[1, 5].Select(string.Concat);
        var word = Gen.Select(stem, Gen.OneOf<string>("", "", "'", "’", "é", "\u0301", "É"), Gen.Int[0, 12], Gen.OneOf<string>("", "s", "ed", "ing", "'s", "’s"), Gen.Bool,
            (w, special, at, ending, upper) =>
            {
                var text = w.Insert(Math.Min(at, w.Length), special) + ending;
                return upper ? text.ToUpperInvariant() : text;
            });
        var body = Gen.OneOf(word, Gen.OneOf<string>(" ", " ", ". ", "-", "“", "”")).Array[0, 80].Select(string.Concat);

        Gen.Select(stem.Array[1, 64], body).Sample(
            (terms, text) =>
            {
                var watches = terms.Distinct().Select((t, i) => WatchBuilder.Expression(t, id: $"t{i}")).ToArray();
                var search = KeywordMatcher.Compile(watches, MatchStrategy.Search);
                var tokenize = KeywordMatcher.Compile(watches, MatchStrategy.Tokenize);
                var article = ArticleBuilder.WithBody(text);
                Assert.Equal(Describe(tokenize.Match(article)), Describe(search.Match(article)));
            },
            iter: 3_000);
    }

    [Fact]
    public void Automatic_SearchesForFewTerms_AndTokenizesForMany()
    {
        var few = KeywordMatcher.Compile([WatchBuilder.Expression("sanctions"), WatchBuilder.Expression("\"the ferry\"", id: "b")]);
        var many = KeywordMatcher.Compile(Enumerable.Range(0, KeywordMatcher.MaxSearchNeedles + 1).Select(i => WatchBuilder.Expression($"term{i}x", id: $"t{i}")));

        Assert.Equal(MatchStrategy.Search, few.Strategy);
        Assert.Equal(MatchStrategy.Tokenize, many.Strategy);
        Assert.Single(many.Match(ArticleBuilder.WithBody("Nothing but TERM7X here.")));
        Assert.Single(few.Match(ArticleBuilder.WithBody("Sanctioned.")));
    }

    [Theory]
    [InlineData("Sanc'tions were imposed.")]
    [InlineData("Sanct’ions were imposed.")]
    [InlineData("Sanctio'ns were imposed.")]
    [InlineData("Sanctíons were imposed.")]
    [InlineData("SANCTIONÉ")]
    public void Search_FindsAWord_WhoseSpecialCharacterComesAfterItsFourthLetter(string text)
    {
        // The word folds to "sanctions", but its characters are not the needle's past the fourth: the search
        // compares up to eight, so it must let a word through whose special character is among them.
        var watches = new[] { WatchBuilder.Expression("sanction"), WatchBuilder.Expression("qzzz", id: "other") };
        var search = KeywordMatcher.Compile(watches, MatchStrategy.Search);
        var tokenize = KeywordMatcher.Compile(watches, MatchStrategy.Tokenize);

        var article = ArticleBuilder.WithBody(text);
        Assert.Single(tokenize.Match(article));
        Assert.Equal(Describe(tokenize.Match(article)), Describe(search.Match(article)));
    }

    [Fact]
    public void Search_FindsEveryFormOfAShortKey_AndNoWordThatOnlyBeginsLikeIt()
    {
        // The search lets a word through only when the character after a short needle may follow it in one of
        // its patterns' words: "make" keys as "mak", whose forms go on with e, i, k or s or end there ("mak" is a
        // word of its own); "=plan" ends there ("plan's" folds to "plans").
        var watches = new[] { WatchBuilder.Expression("make", id: "make"), WatchBuilder.Expression("=plan", id: "plan"), WatchBuilder.Expression("agency", id: "agency") };
        var search = KeywordMatcher.Compile(watches, MatchStrategy.Search);
        var tokenize = KeywordMatcher.Compile(watches, MatchStrategy.Tokenize);

        var article = ArticleBuilder.WithBody("Makers make it; MAKES, making, maker's mak-up. Plans, plan's plan PLANE. Agencies, agenda, agency’s.");
        var matches = search.Match(article);
        Assert.Equal(Describe(tokenize.Match(article)), Describe(matches));
        Assert.Equal(["make", "makes", "making", "mak"], Words("make"));
        Assert.Equal(["plan"], Words("plan"));
        Assert.Equal(["agencies", "agency’s"], Words("agency"));
        Assert.Empty(search.Match(ArticleBuilder.WithBody("Makers planned a plane; an agenda for the maker and the planet.")));

        string[] Words(string watch) => [.. matches.Single(m => m.WatchId == watch).Hits.Select(h => article.Body.Substring(h.Offset, h.Length).ToLowerInvariant())];
    }

    [Fact]
    public void Search_WithOnlyNonAsciiTerms_StillFindsThem()
    {
        // "москва" folds to a needle that is not ASCII, so the search has no needles at all: only the words
        // with a non-ASCII character are looked up, and those are the only ones that can match.
        var matcher = KeywordMatcher.Compile([WatchBuilder.Expression("москва")], MatchStrategy.Search);

        var match = Assert.Single(matcher.Match(ArticleBuilder.WithBody("Moskva is not it; the MOSKVA neither; МОСКВА is.")));
        Assert.Equal("МОСКВА", Assert.Single(match.Hits).Snippet[match.Hits[0].SnippetMatchStart..][..6]);
    }

    /// <summary>
    /// The matcher splits and numbers words in vector-width blocks; <see cref="WordTokenizer"/> one character
    /// at a time. Every pair of adjacent words must match as a phrase exactly where the tokenizer puts it,
    /// in texts long enough for words to straddle block edges, with special characters anywhere.
    /// </summary>
    [Fact]
    public void EveryAdjacentWordPair_MatchesAsAPhrase_WhereTheTokenizerPutsIt()
    {
        Paragraph.Select(Paragraph, Paragraph, (a, b, c) => a + b + c).Where(p => p.Length > 40).Sample(
            paragraph =>
            {
                var words = WordTokenizer.Tokenize(paragraph);
                var pairs = Enumerable.Range(0, Math.Max(0, words.Count - 1)).Where(i => i % 3 == 0).Take(25).ToList();
                var watches = pairs.Select(i => new Watch(
                    $"p{i}", $"p{i}", WatchExpression.FromKeywords([paragraph.Substring(words[i].Start, words[i + 1].Start + words[i + 1].Length - words[i].Start)])));
                var matches = KeywordMatcher.Compile(watches, MatchStrategy.Tokenize).Match(ArticleBuilder.WithBody(paragraph)).ToDictionary(m => m.WatchId);

                foreach (var i in pairs)
                {
                    Assert.True(matches.TryGetValue($"p{i}", out var match), $"words {i} and {i + 1} of: {paragraph}");
                    Assert.Contains(match.Hits, h => h.Offset == words[i].Start && h.Length == words[i + 1].Start + words[i + 1].Length - words[i].Start);
                }
            },
            iter: 1_500);
    }

    [Fact]
    public void Match_ArticlesInTurnOnOneThread_MatchAsEachDoesAlone()
    {
        // A matcher keeps one article's recording arrays for the next on the same thread; nothing of one article
        // may reach the next, whichever matcher (with more or fewer patterns) used them last.
        var matcher = KeywordMatcher.Compile(Watches, MatchStrategy.Tokenize);
        var fewer = KeywordMatcher.Compile(Watches.Take(4), MatchStrategy.Tokenize);

        Articles.Array[1, 6].Sample(articles =>
        {
            foreach (var article in articles)
            {
                fewer.Match(article);
                var inTurn = Describe(matcher.Match(article));
                Assert.Equal(OnNewThread(() => Describe(matcher.Match(article))), inTurn);
            }
        }, iter: 300);
    }

    [Fact]
    public void Match_AfterAnArticleWithVeryManyHits_TheNextMatchAsEachDoesAlone()
    {
        // 80,000 hits: more than a thread keeps arrays for, so they are dropped, not kept.
        var matcher = KeywordMatcher.Compile(Watches, MatchStrategy.Tokenize);
        var huge = ArticleBuilder.WithBody(string.Join(' ', Enumerable.Repeat("sanctions ferry", 40_000)));

        Articles.Array[1, 4].Sample(articles =>
        {
            var hits = matcher.Match(huge).Sum(m => m.Hits.Count);
            Assert.True(hits >= 80_000, $"{hits} hits");
            foreach (var article in articles)
            {
                Assert.Equal(OnNewThread(() => Describe(matcher.Match(article))), Describe(matcher.Match(article)));
            }
        }, iter: 20);
    }

    private static List<string> OnNewThread(Func<List<string>> match)
    {
        List<string>? result = null;
        var thread = new Thread(() => result = match());
        thread.Start();
        thread.Join();
        return result!;
    }

    [SharedFact(SharedData.BbcCorpus)]
    public void SearchAndTokenize_FindTheSameMatches_OnTheBbcCorpus()
    {
        var articles = BbcArticles();

        // Words of the corpus itself, so there are plenty of hits, with an operator of every kind among them.
        var vocabulary = articles.Take(200).SelectMany(a => WordTokenizer.Tokenize(a.Title).Select(w => a.Title.Substring(w.Start, w.Length)))
            .Where(w => w.Length > 2 && !w.Contains('\'') && !w.Contains('’')).Distinct(StringComparer.OrdinalIgnoreCase).Take(300).ToArray();
        var watches = vocabulary.Select((w, i) => WatchBuilder.Expression(
            (i % 6) switch
            {
                1 => $"\"the {w}\"",
                2 => $"{w} NEAR/4 {vocabulary[(i * 7) % vocabulary.Length]}",
                3 => $"{w[..3]}*",
                4 => $"title:{w} -{vocabulary[(i * 3) % vocabulary.Length]}",
                _ => w,
            },
            id: $"b{i}")).ToArray();

        AssertBothStrategiesAgree(articles, watches, collects: false, moreThan: 10_000);
    }

    /// <summary>
    /// As above with few enough watches that the search records the hits of an article with a trigger: phrases with
    /// "the", NEAR, prefixes and NOT among them.
    /// </summary>
    [SharedFact(SharedData.BbcCorpus)]
    public void SearchAndTokenize_FindTheSameMatches_OnTheBbcCorpus_WhenTheSearchRecordsTheHits()
    {
        var articles = BbcArticles();
        var vocabulary = articles.Take(50).SelectMany(a => WordTokenizer.Tokenize(a.Title).Select(w => a.Title.Substring(w.Start, w.Length)))
            .Where(w => w.Length > 3 && w.All(char.IsAsciiLetter)).Distinct(StringComparer.OrdinalIgnoreCase).Take(40).ToArray();
        var watches = vocabulary.Select((w, i) => WatchBuilder.Expression(
            (i % 6) switch
            {
                1 => $"\"the {w}\"",
                2 => $"{w} NEAR/4 {vocabulary[(i * 7) % vocabulary.Length]}",
                3 => $"{w[..3]}*",
                4 => $"{w} -{vocabulary[(i * 3) % vocabulary.Length]}",
                5 => $"\"{w} of\" NEAR {vocabulary[(i * 5) % vocabulary.Length]}",
                _ => w,
            },
            id: $"b{i}")).ToArray();

        AssertBothStrategiesAgree(articles, watches, collects: true, moreThan: 1_000);
    }

    /// <param name="collects">Whether the search is to record the hits itself (few enough needles, all ASCII) or leave them to the word pass.</param>
    private static void AssertBothStrategiesAgree(List<Article> articles, Watch[] watches, bool collects, int moreThan)
    {
        var search = KeywordMatcher.Compile(watches, MatchStrategy.Search);
        var tokenize = KeywordMatcher.Compile(watches, MatchStrategy.Tokenize);
        Assert.Equal(collects, search.CollectsHits);

        var total = 0;
        foreach (var article in articles)
        {
            var expected = Describe(tokenize.Match(article));
            Assert.Equal(expected, Describe(search.Match(article)));
            total += expected.Count;
        }

        Assert.True(total > moreThan, $"only {total} matches: the comparison would prove little");
    }

    private static List<Article> BbcArticles()
    {
        var parser = new PlainTextNewsParser();
        return Directory.EnumerateFiles(SharedData.BbcCorpusPath, "*.txt", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => NewsTextDecoder.Decode(File.ReadAllBytes(f)).Text)
            .Select(text => text is null ? null : parser.Parse(text).Article)
            .OfType<Article>()
            .ToList();
    }

    private static List<string> Describe(IReadOnlyList<WatchMatch> matches) =>
        [.. matches.Select(m => $"{m.WatchId}: " + string.Join(" | ", m.Hits.Select(h => $"{h.Keyword}@{h.Field}:{h.Offset}+{h.Length} [{h.Snippet}] {h.SnippetMatchStart}+{h.SnippetMatchLength}")))];
}
