using System.Text;

namespace Ingest.Domain.Watches;

/// <summary>Watch identifiers are slugs, safe as table keys and blob path segments.</summary>
public static class WatchId
{
    public const int MaxLength = 64;

    public static bool IsValid(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxLength && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
        && id[0] != '-' && id[^1] != '-';

    /// <summary>Derives a slug from a display name: "Sanctions on Russia" → "sanctions-on-russia".</summary>
    public static string FromName(string name)
    {
        var slug = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if ((char.IsWhiteSpace(c) || c is '-' or '_') && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var id = slug.ToString().Trim('-');
        return id.Length > MaxLength ? id[..MaxLength].TrimEnd('-') : id;
    }
}
