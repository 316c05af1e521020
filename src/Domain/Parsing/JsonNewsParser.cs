using System.Text.Json;

namespace Ingest.Domain.Parsing;

/// <summary>
/// Parses JSON news: one article object, an array of them, an object wrapping one
/// (<c>articles</c>, <c>items</c>, <c>entries</c>, <c>data</c>), or NDJSON (one object a line).
/// Fields, matched case-insensitively: title/headline; description/summary/standfirst/excerpt;
/// content/body/text/articleBody (plain text, HTML, or an array of paragraphs); url/link;
/// publishedAt/datePublished/date/published/pubDate (text or Unix time); source.name/publisher/source;
/// author/authors/byline/creator (text, an object with a name, or a list of either).
/// </summary>
public static class JsonNewsParser
{
    private static readonly string[] ListProperties = ["articles", "items", "entries", "data", "results"];
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    public static NewsDocument Parse(string json, ParseLimits limits, bool gzipped)
    {
        JsonDocument? document = null;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException ex)
        {
            if (LooksLikeNdjson(json))
            {
                return ParseLines(json, limits, gzipped);
            }

            return NewsDocument.Fail(NewsFormat.Json, gzipped, $"The JSON is malformed: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && ListOf(root) is { } list)
            {
                root = list;
            }

            if (root.ValueKind == JsonValueKind.Object)
            {
                return new NewsDocument(NewsFormat.Json, gzipped, [NewsItem.From(1, ParseItem(root, limits))], null);
            }

            if (root.ValueKind != JsonValueKind.Array)
            {
                return NewsDocument.Fail(NewsFormat.Json, gzipped, $"The JSON is a {Describe(root)}, not an article object or a list of them.");
            }

            var count = root.GetArrayLength();
            if (count == 0)
            {
                return NewsDocument.Fail(NewsFormat.Json, gzipped, "The JSON list is empty: there are no articles in it.");
            }

            var items = new List<NewsItem>();
            var number = 0;
            foreach (var element in root.EnumerateArray())
            {
                number++;
                if (number > limits.MaxItemsPerFile)
                {
                    items.Add(Overflow(number, count, limits));
                    break;
                }

                items.Add(element.ValueKind == JsonValueKind.Object
                    ? NewsItem.From(number, ParseItem(element, limits))
                    : new NewsItem(number, null, $"The item is a {Describe(element)}, not an article object."));
            }

            return new NewsDocument(NewsFormat.Json, gzipped, items, null) { IsMultiItem = true };
        }
    }

    internal static NewsItem Overflow(int number, int total, ParseLimits limits) =>
        new(number, null, $"Items {number:N0} to {total:N0} were not read: the file holds {total:N0} items and the limit is {limits.MaxItemsPerFile:N0} (Ingestion:MaxItemsPerFile).");

    /// <summary>NDJSON: several lines, the first a complete JSON object on its own.</summary>
    private static bool LooksLikeNdjson(string json)
    {
        var lines = json.AsSpan().Trim();
        var end = lines.IndexOf('\n');
        if (end < 0)
        {
            return false;
        }

        try
        {
            using var first = JsonDocument.Parse(lines[..end].ToString(), Options);
            return first.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static NewsDocument ParseLines(string json, ParseLimits limits, bool gzipped)
    {
        var lines = json.ReplaceLineEndings("\n").Split('\n').Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        var items = new List<NewsItem>();
        for (var i = 0; i < lines.Count; i++)
        {
            var number = i + 1;
            if (number > limits.MaxItemsPerFile)
            {
                items.Add(Overflow(number, lines.Count, limits));
                break;
            }

            try
            {
                using var line = JsonDocument.Parse(lines[i], Options);
                items.Add(line.RootElement.ValueKind == JsonValueKind.Object
                    ? NewsItem.From(number, ParseItem(line.RootElement, limits))
                    : new NewsItem(number, null, $"The line is a {Describe(line.RootElement)}, not an article object."));
            }
            catch (JsonException ex)
            {
                items.Add(new NewsItem(number, null, $"The line is malformed JSON: {ex.Message}"));
            }
        }

        return new NewsDocument(NewsFormat.Json, gzipped, items, null) { IsMultiItem = true };
    }

    private static ParseResult ParseItem(JsonElement item, ParseLimits limits)
    {
        try
        {
            return Draft(item).Build(limits);
        }
        catch (InvalidOperationException ex)
        {
            // GetString refuses escapes that are not valid UTF-16, such as a lone "\ud800".
            return ParseResult.Fail($"A field holds text that is not valid Unicode: {ex.Message}");
        }
    }

    private static ArticleDraft Draft(JsonElement item)
    {
        var draft = new ArticleDraft
        {
            Title = JsonFields.String(item, "title") ?? JsonFields.String(item, "headline"),
            Standfirst = Summary(item),
            Publisher = JsonFields.Name(item, "source") ?? JsonFields.Name(item, "publisher") ?? JsonFields.String(item, "site_name") ?? JsonFields.String(item, "siteName"),
            Author = JsonFields.Name(item, "author") ?? JsonFields.Name(item, "authors") ?? JsonFields.Name(item, "byline") ?? JsonFields.Name(item, "creator"),
            CanonicalUrl = JsonFields.String(item, "url") ?? JsonFields.String(item, "link") ?? JsonFields.String(item, "canonicalUrl"),
            PublishedAt = Date(item),
            Paragraphs = Body(item),
        };

        if (draft.Standfirst is not null && HtmlText.LooksLikeHtml(draft.Standfirst))
        {
            draft.Standfirst = HtmlText.FragmentText(draft.Standfirst);
        }

        return draft;
    }

    private static string? Summary(JsonElement item) =>
        JsonFields.String(item, "description") ?? JsonFields.String(item, "summary") ?? JsonFields.String(item, "standfirst")
        ?? JsonFields.String(item, "excerpt") ?? JsonFields.String(item, "abstract");

    private static List<string> Body(JsonElement item)
    {
        foreach (var name in (string[])["content", "body", "text", "articleBody", "article"])
        {
            if (!JsonFields.TryGet(item, name, out var value))
            {
                continue;
            }

            if (value.ValueKind == JsonValueKind.Array)
            {
                return value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).SelectMany(v => TextOrHtml(v.GetString())).ToList();
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                return TextOrHtml(value.GetString());
            }
        }

        return [];
    }

    private static List<string> TextOrHtml(string? text) =>
        text is not null && HtmlText.LooksLikeHtml(text) ? HtmlText.FragmentParagraphs(text) : ArticleDraft.Lines(text);

    private static DateTimeOffset? Date(JsonElement item)
    {
        foreach (var name in (string[])["publishedAt", "datePublished", "published_at", "published", "pubDate", "publishedDate", "date"])
        {
            if (!JsonFields.TryGet(item, name, out var value))
            {
                continue;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var unix))
            {
                return NewsDates.FromUnix(unix);
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                return NewsDates.TryParse(value.GetString());
            }
        }

        return null;
    }

    private static JsonElement? ListOf(JsonElement root)
    {
        if (JsonFields.TryGet(root, "title", out _) || JsonFields.TryGet(root, "headline", out _))
        {
            return null;
        }

        foreach (var name in ListProperties)
        {
            if (JsonFields.TryGet(root, name, out var value) && value.ValueKind == JsonValueKind.Array)
            {
                return value;
            }
        }

        return null;
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => "list",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "true/false value",
        JsonValueKind.Null => "null",
        _ => "object",
    };
}

/// <summary>Case-insensitive reads of the loosely named fields news JSON uses.</summary>
internal static class JsonFields
{
    public static bool TryGet(JsonElement item, string name, out JsonElement value)
    {
        if (item.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in item.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind != JsonValueKind.Null)
                {
                    value = property.Value;
                    return true;
                }
            }
        }

        value = default;
        return false;
    }

    public static string? String(JsonElement item, string name) =>
        TryGet(item, name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    /// <summary>A name given as text, as an object with a name (or <paramref name="key"/>), or as a list of either, joined.</summary>
    public static string? Name(JsonElement item, string name, string key = "name")
    {
        if (!TryGet(item, name, out var value))
        {
            return null;
        }

        var names = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(v => One(v, key)) : [One(value, key)];
        var joined = string.Join(", ", names.Where(n => !string.IsNullOrWhiteSpace(n)));
        return joined.Length == 0 ? null : joined;
    }

    private static string? One(JsonElement value, string key) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Object => String(value, key) ?? String(value, "name"),
        _ => null,
    };
}
