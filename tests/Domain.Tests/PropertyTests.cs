using System.Text;
using CsCheck;
using Ingest.Domain.Articles;
using Ingest.Domain.Matching;
using Ingest.Domain.Parsing;

namespace Ingest.Domain.Tests;

/// <summary>CsCheck properties over inputs too many to list: arbitrary text, bytes and words.</summary>
public sealed class PropertyTests
{
    private static readonly PlainTextNewsParser Parser = new();

    /// <summary>Pieces that steer generated text into the parser's interesting paths.</summary>
    private static readonly string[] DropPieces =
    [
        "\n", "\n\n", "\r\n", "\r", " ", "\t", "\u00A0", " – ", " - ", " | ", " — ", ".", "?", ":", "\u201c", "\u201d", "\u2019", "'",
        "Ferry fares rise", "Harbour Gazette", "the board said", "sanctions", "Sanctioned", "anti-sanctions", "Café", "cafe\u0301",
        "Leave a Reply", "Follow Harbour Gazette:", "Advertisement", "Share this article", "Your email address will not be published.",
        "islanders were told", "and the", "of", "X", "123", "\u0000", "\u0007", "\uFFFD", "e\u0301",
        "\U0001F6A2", "\uD800", "\uDC00", "\uFFFE",
    ];

    /// <summary>Any UTF-16 code unit, with unpaired surrogates far more likely than in <see cref="Gen.String"/>.</summary>
    private static readonly Gen<string> AnyCodeUnits = Gen.OneOf<char>(Gen.Char, Gen.Char['\uD7F0', '\uE010']).Array[0, 200].Select(c => new string(c));

    private static readonly Gen<string> DropLike = Gen.OneOf<string>(DropPieces).Array[0, 60].Select(parts => string.Concat(parts));

    private static readonly Gen<string> AnyText = Gen.OneOf<string>(Gen.String, Gen.String[Gen.Char, 0, 2000], AnyCodeUnits, DropLike);

    /// <summary>Counting runs 32 characters at a time with vector instructions; listing, one at a time. They must agree.</summary>
    [Fact]
    public void WordCount_ArbitraryText_EqualsTheWordsListed()
    {
        Gen.OneOf<string>(AnyText, DropLike.Array[1, 8].Select(string.Concat)).Sample(
            text => Assert.Equal(WordTokenizer.Tokenize(text).Count, WordTokenizer.Count(text)),
            iter: 5_000);
    }

    /// <summary>
    /// The end of a word, found 16 characters at a time over ASCII letters and digits, is the first character that is
    /// not a word character or an apostrophe followed by one, from every word character of arbitrary text: words longer
    /// than 16 characters, ending at the text's end, with apostrophes and characters that are not ASCII in them.
    /// </summary>
    [Fact]
    public void WordEnd_FromEveryWordCharacter_IsTheFirstCharacterOutsideTheWord()
    {
        var longWords = Gen.OneOf<string>("a", "Z", "7", "\u2019", "'", "\u00E9", "\u0301", " ", "-", "ferry fares ").Array[0, 80].Select(string.Concat);
        Gen.OneOf<string>(AnyText, longWords, DropLike.Array[1, 8].Select(string.Concat)).Sample(
            text =>
            {
                for (var start = 0; start < text.Length; start++)
                {
                    if (!WordTokenizer.IsWordChar(text[start]))
                    {
                        continue;
                    }

                    var end = start;
                    while (end < text.Length && (WordTokenizer.IsWordChar(text[end])
                        || (text[end] is '\'' or '\u2019' && end + 1 < text.Length && WordTokenizer.IsWordChar(text[end + 1]))))
                    {
                        end++;
                    }

                    Assert.Equal(end, WordTokenizer.WordEnd(text, start));
                }
            },
            iter: 3_000);
    }

    /// <summary>
    /// Every UTF-16 code unit: a word character is a letter, a digit or a combining mark, and nothing else, whatever
    /// shortcut answers for the commonest (ASCII, the punctuation block of curly quotes and dashes).
    /// </summary>
    [Fact]
    public void IsWordChar_ForEveryCodeUnit_IsALetterDigitOrCombiningMark()
    {
        var wrong = Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c)
            .Where(c => WordTokenizer.IsWordChar(c) != (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
                or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.EnclosingMark))
            .Select(c => $"U+{(int)c:X4}")
            .ToList();

        Assert.Empty(wrong);
        Assert.True(WordTokenizer.IsWordChar('é') && WordTokenizer.IsWordChar('\u0301') && WordTokenizer.IsWordChar('\u093E') && !WordTokenizer.IsWordChar('\u2019') && !WordTokenizer.IsWordChar('—'));
    }

    [Fact]
    public void Parse_ArbitraryText_NeverThrowsAndReturnsArticleOrError()
    {
        AnyText.Sample(
            text =>
            {
                var result = Parser.Parse(text);

                Assert.True(result.Article is null ^ result.Error is null);
                if (result.Article is { } article)
                {
                    Assert.NotEmpty(article.Title);
                    Assert.NotEmpty(article.Paragraphs);
                    Assert.Equal(ContentHash.Length, article.Id.Length);
                    Assert.True(article.WordCount > 0);
                }
            },
            iter: 3000);
    }

    [Fact]
    public void Decode_ArbitraryBytes_NeverThrowsAndReturnsNfcTextOrError()
    {
        var bytes = Gen.OneOf<byte[]>(
            Gen.Byte.Array[0, 3000],
            Gen.Select(Gen.OneOf<byte[]>([0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], []), Gen.Byte.Array[0, 500], (bom, rest) => (byte[])[.. bom, .. rest]),
            DropLike.Select(Encoding.UTF8.GetBytes));

        bytes.Sample(
            b =>
            {
                var result = NewsTextDecoder.Decode(b);

                Assert.True(result.Text is null ^ result.Error is null);
                if (result.Text is { } text)
                {
                    Assert.True(text.IsNormalized(NormalizationForm.FormC));
                }
            },
            iter: 3000);
    }

    [Fact]
    public void DecodeThenParse_ArbitraryBytes_NeverThrows()
    {
        Gen.Byte.Array[0, 2000].Sample(
            b =>
            {
                if (NewsTextDecoder.Decode(b).Text is { } text)
                {
                    Parser.Parse(text);
                }
            },
            iter: 2000);
    }

    [Fact]
    public void Key_ArbitraryWellFormedText_NeverThrows()
    {
        Gen.String.Sample(
            s =>
            {
                EnglishInflection.Key(s);
                EnglishInflection.Key(EnglishInflection.Key(s));
            },
            iter: 3000);
    }

    [Fact]
    public void Key_EveryTokenOfArbitraryText_NeverThrowsAndIsNeverEmpty()
    {
        AnyText.Sample(
            text =>
            {
                foreach (var word in WordTokenizer.Tokenize(text))
                {
                    Assert.NotEmpty(EnglishInflection.Key(text.AsSpan(word.Start, word.Length)));
                }
            },
            iter: 2000);
    }

    [Fact]
    public void Key_LetterWord_IsNeverEmptyAndIsStableUnderRekeying()
    {
        var letters = Gen.OneOf<char>(Gen.Char['a', 'z'], Gen.Char['A', 'Z'], Gen.Char.Where(char.IsLetter));
        letters.Array[1, 20].Select(chars => new string(chars)).Sample(
            word =>
            {
                var key = EnglishInflection.Key(word);

                Assert.NotEmpty(key);
                Assert.NotEmpty(EnglishInflection.Key(key));
            },
            iter: 5000);
    }

    [Fact]
    public void Key_AsciiWord_IgnoresCase()
    {
        Gen.String[Gen.Char['a', 'z'], 1, 15].Sample(
            word => Assert.Equal(EnglishInflection.Key(word), EnglishInflection.Key(word.ToUpperInvariant())),
            iter: 3000);
    }

    [Fact]
    public void Match_GeneratedBody_EveryHitAndSnippetLocateTheMatchedWord()
    {
        string[] pieces = ["sanctions", "Sanction", "SANCTIONED", "sanctioning", "anti-sanctions", "ferry", "the", "board", "said", "a",
            " ", " ", " ", "  ", "\n", ".", ",", "\u201c", "\u201d", "Café", "x", "supercalifragilisticexpialidocious"];
        var matcher = KeywordMatcher.Compile([WatchBuilder.For("sanctions")]);
        var paragraph = Gen.OneOf<string>(pieces).Array[1, 80].Select(p => string.Join(' ', p).Trim());

        paragraph.Array[1, 4].Sample(
            paragraphs =>
            {
                var article = ArticleBuilder.Make(paragraphs: [.. paragraphs.Where(p => p.Length > 0).DefaultIfEmpty("empty")]);
                var expected = WordTokenizer.Tokenize(article.Body)
                    .Count(w => EnglishInflection.Key(article.Body.AsSpan(w.Start, w.Length)) == "sanction");

                var hits = matcher.Match(article).SelectMany(m => m.Hits).ToList();

                Assert.Equal(expected, hits.Count);
                foreach (var hit in hits)
                {
                    var matched = article.Body.Substring(hit.Offset, hit.Length);
                    Assert.Equal("sanction", EnglishInflection.Key(matched));
                    Assert.Equal(matched, hit.Snippet.Substring(hit.SnippetMatchStart, hit.SnippetMatchLength));
                    Assert.True(hit.Snippet.Length <= hit.Length + (2 * KeywordMatcher.SnippetContext) + 2, hit.Snippet);
                }
            },
            iter: 1000);
    }

    [Fact]
    public void Parse_SameArticleWithWhitespaceNoise_KeepsItsId()
    {
        var noise = Gen.OneOf<string>(" ", "  ", "\t", " \u00A0");
        Gen.Select(noise, noise, Gen.Bool).Sample(
            (a, b, crlf) =>
            {
                var plain = new NewsDropBuilder().Build();
                var noisy = new NewsDropBuilder()
                    .WithParagraphs([.. NewsDropBuilder.DefaultParagraphs.Select(p => a + p.Replace(" ", b.Length == 0 ? " " : " " + b, StringComparison.Ordinal) + a)])
                    .WithLineEnding(crlf ? "\r\n" : "\n")
                    .Build();

                Assert.Equal(Parser.Parse(plain).Article!.Id, Parser.Parse(noisy).Article!.Id);
            },
            iter: 200);
    }
}
