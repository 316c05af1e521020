using System.Globalization;
using CsCheck;
using Ingest.Domain.Articles;
using Ingest.Domain.Matching;
using Ingest.Domain.Watches;

namespace Ingest.Domain.Tests;

public sealed class WatchExpressionTests
{
    [Fact]
    public void Parse_AndBindsTighterThanOr()
    {
        var node = WatchExpression.Parse("a OR b c");

        var or = Assert.IsType<OrNode>(node);
        Assert.IsType<TermNode>(or.Operands[0]);
        Assert.Equal(2, Assert.IsType<AndNode>(or.Operands[1]).Operands.Count);
    }

    [Fact]
    public void Parse_NearBindsTighterThanNot()
    {
        var and = Assert.IsType<AndNode>(WatchExpression.Parse("x NOT a NEAR/2 b"));
        var not = Assert.IsType<NotNode>(and.Operands[1]);

        Assert.Equal(2, Assert.IsType<NearNode>(not.Operand).MaxWordsBetween);
    }

    [Fact]
    public void Parse_Term_IsInflectedKey()
    {
        var term = Assert.IsType<TermNode>(WatchExpression.Parse("Sanctioned"));

        Assert.Equal([new WordPattern("sanction", WordMatch.Inflected)], term.Words);
        Assert.Null(term.Field);
    }

    [Fact]
    public void Parse_FieldScopeOfGroup_ScopesEveryTerm()
    {
        var terms = WatchExpression.Terms(WatchExpression.Parse("title:(a OR \"b c\") d")).ToList();

        Assert.Equal([ArticleField.Title, ArticleField.Title, null], terms.Select(t => t.Field));
    }

    [Theory]
    [InlineData("(sanctions OR tariffs", 22, "')'")]
    [InlineData("\"\U0001D400\U0001D401 x", 8, "a closing quote for the phrase opened at position 1")]
    [InlineData("(\U0001D400 b", 2, "a term with letters or digits, found '\U0001D400'")]
    [InlineData("sanctions OR", 13, "a term, phrase or '('")]
    [InlineData("", 1, "a term, phrase or '('")]
    [InlineData("   ", 4, "a term, phrase or '('")]
    [InlineData("sanctions)", 10, "the end of the expression (this ')' has no matching '(')")]
    [InlineData("\"foreign minister", 18, "a closing quote for the phrase opened at position 1")]
    [InlineData("a \"\" b", 4, "words inside the quotes")]
    [InlineData("OR sanctions", 1, "a term, phrase or '(' (found the operator OR; quote it to search for the word)")]
    [InlineData("sanctions AND AND x", 15, "a term, phrase or '(' (found the operator AND; quote it to search for the word)")]
    [InlineData("sanc*tions", 5, "letters or digits: '*' may only end a word, as in sanction*")]
    [InlineData("\"sanc*tions\"", 6, "letters or digits: '*' may only end a word, as in sanction*")]
    [InlineData("\"a ** b\"", 4, "letters or digits: '*' may only end a word, as in sanction*")]
    [InlineData("\"a b **\"", 6, "letters or digits: '*' may only end a word, as in sanction*")]
    [InlineData("\"* a\"", 2, "letters or digits: '*' may only end a word, as in sanction*")]
    [InlineData("sanctions - russia", 12, "a term right after '-' (write -term to exclude a term)")]
    [InlineData("(sanctions -)", 13, "a term right after '-' (write -term to exclude a term)")]
    [InlineData("sanctions -", 12, "a term right after '-' (write -term to exclude a term)")]
    [InlineData("place:paris", 1, "a field name (title, standfirst or body) before ':', found 'place'")]
    [InlineData("title: sanctions", 7, "a term, phrase or '(' right after the field name")]
    [InlineData("a NEAR/x b", 8, "a number of words (0 to 100) after 'NEAR/', as in NEAR/3")]
    [InlineData("a NEAR/101 b", 8, "a number of words from 0 to 100 after 'NEAR/'")]
    [InlineData("a NEAR /3 b", 8, "'/' and its number right after NEAR, as in NEAR/3 (no space before '/')")]
    [InlineData("a NEAR  /3 b", 9, "'/' and its number right after NEAR, as in NEAR/3 (no space before '/')")]
    [InlineData("a NEAR/0101 b", 8, "a number of words from 0 to 100 after 'NEAR/'")]
    [InlineData("(a OR b) NEAR/2 c", 1, "a term, phrase or NEAR before NEAR (NEAR joins terms and phrases, not groups)")]
    [InlineData("a NEAR/2 (b OR c)", 10, "a term or phrase after NEAR (NEAR joins terms and phrases, not groups)")]
    [InlineData("a & b", 3, "a term with letters or digits, found '&'")]
    [InlineData("= a", 2, "a term or phrase right after '='")]
    [InlineData("a ()", 4, "a term, phrase or '(' inside the parentheses")]
    [InlineData("-sanctions", 1, "a term that is not negated")]
    [InlineData("-(russia -iran)", 1, "a term that is not negated")]
    [InlineData("(sanctions OR)", 14, "a term, phrase or '('")]
    [InlineData("(sanctions AND)", 15, "a term, phrase or '('")]
    [InlineData("(sanctions NOT)", 15, "a term, phrase or '('")]
    [InlineData("(sanctions NEAR)", 16, "a term, phrase or '('")]
    [InlineData("(sanctions NEAR/2)", 18, "a term, phrase or '('")]
    [InlineData("a NEAR/3", 9, "a term, phrase or '('")]
    [InlineData("a NEAR/3-b", 9, "a term, phrase or '(' here, not '-' (to exclude, put it before the whole clause: -title:russia, -(a NEAR/3 b))")]
    [InlineData("a NEAR/3x b", 9, "a number of words (0 to 100) after 'NEAR/', as in NEAR/3")]
    [InlineData("sanctions NEAR/3 -russia", 18, "a term, phrase or '(' here, not '-' (to exclude, put it before the whole clause: -title:russia, -(a NEAR/3 b))")]
    [InlineData("sanctions NEAR/3 –russia", 18, "a term, phrase or '(' here, not '–' (to exclude, put it before the whole clause: -title:russia, -(a NEAR/3 b))")]
    [InlineData("title:-russia sanctions", 7, "a term, phrase or '(' here, not '-' (to exclude, put it before the whole clause: -title:russia, -(a NEAR/3 b))")]
    [InlineData("sanctions =-russia", 12, "a term or phrase right after '='")]
    [InlineData("=title:sanctions", 2, "a term or phrase right after '=' (a field name goes first, as in title:=sanctions)")]
    [InlineData("a -=Body:b", 5, "a term or phrase right after '=' (a field name goes first, as in title:=sanctions)")]
    [InlineData("=place:paris", 2, "a field name (title, standfirst or body) before ':', found 'place'")]
    [InlineData("=covid:19", 2, "a field name (title, standfirst or body) before ':', found 'covid'")]
    public void Parse_BadExpression_ThrowsWithPositionAndExpectation(string expression, int position, string expected)
    {
        var error = Assert.Throws<WatchExpressionException>(() => WatchExpression.Parse(expression));

        Assert.Equal(position, error.Position);
        Assert.Equal(expected, error.Expected);
        Assert.StartsWith($"Expected {expected} at position {position}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnclosedParenthesis_MessageNamesTheClosingParenthesis()
    {
        var error = Assert.Throws<WatchExpressionException>(() => WatchExpression.Parse("(sanctions OR tariffs"));

        Assert.Equal("Expected ')' at position 22", error.Message);
    }

    [Fact]
    public void Parse_DeepNesting_ThrowsInsteadOfOverflowing()
    {
        var deep = new string('(', 10_000) + "a" + new string(')', 10_000);

        var error = Assert.Throws<WatchExpressionException>(() => WatchExpression.Parse(deep));

        Assert.Equal(WatchExpression.MaxDepth + 1, error.Position);
    }

    [Fact]
    public void Parse_NearChain_JoinsAtMostMaxNearChainTermsAndPhrases()
    {
        var longest = string.Join(" NEAR/1 ", Enumerable.Repeat("a", WatchExpression.MaxNearChain - 1).Append("\"b c\""));
        var node = WatchExpression.Parse(longest);
        Assert.Equal(WatchExpression.MaxNearChain, WatchExpression.Terms(node).Count());

        var tooLong = longest + " NEAR/1 d";
        var error = Assert.Throws<WatchExpressionException>(() => WatchExpression.Parse(tooLong));

        Assert.Equal(longest.Length + 2, error.Position);
        Assert.Equal($"Expected no more than {WatchExpression.MaxNearChain} terms and phrases joined by NEAR in one chain at position {longest.Length + 2}", error.Message);
    }

    [Theory]
    [InlineData("a NEAR/0100 b", 100)]
    [InlineData("a NEAR/007 b", 7)]
    [InlineData("a NEAR/0 b", 0)]
    [InlineData("a NEAR/000000 b", 0)]
    [InlineData("a NEAR b", WatchExpression.DefaultNearDistance)]
    public void Parse_NearDistance_IsTheNumbersValue_LeadingZerosOrNot(string expression, int distance)
    {
        Assert.Equal(distance, Assert.IsType<NearNode>(WatchExpression.Parse(expression)).MaxWordsBetween);
    }

    [Theory]
    [InlineData("({0}) NEAR/1 d")]
    [InlineData("d NEAR/1 ({0})")]
    [InlineData("(a NEAR/1 b NEAR/1 c NEAR/1 d) NEAR/1 ({0})")]
    public void Parse_NearChain_CountsTheTermsOfANearInParentheses(string shape)
    {
        // A NEAR in parentheses is part of the chain around it: 16 terms inside and one more outside are 17.
        var longest = string.Join(" NEAR/1 ", Enumerable.Repeat("a", WatchExpression.MaxNearChain));
        var expression = string.Format(CultureInfo.InvariantCulture, shape, longest);
        var joining = expression.IndexOf(longest, StringComparison.Ordinal) == 1 ? longest.Length + 4 : expression.IndexOf(" NEAR/1 (", StringComparison.Ordinal) + 2;

        var error = Assert.Throws<WatchExpressionException>(() => WatchExpression.Parse(expression));

        Assert.Equal($"Expected no more than {WatchExpression.MaxNearChain} terms and phrases joined by NEAR in one chain at position {joining}", error.Message);
        Assert.Equal(WatchExpression.MaxNearChain, WatchExpression.Terms(WatchExpression.Parse($"(a NEAR/1 b) NEAR/1 ({string.Join(" NEAR/1 ", Enumerable.Repeat("c", WatchExpression.MaxNearChain - 2))})")).Count());
    }

    [Fact]
    public void Compile_NearChainOfTwentyThousandTerms_IsRejectedInsteadOfOverflowing_AndTheOtherWatchesMatch()
    {
        var chain = string.Join(" NEAR/1 ", Enumerable.Repeat("a", 20_000));

        var matcher = KeywordMatcher.Compile([new Watch("chain", "chain", chain), new Watch("plain", "plain", "sanctions")]);

        Assert.Contains("joined by NEAR", matcher.Rejected["chain"], StringComparison.Ordinal);
        Assert.Equal("plain", Assert.Single(matcher.Match(ArticleBuilder.WithBody("a a a sanctions a a"))).WatchId);
    }

    [Fact]
    public void Parse_ArbitraryText_ThrowsOnlyWatchExpressionException()
    {
        string[] pieces =
        [
            "a", "b", "e", "sanction", "(", ")", "\"", "“", "”", "*", "-", "–", "=", ":", "/", " ", " ", "'", "’", "&", "\n", "é", "\u0301", "0", "3",
            " AND ", " OR ", " NOT ", " NEAR ", "NEAR/", " NEAR/2 ", " NEAR/999 ", "AND", "OR", "NOT", "NEAR",
            "title:", "standfirst:", "body:", "place:",
        ];
        var generated = Gen.OneOf<string>(pieces).Array[0, 30].Select(p => string.Concat(p));
        var expressions = Gen.OneOf(generated, Gen.String);

        expressions.Sample(
            expression =>
            {
                try
                {
                    var node = WatchExpression.Parse(expression);
                    Assert.NotEmpty(WatchExpression.Terms(node));
                    _ = KeywordMatcher.Compile([new Watch("w", "w", expression)]).Match(ArticleBuilder.WithBody("a b c d e sanctions title body"));
                }
                catch (WatchExpressionException ex)
                {
                    Assert.InRange(ex.Position, 1, expression.Length + 1);
                }
            },
            iter: 20_000);
    }

    [Fact]
    public void Match_ArbitraryWords_HitExactlyWhenTheirKeysAreEqual()
    {
        // The matcher folds and stems article words in a buffer; this holds it to EnglishInflection.Key (and the
        // text word's second key, SecondKey: "staffed" is "staf" and "staff").
        var letter = Gen.OneOf<char>(['a', 'e', 'i', 's', 'd', 'n', 'g', 'y', 'r', 'S', 'E', 'D', 'é', 'É']);
        var word = Gen.Select(Gen.OneOf(letter.Array[1, 9], letter.Array[60, 80]), Gen.Bool, letter.Array[0, 3], (a, apostrophe, b) =>
            new string(a) + (apostrophe && b.Length > 0 ? "’" : string.Empty) + new string(b));

        var suffix = Gen.OneOf<string>(["", "s", "es", "ed", "ing", "ied", "\u2019s", "'S", "d"]);
        var related = Gen.Select(word, suffix, Gen.Bool, (w, s, upper) => (w, upper ? (w + s).ToUpperInvariant() : w + s));

        Gen.OneOf(Gen.Select(word, word), related).Sample(
            (term, text) =>
            {
                var hit = KeywordMatcher.Compile([new Watch("w", "w", "\"" + term + "\"")]).Match(ArticleBuilder.WithBody(text)).Count == 1;

                var key = EnglishInflection.Key(term);
                Assert.Equal(key == EnglishInflection.Key(text) || key == EnglishInflection.SecondKey(text), hit);
            },
            iter: 5_000);
    }

    [Theory]
    [InlineData(new[] { "sanctions" }, "sanctions")]
    [InlineData(new[] { "sanctions", "foreign minister" }, "sanctions OR \"foreign minister\"")]
    [InlineData(new[] { "\"toll charges\"", " ferry " }, "\"toll charges\" OR ferry")]
    [InlineData(new[] { "Russia’s", "anti-sanctions" }, "Russia’s OR \"anti sanctions\"")]
    [InlineData(new[] { "NOT", "title:x", "sanction*" }, "\"NOT\" OR \"title x\" OR \"sanction\"")]
    [InlineData(new[] { "", "--", "  " }, "")]
    public void FromKeywords_MakesAnOrOfTermsAndPhrases(string[] keywords, string expected)
    {
        var expression = WatchExpression.FromKeywords(keywords);

        Assert.Equal(expected, expression);
        if (expected.Length > 0)
        {
            Assert.Equal(keywords.Count(k => k.Trim('-', ' ').Length > 0), WatchExpression.Terms(WatchExpression.Parse(expression)).Count());
        }
    }

    [Fact]
    public void FromKeywords_ArbitraryKeywords_AlwaysParseOrAreEmpty()
    {
        Gen.String.Array[0, 5].Sample(
            keywords =>
            {
                var expression = WatchExpression.FromKeywords(keywords);
                if (expression.Length > 0)
                {
                    _ = WatchExpression.Parse(expression);
                }
            },
            iter: 5_000);
    }

    [Fact]
    public void Seed_LegacyKeywords_BecomeAnOrExpression()
    {
        var watch = new WatchSeed { Name = "Trade", Keywords = ["sanctions", "", "trade war"] }.ToWatch();

        Assert.Equal(new Watch("trade", "Trade", "sanctions OR \"trade war\""), watch);
    }

    [Fact]
    public void Seed_Expression_IsKeptWithMinimumHits()
    {
        var watch = new WatchSeed { Name = "Trade", Expression = " sanctions -iran ", MinimumHits = 2 }.ToWatch();

        Assert.Equal(new Watch("trade", "Trade", "sanctions -iran", MinimumHits: 2), watch);
    }

    [Theory]
    [InlineData("(sanctions", null, "position 11")]
    [InlineData("  (sanctions", null, "Expected ')' at position 13")]
    [InlineData("(sanctions  ", null, "Expected ')' at position 13")]
    [InlineData("  sanctions)", null, "at position 12")]
    [InlineData(null, null, "no expression")]
    [InlineData("sanctions", "tariffs", "both an Expression and Keywords")]
    public void Seed_Invalid_ThrowsArgumentExceptionSayingWhy(string? expression, string? keyword, string because)
    {
        var seed = new WatchSeed { Name = "Trade", Expression = expression, Keywords = keyword is null ? [] : [keyword] };

        var error = Assert.Throws<ArgumentException>(seed.ToWatch);

        Assert.Contains(because, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultSeed_IsTheSanctionsExpression()
    {
        Assert.Equal([new Watch("sanctions", "Sanctions", "sanctions")], new WatchOptions().SeedWatches());
    }
}
