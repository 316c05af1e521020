using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace Ingest.Domain.Parsing;

/// <summary>
/// Reads any drop the inbox accepts and returns one result per article in it. The format is told from
/// the content, not the name: gzip by its magic bytes (1f 8b, unpacked up to a limit, then detected
/// again), JSON by a leading <c>{</c> or <c>[{</c>, XML feeds by an <c>rss</c>, <c>rdf:RDF</c> or
/// <c>feed</c> root (or any XML declaration), HTML by markup, and anything else as plain text.
/// Plain text keeps its Windows-1252 fallback; JSON and HTML must be UTF-8 (or, for HTML, the charset
/// its meta tag declares); XML follows its own declaration. Bad content is a result with a reason,
/// never an exception.
/// </summary>
public sealed partial class NewsDocumentParser(PlainTextNewsParser text, HtmlNewsParser html)
{
    private const int SniffBytes = 4096;

    public NewsDocumentParser()
        : this(new PlainTextNewsParser(), new HtmlNewsParser())
    {
    }

    public NewsDocument Parse(byte[] bytes, ParseLimits limits)
    {
        try
        {
            if (bytes.Length >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B)
            {
                var unpacked = Gunzip(bytes, limits.MaxDecompressedBytes, out var error);
                if (unpacked is null)
                {
                    return NewsDocument.Fail(NewsFormat.Unknown, gzipped: true, error!);
                }

                if (unpacked.Length >= 2 && unpacked[0] == 0x1F && unpacked[1] == 0x8B)
                {
                    return NewsDocument.Fail(NewsFormat.Unknown, gzipped: true, "The gzip file holds another gzip file; only one layer of compression is unpacked.");
                }

                return ParseContent(unpacked, limits, gzipped: true);
            }

            return ParseContent(bytes, limits, gzipped: false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            return NewsDocument.Fail(NewsFormat.Unknown, false, $"The file could not be parsed ({ex.GetType().Name}: {ex.Message}).");
        }
    }

    /// <summary>The format the content reads as; exposed for tests and tools.</summary>
    public static NewsFormat Detect(ReadOnlySpan<byte> bytes)
    {
        var sample = SampleText(bytes[..Math.Min(bytes.Length, SniffBytes)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (sample.Length == 0)
        {
            return NewsFormat.PlainText;
        }

        if (sample[0] == '{')
        {
            // A JSON object opens with a quoted name (or is empty); "{Breaking} Ferry…" is a headline.
            var next = sample.AsSpan(1).TrimStart();
            return next.Length == 0 || next[0] is '"' or '}' ? NewsFormat.Json : NewsFormat.PlainText;
        }

        if (sample[0] == '[')
        {
            var next = sample.AsSpan(1).TrimStart();
            return next.Length == 0 || next[0] is '{' or ']' or '"' ? NewsFormat.Json : NewsFormat.PlainText;
        }

        if (sample[0] != '<')
        {
            return NewsFormat.PlainText;
        }

        var root = RootElement(sample, out var declaredXml);
        return root?.ToLowerInvariant() switch
        {
            "rss" or "rdf:rdf" or "feed" => NewsFormat.Xml,
            "html" => NewsFormat.Html,
            null when declaredXml => NewsFormat.Xml,
            _ when declaredXml && !IsHtmlElement(root!) => NewsFormat.Xml,
            _ when IsHtmlElement(root!) || sample.Contains("</", StringComparison.Ordinal) => NewsFormat.Html,
            _ => NewsFormat.PlainText,
        };
    }

    private NewsDocument ParseContent(byte[] bytes, ParseLimits limits, bool gzipped)
    {
        var format = Detect(bytes);
        switch (format)
        {
            case NewsFormat.Xml:
                return FeedNewsParser.Parse(bytes, limits, gzipped);
            case NewsFormat.Json:
            {
                var decoded = StrictText(bytes, declaredCharset: null);
                return decoded.Error is not null
                    ? NewsDocument.Fail(format, gzipped, $"The JSON {decoded.Error}")
                    : JsonNewsParser.Parse(decoded.Text!, limits, gzipped);
            }

            case NewsFormat.Html:
            {
                var decoded = StrictText(bytes, DeclaredCharset(bytes));
                if (decoded.Error is not null)
                {
                    return NewsDocument.Fail(format, gzipped, $"The HTML {decoded.Error}");
                }

                // The HTML parser slows quadratically with nesting depth; real pages nest a few dozen deep.
                var depth = HtmlNesting.EstimateDepth(decoded.Text!);
                return depth > HtmlNesting.MaxDepth
                    ? NewsDocument.Fail(format, gzipped, $"The HTML nests elements about {depth:N0} deep; at most {HtmlNesting.MaxDepth:N0} is read.")
                    : Single(format, gzipped, html.Parse(decoded.Text!, limits));
            }

            default:
            {
                var decoded = NewsTextDecoder.Decode(bytes);
                if (decoded.Error is not null)
                {
                    return NewsDocument.Fail(NewsFormat.PlainText, gzipped, decoded.Error);
                }

                var parsed = text.Parse(decoded.Text!);
                if (parsed.Article is { } article && article.Body.Length > limits.MaxBodyChars)
                {
                    parsed = ParseResult.Fail($"The body is {article.Body.Length:N0} characters long; the limit is {limits.MaxBodyChars:N0} (Ingestion:MaxBodyChars).");
                }

                return Single(NewsFormat.PlainText, gzipped, parsed);
            }
        }
    }

    private static NewsDocument Single(NewsFormat format, bool gzipped, ParseResult result) =>
        new(format, gzipped, [NewsItem.From(1, result)], null);

    /// <summary>Unpacks gzip up to the limit; null with a reason when it is over the limit or corrupt.</summary>
    private static byte[]? Gunzip(byte[] bytes, long limit, out string? error)
    {
        error = null;
        using var input = new GZipStream(new MemoryStream(bytes, writable: false), CompressionMode.Decompress);
        using var output = new MemoryStream();
        var chunk = new byte[81920];
        try
        {
            int read;
            while ((read = input.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (output.Length + read > limit)
                {
                    error = $"The gzip content unpacks to more than the {limit:N0}-byte limit (Ingestion:MaxDecompressedBytes); unpacking stopped there.";
                    return null;
                }

                output.Write(chunk, 0, read);
            }
        }
        catch (InvalidDataException ex)
        {
            error = $"The gzip data is corrupt or truncated: {ex.Message}";
            return null;
        }

        if (output.Length == 0)
        {
            error = "The gzip file unpacks to nothing: the file is empty.";
            return null;
        }

        // GZipStream stops quietly at the end of truncated input; the trailer's ISIZE (length mod 2^32) tells.
        var expected = bytes.Length < 18 ? 0 : BitConverter.ToUInt32(bytes, bytes.Length - 4);
        if (expected != (uint)output.Length)
        {
            error = $"The gzip data is truncated or corrupt: it unpacks to {output.Length:N0} bytes but its trailer says {expected:N0}.";
            return null;
        }

        return output.ToArray();
    }

    /// <summary>Text that must be UTF-8 (a BOM allowed), UTF-16 with a BOM, or a charset the HTML declares.</summary>
    private static DecodeResult StrictText(byte[] bytes, Encoding? declaredCharset)
    {
        ReadOnlySpan<byte> span = bytes;
        string text;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return NewsTextDecoder.Decode(bytes) is { Error: null } utf16 ? utf16 : DecodeResult.Fail("is not valid UTF-16 text.");
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }
        else if (declaredCharset is not null)
        {
            return DecodeResult.Ok(declaredCharset.GetString(span).Normalize(NormalizationForm.FormC));
        }

        if (span.IndexOf((byte)0) is var nul and >= 0)
        {
            return DecodeResult.Fail($"holds binary data (a NUL byte at offset {nul:N0}), not text.");
        }

        var chars = new char[span.Length];
        var status = Utf8.ToUtf16(span, chars, out var read, out var written, replaceInvalidSequences: false);
        if (status != System.Buffers.OperationStatus.Done)
        {
            return DecodeResult.Fail($"is not valid UTF-8 (the first invalid byte is at offset {read:N0}).");
        }

        text = new string(chars, 0, written);
        return text.Contains('\uFFFE', StringComparison.Ordinal)
            ? DecodeResult.Fail("holds U+FFFE, which is not text.")
            : DecodeResult.Ok(text.Normalize(NormalizationForm.FormC));
    }

    /// <summary>A non-UTF-8 charset an HTML meta tag declares near the top, when .NET knows it.</summary>
    private static Encoding? DeclaredCharset(byte[] bytes)
    {
        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 2048));
        var match = MetaCharset().Match(head);
        if (!match.Success)
        {
            return null;
        }

        var name = match.Groups[1].Value;
        if (name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            var encoding = Encoding.GetEncoding(name);
            return encoding.CodePage is 1200 or 1201 or 12000 or 12001 ? null : encoding;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string SampleText(ReadOnlySpan<byte> sample)
    {
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(sample[2..]);
        }

        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(sample[2..]);
        }

        return Encoding.UTF8.GetString(sample);
    }

    /// <summary>The name of the first element, after any XML declaration, comments and DOCTYPE.</summary>
    private static string? RootElement(string sample, out bool declaredXml)
    {
        declaredXml = false;
        var at = 0;
        while (at < sample.Length)
        {
            at = SkipSpace(sample, at);
            if (string.CompareOrdinal(sample, at, "<?", 0, 2) == 0)
            {
                declaredXml |= string.Compare(sample, at, "<?xml", 0, 5, StringComparison.OrdinalIgnoreCase) == 0;
                at = End(sample, at, "?>");
            }
            else if (string.CompareOrdinal(sample, at, "<!--", 0, 4) == 0)
            {
                at = End(sample, at, "-->");
            }
            else if (string.Compare(sample, at, "<!DOCTYPE", 0, 9, StringComparison.OrdinalIgnoreCase) == 0)
            {
                var close = sample.IndexOf('>', at);
                var subset = sample.IndexOf('[', at);
                if (close > 0 && string.Compare(sample, at, "<!DOCTYPE html", 0, 14, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    return "html";
                }

                declaredXml = true;
                at = subset > 0 && (close < 0 || subset < close) ? End(sample, subset, "]>") : (close < 0 ? sample.Length : close + 1);
            }
            else
            {
                var name = ElementName().Match(sample, at);
                return name.Success && name.Index == at ? name.Groups[1].Value : null;
            }
        }

        return null;
    }

    private static bool IsHtmlElement(string name) =>
        name.ToLowerInvariant() is "html" or "head" or "body" or "div" or "p" or "article" or "meta" or "title" or "section" or "main" or "span" or "h1";

    private static int SkipSpace(string text, int at)
    {
        while (at < text.Length && char.IsWhiteSpace(text[at]))
        {
            at++;
        }

        return at;
    }

    private static int End(string text, int from, string terminator)
    {
        var end = text.IndexOf(terminator, from, StringComparison.Ordinal);
        return end < 0 ? text.Length : end + terminator.Length;
    }

    [GeneratedRegex(@"<([A-Za-z][A-Za-z0-9_.:-]*)", RegexOptions.CultureInvariant)]
    private static partial Regex ElementName();

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?\s*([A-Za-z0-9_.:-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex MetaCharset();
}
