using System.Text;
using Ingest.Domain.Parsing;

namespace Ingest.Domain.Tests;

public sealed class NewsTextDecoderTests
{
    private const string Sample = "Caf\u00e9 owners \u201cwelcome\u201d the ferry\u2019s return \u2013 at last";

    private static string DecodeOk(byte[] bytes)
    {
        var result = NewsTextDecoder.Decode(bytes);
        Assert.Null(result.Error);
        return Assert.IsType<string>(result.Text);
    }

    private static string DecodeError(byte[] bytes)
    {
        var result = NewsTextDecoder.Decode(bytes);
        Assert.Null(result.Text);
        return Assert.IsType<string>(result.Error);
    }

    [Fact]
    public void Decode_Utf8WithoutBom_ReturnsText()
    {
        Assert.Equal(Sample, DecodeOk(Encoding.UTF8.GetBytes(Sample)));
    }

    [Fact]
    public void Decode_Utf8WithBom_StripsBom()
    {
        var text = DecodeOk([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Sample)]);

        Assert.Equal(Sample, text);
    }

    [Fact]
    public void Decode_Utf16LittleEndianWithBom_ReturnsText()
    {
        Assert.Equal(Sample, DecodeOk([0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Sample)]));
    }

    [Fact]
    public void Decode_Utf16BigEndianWithBom_ReturnsText()
    {
        Assert.Equal(Sample, DecodeOk([0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Sample)]));
    }

    [Fact]
    public void Decode_Utf16WithoutBom_IsRefusedAsBinary()
    {
        var error = DecodeError(Encoding.Unicode.GetBytes(Sample));

        Assert.Contains("NUL", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Windows1252CurlyQuotesAndAccent_FallsBack()
    {
        // "Caf\xE9 \x93ferry\x94": invalid as UTF-8, so read as Windows-1252.
        byte[] bytes = [.. "Caf"u8, 0xE9, (byte)' ', 0x93, .. "ferry"u8, 0x94, (byte)' ', 0x96, (byte)' ', 0x92];

        Assert.Equal("Caf\u00e9 \u201cferry\u201d \u2013 \u2019", DecodeOk(bytes));
    }

    [Fact]
    public void Decode_Utf8BomFollowedByInvalidUtf8_Fails()
    {
        var error = DecodeError([0xEF, 0xBB, 0xBF, .. "Caf"u8, 0xE9]);

        Assert.Contains("UTF-8", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Utf8WithByteSwappedBomCharacter_FailsInsteadOfThrowing()
    {
        var error = DecodeError([.. "Ferry fares rise "u8, 0xEF, 0xBF, 0xBE, .. " again"u8]);

        Assert.Contains("U+FFFE", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Utf16WithByteSwappedBomInside_FailsInsteadOfThrowing()
    {
        byte[] bytes = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Ferry fares rise"), 0xFE, 0xFF, .. Encoding.Unicode.GetBytes(" again")];

        Assert.Contains("U+FFFE", DecodeError(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Empty_Fails()
    {
        Assert.Contains("empty", DecodeError([]), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Decode_NulBytes_Fails()
    {
        byte[] bytes = [.. "Ferry fares rise"u8, 0x00, .. "and more text after it"u8];

        Assert.Contains("NUL", DecodeError(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_RandomBinaryWithoutNul_FailsForControlCharacters()
    {
        var random = new Random(20250314);
        var bytes = new byte[4096];
        random.NextBytes(bytes);
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = bytes[i] == 0 ? (byte)1 : bytes[i];
        }

        Assert.Contains("control characters", DecodeError(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_RandomBinary_Fails()
    {
        var random = new Random(7);
        var bytes = new byte[20_000];
        random.NextBytes(bytes);

        DecodeError(bytes);
    }

    [Fact]
    public void Decode_TextWithTabsFormFeedsAndCrLf_IsNotBinary()
    {
        var text = "Ferry\tfares\r\nrise\f in May\n";

        Assert.Equal(text, DecodeOk(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Decode_OneStrayControlCharacterInLongText_IsStillText()
    {
        var text = new NewsDropBuilder().Build() + "\u0007";

        Assert.Equal(text, DecodeOk(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Decode_DecomposedAccents_NormalisesToNfc()
    {
        var decomposed = "Cafe\u0301 owners";

        var text = DecodeOk(Encoding.UTF8.GetBytes(decomposed));

        Assert.Equal("Caf\u00e9 owners", text);
        Assert.True(text.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Decode_DecomposedAccentsInUtf16_NormalisesToNfc()
    {
        Assert.Equal("Caf\u00e9", DecodeOk([0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Cafe\u0301")]));
    }
}
