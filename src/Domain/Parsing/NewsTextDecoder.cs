using System.Text;

namespace Ingest.Domain.Parsing;

/// <summary>
/// Turns the bytes of a drop into text: UTF-8 (with or without BOM), UTF-16 with a BOM, or
/// Windows-1252 when the bytes are not valid UTF-8. Binary content is refused with a reason.
/// </summary>
public static class NewsTextDecoder
{
    private const int BinarySniffLength = 8192;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Encoding Windows1252 = CreateWindows1252();

    public static DecodeResult Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return DecodeResult.Fail("The file is empty.");
        }

        string text;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            if (!TryStrictUtf8(bytes[3..], out text))
            {
                return DecodeResult.Fail("The file starts with a UTF-8 byte order mark but is not valid UTF-8.");
            }
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            text = Encoding.Unicode.GetString(bytes[2..]);
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            text = Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }
        else
        {
            if (bytes[..Math.Min(bytes.Length, BinarySniffLength)].Contains((byte)0))
            {
                return DecodeResult.Fail("The file holds binary data (NUL bytes), not text.");
            }

            if (!TryStrictUtf8(bytes, out text))
            {
                text = Windows1252.GetString(bytes);
            }
        }

        // U+FFFE is a byte-swapped byte order mark, never text; string.Normalize throws on it.
        if (text.Contains('\uFFFE', StringComparison.Ordinal))
        {
            return DecodeResult.Fail("The file holds U+FFFE (a byte-swapped byte order mark), so it is not text in one encoding.");
        }

        if (LooksBinary(text))
        {
            return DecodeResult.Fail("The file holds binary data (control characters), not text.");
        }

        return DecodeResult.Ok(text.Normalize(NormalizationForm.FormC));
    }

    private static bool TryStrictUtf8(ReadOnlySpan<byte> bytes, out string text)
    {
        try
        {
            text = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = string.Empty;
            return false;
        }
    }

    private static bool LooksBinary(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, BinarySniffLength));
        var control = 0;
        foreach (var c in sample)
        {
            if (c == '\0' || (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f')) || c == '\uFFFD')
            {
                control++;
            }
        }

        return control > 0 && control * 20 > sample.Length;
    }

    private static Encoding CreateWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}

public readonly record struct DecodeResult(string? Text, string? Error)
{
    public static DecodeResult Ok(string text) => new(text, null);

    public static DecodeResult Fail(string error) => new(null, error);
}
