using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ingest.Domain.Digests;

/// <summary>
/// The JSON form of a digest, used for the archive blob and the queue message.
/// Consumers check <c>schemaVersion</c>; fields are only ever added within a version.
/// </summary>
public static class DigestJson
{
    public const int SchemaVersion = 1;

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        WriteIndented = false,

        // Headlines keep their curly quotes and dashes; this JSON is never embedded in HTML unescaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(Digest digest) =>
        JsonSerializer.Serialize(new DigestDocument(SchemaVersion, digest.Id, digest.WatchId, digest.WatchName, digest.CreatedAt, digest.Items.Count, digest.TotalHits, digest.Items), Options);

    public static DigestDocument Deserialize(string json) =>
        JsonSerializer.Deserialize<DigestDocument>(json, Options) ?? throw new JsonException("The digest JSON is null.");

    public sealed record DigestDocument(
        int SchemaVersion,
        string Id,
        string WatchId,
        string WatchName,
        DateTimeOffset CreatedAt,
        int ItemCount,
        int TotalHits,
        IReadOnlyList<DigestItem> Items);
}
