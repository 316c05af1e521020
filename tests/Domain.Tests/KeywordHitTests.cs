using System.Text.Json;
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
}
