using System.Globalization;
using System.Text.RegularExpressions;

namespace Ingest.Domain.Parsing;

/// <summary>
/// Reads the publication times news formats state: RFC 822/1123 (RSS <c>pubDate</c>, with or without
/// the weekday, two- or four-digit years, numeric offsets or the RFC zone names), ISO 8601 (Atom,
/// JSON-LD, HTML <c>time</c> and meta tags: with or without seconds, fractions, <c>Z</c>, <c>+hh:mm</c>
/// or <c>+hhmm</c>, a space instead of <c>T</c>, or a bare date) and Unix times in JSON.
/// A time without a zone is read as UTC. Anything else is no date: a time is never invented.
/// </summary>
public static partial class NewsDates
{
    private const int MinYear = 1900;
    private const int MaxYear = 2200;

    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ssK",
        "yyyy-MM-dd HH:mmK",
        "yyyy-MM-dd",
        "yyyyMMdd'T'HHmmssK",
    ];

    private static readonly string[] RfcFormats =
    [
        "d MMM yyyy HH:mm:ss zzz",
        "d MMM yyyy HH:mm zzz",
        "d MMM yy HH:mm:ss zzz",
        "d MMM yy HH:mm zzz",
        "d MMMM yyyy HH:mm:ss zzz",
        "d MMMM yyyy HH:mm zzz",
        "d MMM yyyy HH:mm:ss",
        "d MMM yyyy HH:mm",
        "d MMM yyyy",
    ];

    private static readonly Dictionary<string, string> ZoneNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GMT"] = "+00:00",
        ["UT"] = "+00:00",
        ["UTC"] = "+00:00",
        ["Z"] = "+00:00",
        ["EST"] = "-05:00",
        ["EDT"] = "-04:00",
        ["CST"] = "-06:00",
        ["CDT"] = "-05:00",
        ["MST"] = "-07:00",
        ["MDT"] = "-06:00",
        ["PST"] = "-08:00",
        ["PDT"] = "-07:00",
        ["BST"] = "+01:00",
        ["CET"] = "+01:00",
        ["CEST"] = "+02:00",
    };

    /// <summary>The time a string states, or null when it states none this reader can be sure of.</summary>
    public static DateTimeOffset? TryParse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 80)
        {
            return null;
        }

        var text = value.Trim();
        var styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces;
        var iso = CompactOffset().Replace(text, "$1$2:$3");
        if (DateTimeOffset.TryParseExact(iso, IsoFormats, CultureInfo.InvariantCulture, styles, out var parsed))
        {
            return Sane(parsed);
        }

        var rfc = Weekday().Replace(text, string.Empty);
        rfc = TrailingZone().Replace(rfc, m => ZoneNames.TryGetValue(m.Groups[1].Value, out var offset) ? " " + offset : m.Value);
        rfc = CompactOffset().Replace(rfc, "$1$2:$3");
        rfc = rfc.Replace(',', ' ');
        rfc = Spaces().Replace(rfc, " ").Trim();
        if (DateTimeOffset.TryParseExact(rfc, RfcFormats, CultureInfo.InvariantCulture, styles, out parsed))
        {
            return Sane(parsed);
        }

        // Other common spellings ("March 3, 2024 10:00 GMT"), but only when they state a four-digit year,
        // so that a bare time is never completed with today's date.
        return FourDigitYear().IsMatch(rfc) && DateTimeOffset.TryParse(rfc, CultureInfo.InvariantCulture, styles, out parsed)
            ? Sane(parsed)
            : null;
    }

    /// <summary>A Unix time in seconds, or in milliseconds when it is too large to be seconds.</summary>
    public static DateTimeOffset? FromUnix(long value)
    {
        try
        {
            var time = value > 100_000_000_000L ? DateTimeOffset.FromUnixTimeMilliseconds(value) : DateTimeOffset.FromUnixTimeSeconds(value);
            return Sane(time);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static DateTimeOffset? Sane(DateTimeOffset value) => value.Year is >= MinYear and <= MaxYear ? value : null;

    [GeneratedRegex(@"^\s*(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Weekday();

    [GeneratedRegex(@"\s([A-Za-z]{1,4})$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingZone();

    [GeneratedRegex(@"(\d{2}(?::\d{2})?(?:\.\d+)?\s?)([+-]\d{2})(\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex CompactOffset();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\b\d{4}\b", RegexOptions.CultureInvariant)]
    private static partial Regex FourDigitYear();
}
