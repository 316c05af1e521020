using System.Text.Json;
using Ingest.Domain.Digests;

namespace Ingest.Domain.Tests;

public sealed class DigestJsonTests
{
    private static Digest SampleDigest() => DigestComposer.Compose(
        "20250314T100000Z-0123456789ab",
        WatchBuilder.Named("ferries", "ferry"),
        IndexedHitBuilder.BaseTime.AddHours(1),
        [
            IndexedHitBuilder.Make("a", bodyHits: 2, titleHit: true, title: "Ferry \u201cfares\u201d rise"),
            IndexedHitBuilder.Make("b", bodyHits: 1, publisher: null, ingestedAt: IndexedHitBuilder.BaseTime.AddMinutes(7)),
        ]);

    [Fact]
    public void Serialize_Digest_WritesSchemaVersionOneAndTotals()
    {
        using var json = JsonDocument.Parse(DigestJson.Serialize(SampleDigest()));
        var root = json.RootElement;

        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(DigestJson.SchemaVersion, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(2, root.GetProperty("itemCount").GetInt32());
        Assert.Equal(4, root.GetProperty("totalHits").GetInt32());
        Assert.Equal("title", root.GetProperty("items")[0].GetProperty("snippets")[0].GetProperty("field").GetString());
    }

    [Fact]
    public void Deserialize_SerializedDigest_RoundTrips()
    {
        var digest = SampleDigest();

        var back = DigestJson.Deserialize(DigestJson.Serialize(digest));

        Assert.Equal(DigestJson.SchemaVersion, back.SchemaVersion);
        Assert.Equal((digest.Id, digest.WatchId, digest.WatchName, digest.CreatedAt), (back.Id, back.WatchId, back.WatchName, back.CreatedAt));
        Assert.Equal(digest.Items.Count, back.ItemCount);
        Assert.Equal(digest.TotalHits, back.TotalHits);
        Assert.Equal(digest.Items.Count, back.Items.Count);
        foreach (var (expected, actual) in digest.Items.Zip(back.Items))
        {
            Assert.Equal(expected with { Snippets = [], AlsoReportedBy = [], DuplicateArticleIds = [] }, actual with { Snippets = [], AlsoReportedBy = [], DuplicateArticleIds = [] });
            Assert.Equal(expected.Snippets, actual.Snippets);
            Assert.Equal(expected.AlsoReportedBy, actual.AlsoReportedBy);
            Assert.Equal(expected.DuplicateArticleIds, actual.DuplicateArticleIds);
        }
    }

    [Fact]
    public void Deserialize_SerializedDigest_ReserializesIdentically()
    {
        var json = DigestJson.Serialize(SampleDigest());
        var back = DigestJson.Deserialize(json);

        Assert.Equal(json, JsonSerializer.Serialize(back, DigestJson.Options));
    }

    [Fact]
    public void Deserialize_Null_Throws()
    {
        Assert.Throws<JsonException>(() => DigestJson.Deserialize("null"));
    }
}
