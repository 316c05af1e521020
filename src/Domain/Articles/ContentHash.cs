using System.Buffers;
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
        var canonical = new Canonical(ArrayPool<char>.Shared.Rent(4096));
        try
        {
            canonical.Append(title);
            foreach (var paragraph in paragraphs)
            {
                canonical.Separate();
                canonical.Append(paragraph);
            }

            var text = canonical.Text;
            var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
            try
            {
                var count = Encoding.UTF8.GetBytes(text, bytes);
                Span<byte> digest = stackalloc byte[32];
                SHA256.HashData(bytes.AsSpan(0, count), digest);
                return Convert.ToHexStringLower(digest[..(Length / 2)]);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(bytes);
            }
        }
        finally
        {
            canonical.Return();
        }
    }

    /// <summary>The canonical text, written into a pooled buffer that grows as needed.</summary>
    private struct Canonical(char[] buffer)
    {
        private char[] buffer = buffer;
        private int length;

        public readonly ReadOnlySpan<char> Text => buffer.AsSpan(0, length);

        public void Separate()
        {
            Reserve(1);
            buffer[length++] = '\n';
        }

        public void Append(string text)
        {
            var normalised = text.Normalize(NormalizationForm.FormKC);

            // Each character gives at most one, and a run of white space one space.
            Reserve(normalised.Length);
            var into = buffer;
            var n = length;
            var pendingSpace = false;
            foreach (var c in normalised)
            {
                // ASCII fast path, the same result as below: ASCII has no typographic quotes, its only
                // dash is '-', its white space is \t..\r and ' ', and only A-Z change when lower-cased.
                if (char.IsAscii(c))
                {
                    if (c is ' ' or (>= '\t' and <= '\r'))
                    {
                        pendingSpace = n > 0;
                        continue;
                    }

                    if (pendingSpace)
                    {
                        into[n++] = ' ';
                        pendingSpace = false;
                    }

                    into[n++] = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
                    continue;
                }

                if (char.IsWhiteSpace(c))
                {
                    pendingSpace = n > 0;
                    continue;
                }

                if (pendingSpace)
                {
                    into[n++] = ' ';
                    pendingSpace = false;
                }

                into[n++] = Fold(c);
            }

            length = n;
        }

        public readonly void Return() => ArrayPool<char>.Shared.Return(buffer);

        private void Reserve(int more)
        {
            if (length + more <= buffer.Length)
            {
                return;
            }

            var larger = ArrayPool<char>.Shared.Rent(Math.Max(buffer.Length * 2, length + more));
            buffer.AsSpan(0, length).CopyTo(larger);
            ArrayPool<char>.Shared.Return(buffer);
            buffer = larger;
        }
    }

    private static char Fold(char c) => CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation => c is '‘' or '’' or '‚' or '‛' ? '\'' : '"',
        UnicodeCategory.DashPunctuation => '-',
        _ => char.ToLowerInvariant(c),
    };
}
