using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ingest.Domain.Articles;

/// <summary>
/// The identity of an article's content. Computed over normalised text (NFC, case-folded,
/// typographic quotes and dashes folded, whitespace collapsed) so that the same article
/// re-saved by another tool, or dropped under another name, hashes the same.
/// </summary>
public static class ContentHash
{
    /// <summary>Hex characters kept from the SHA-256 digest (128 bits).</summary>
    public const int Length = 32;

    public static string Compute(string title, IEnumerable<string> paragraphs)
    {
        var canonical = new StringBuilder();
        AppendCanonical(canonical, title);
        foreach (var paragraph in paragraphs)
        {
            canonical.Append('\n');
            AppendCanonical(canonical, paragraph);
        }

        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString()));
        return Convert.ToHexStringLower(bytes)[..Length];
    }

    private static void AppendCanonical(StringBuilder into, string text)
    {
        var normalised = text.Normalize(NormalizationForm.FormKC);
        var pendingSpace = false;
        foreach (var c in normalised)
        {
            // ASCII fast path, the same result as below: ASCII has no typographic quotes, its only
            // dash is '-', its white space is \t..\r and ' ', and only A-Z change when lower-cased.
            if (char.IsAscii(c))
            {
                if (c is ' ' or (>= '\t' and <= '\r'))
                {
                    pendingSpace = into.Length > 0;
                    continue;
                }

                if (pendingSpace)
                {
                    into.Append(' ');
                    pendingSpace = false;
                }

                into.Append(char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c);
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = into.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                into.Append(' ');
                pendingSpace = false;
            }

            into.Append(Fold(c));
        }
    }

    private static char Fold(char c) => CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation => c is '‘' or '’' or '‚' or '‛' ? '\'' : '"',
        UnicodeCategory.DashPunctuation => '-',
        _ => char.ToLowerInvariant(c),
    };
}
