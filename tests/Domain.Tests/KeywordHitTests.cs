using System.Text.Json;
using CsCheck;
using Ingest.Domain.Articles;
using Ingest.Domain.Digests;
using Ingest.Domain.Matching;

namespace Ingest.Domain.Tests;

/// <summary>
/// A hit made by the matcher builds its snippet when the snippet is first read; it must then be the same
/// value as a hit given all seven values (as storage reads one back), and survive storage's JSON.
/// </summary>
public sealed class KeywordHitTests
{
    private static KeywordHit MatcherHit(string body, string term) =>
        Assert.Single(Assert.Single(KeywordMatcher.Compile([WatchBuilder.For(term)]).Match(ArticleBuilder.WithBody(body))).Hits);

    [Fact]
    public void MatcherHit_EqualsTheSameHitGivenItsSnippet()
    {
        var hit = MatcherHit("Officials said new sanctions were coming.", "sanction");
        var given = new KeywordHit("sanction", ArticleField.Body, 19, 9, "Officials said new sanctions were coming.", 19, 9);

        Assert.Equal(given, hit);
        Assert.Equal(hit, given);
        Assert.Equal(given.GetHashCode(), hit.GetHashCode());
        Assert.Equal(given.ToString(), hit.ToString());
    }

    [Fact]
    public void MatcherHit_DiffersFromAHitWithAnotherSnippet()
    {
        var hit = MatcherHit("Officials said new sanctions were coming.", "sanction");

        Assert.NotEqual(new KeywordHit("sanction", ArticleField.Body, 19, 9, "…new sanctions were…", 5, 9), hit);
        Assert.NotEqual(new KeywordHit("sanction", ArticleField.Body, 19, 9, "Officials said new sanctions were coming.", 18, 9), hit);
        Assert.NotEqual(new KeywordHit("sanction", ArticleField.Title, 19, 9, "Officials said new sanctions were coming.", 19, 9), hit);
    }

    [Fact]
    public void MatcherHit_RoundTripsThroughStorageJson_WithEveryValue()
    {
        var filler = string.Join(' ', Enumerable.Repeat("The crossing was rough but the ferry kept to time.", 3));
        var hit = MatcherHit(filler + "\nOfficials discussed SANCTIONS against the operator.\n" + filler, "sanctions");

        var json = JsonSerializer.Serialize(hit, DigestJson.Options);
        var back = JsonSerializer.Deserialize<KeywordHit>(json, DigestJson.Options);

        Assert.Equal(hit, back);
        Assert.Equal("SANCTIONS", back!.Snippet.Substring(back.SnippetMatchStart, back.SnippetMatchLength));
        Assert.Contains("\"snippet\":\"…", json, StringComparison.Ordinal);
        Assert.Equal(
            ["keyword", "field", "offset", "length", "snippet", "snippetMatchStart", "snippetMatchLength"],
            JsonDocument.Parse(json).RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void MatcherHit_SnippetReadFromManyThreadsAtOnce_IsOneValue()
    {
        var hit = MatcherHit("Officials said new sanctions were coming.", "sanction");

        var snippets = new string[8];
        Parallel.For(0, snippets.Length, i => snippets[i] = hit.Snippet);

        Assert.All(snippets, s => Assert.Equal("Officials said new sanctions were coming.", s));
    }

    private static readonly Gen<string> Texts = Gen.OneOf<string>(
        "sanctions", "Russia", "a", "ferry", "—", "…", "“quoted”", "don’t", " ", " ", " ", "  ", "\n", "\n\n", "\r", "\f", "\t", "\u2028", "\u0085", ". ", ", ")
        .Array[1, 80].Select(string.Concat);

    /// <summary>A match in <paramref name="text"/> chosen by two numbers: it starts and ends on characters that are not white space.</summary>
    private static (int Start, int Length) MatchIn(string text, int a, int b)
    {
        var words = Enumerable.Range(0, text.Length).Where(i => !char.IsWhiteSpace(text[i])).ToArray();
        var start = words[(int)((uint)a % words.Length)];
        var ends = words.Where(i => i >= start).ToArray();
        return (start, ends[(int)((uint)b % ends.Length)] - start + 1);
    }

    [Fact]
    public void Snippet_IsAsTheWordsAroundTheMatchOnOneLine_AtAnyPlace()
    {
        // The snippet was built before by cutting, replacing line endings, trimming and joining, four strings;
        // it is now built as one. Without CR LF pairs (which that way miscounted) the two must agree exactly.
        Gen.Select(Texts.Where(t => !t.Contains("\r\n", StringComparison.Ordinal) && t.Any(c => !char.IsWhiteSpace(c))), Gen.Int, Gen.Int)
            .Sample((text, a, b) =>
            {
                var (start, length) = MatchIn(text, a, b);

                var hit = new KeywordHit("k", ArticleField.Body, text, start, length);

                var (snippet, matchStart) = SnippetAsBuiltBefore(text, start, length);
                Assert.Equal(snippet, hit.Snippet);
                Assert.Equal(matchStart, hit.SnippetMatchStart);
                Assert.Equal(text.Substring(start, length).ReplaceLineEndings(" "), hit.Snippet.Substring(hit.SnippetMatchStart, hit.SnippetMatchLength));
            },
            iter: 20_000);
    }

    [Fact]
    public void Snippet_MarksExactlyTheMatch_WhateverLineBreaksTheTextHas()
    {
        // The texts join "\r" and "\n" pieces, so CR LF pairs fall before, inside and after the match.
        Gen.Select(Texts.Where(t => t.Any(c => !char.IsWhiteSpace(c))), Gen.Int, Gen.Int)
            .Sample((text, a, b) =>
            {
                var (start, length) = MatchIn(text, a, b);

                var hit = new KeywordHit("k", ArticleField.Body, text, start, length);

                Assert.Equal(text.Substring(start, length).ReplaceLineEndings(" "), hit.Snippet.Substring(hit.SnippetMatchStart, hit.SnippetMatchLength));
                Assert.DoesNotContain(hit.Snippet, c => c is '\r' or '\n');
            },
            iter: 20_000);
    }

    [Fact]
    public void Snippet_WithCrLfLineBreaks_LocatesTheMatch()
    {
        var text = "The ferry was late.\r\nOfficials said\r\n\r\nnew sanctions\r\nwere coming.";
        var start = text.IndexOf("sanctions", StringComparison.Ordinal);

        var hit = new KeywordHit("sanction", ArticleField.Body, text, start, "sanctions".Length);

        Assert.Equal("The ferry was late. Officials said  new sanctions were coming.", hit.Snippet);
        Assert.Equal("sanctions", hit.Snippet.Substring(hit.SnippetMatchStart, hit.SnippetMatchLength));
    }

    [Theory]
    [InlineData("The foreign\r\nminister left.", "The foreign minister left.")]
    [InlineData("They met the foreign\r\nminister", "They met the foreign minister")]
    [InlineData("foreign\r\n\r\nminister", "foreign  minister")]
    public void Snippet_OfAMatchSpanningCrLf_MarksExactlyTheMatch(string text, string snippet)
    {
        var start = text.IndexOf("foreign", StringComparison.Ordinal);
        var length = text.IndexOf("minister", StringComparison.Ordinal) + "minister".Length - start;

        var hit = new KeywordHit("\"foreign minister\"", ArticleField.Body, text, start, length);

        Assert.Equal(snippet, hit.Snippet);
        Assert.Equal(text.Substring(start, length).ReplaceLineEndings(" "), hit.Snippet.Substring(hit.SnippetMatchStart, hit.SnippetMatchLength));
    }

    private static (string Snippet, int MatchStart) SnippetAsBuiltBefore(string text, int start, int length)
    {
        var from = Math.Max(0, start - KeywordMatcher.SnippetContext);
        var to = Math.Min(text.Length, start + length + KeywordMatcher.SnippetContext);
        while (from > 0 && from < start && !char.IsWhiteSpace(text[from - 1]))
        {
            from++;
        }

        while (to < text.Length && to > start + length && !char.IsWhiteSpace(text[to]))
        {
            to--;
        }

        var snippet = text[from..to].ReplaceLineEndings(" ");
        var lead = from > 0 ? "…" : string.Empty;
        var trail = to < text.Length ? "…" : string.Empty;
        return (lead + snippet.Trim() + trail, lead.Length + (start - from) - (snippet.Length - snippet.TrimStart().Length));
    }
}
