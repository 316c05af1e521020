using System.Security.Cryptography;
using System.Text;

namespace Ingest.Infrastructure.Storage;

/// <summary>
/// Encodes any string (a blob name, say) as a valid Table Storage key: no <c>/ \ # ?</c>, no control
/// characters, and short enough for the 1 KiB key limit. Characters outside a safe set become
/// <c>!XXXX</c>; a long result keeps a readable prefix and ends in a hash of the whole input, so
/// distinct inputs stay distinct. Short keys decode back to the input.
/// </summary>
public static class TableKey
{
    /// <summary>Longest key produced, in characters (UTF-16: 1 KiB is 512 of them; keep well under).</summary>
    public const int MaxLength = 400;

    private const char Escape = '!';
    private const char HashMarker = '~';
    private const int HashLength = 64;

    public static string Encode(string value)
    {
        var encoded = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (IsSafe(c))
            {
                encoded.Append(c);
            }
            else
            {
                encoded.Append(Escape).Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        if (encoded.Length <= MaxLength)
        {
            return encoded.ToString();
        }

        var prefixLength = MaxLength - HashLength - 1;
        var cut = prefixLength;
        // Never cut an escape sequence in half.
        for (var i = Math.Max(0, prefixLength - 4); i < prefixLength; i++)
        {
            if (encoded[i] == Escape)
            {
                cut = i;
                break;
            }
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
        return encoded.ToString(0, cut) + HashMarker + hash;
    }

    /// <summary>Decodes a key made by <see cref="Encode"/>; null when the key was shortened with a hash.</summary>
    public static string? TryDecode(string key)
    {
        if (key.Contains(HashMarker, StringComparison.Ordinal))
        {
            return null;
        }

        var decoded = new StringBuilder(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] == Escape && i + 4 < key.Length)
            {
                decoded.Append((char)Convert.ToInt32(key.Substring(i + 1, 4), 16));
                i += 4;
            }
            else
            {
                decoded.Append(key[i]);
            }
        }

        return decoded.ToString();
    }

    /// <summary>Whether a string may be used as a key as it is.</summary>
    public static bool IsValidKey(string key) =>
        key.Length <= 512 && !key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));

    private static bool IsSafe(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ' ' or '(' or ')' or '+' or ',' or '=' or '@';
}
