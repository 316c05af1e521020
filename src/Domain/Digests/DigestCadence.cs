using System.Globalization;

namespace Ingest.Domain.Digests;

public enum CadenceKind
{
    /// <summary>Every tick of the host's digest timer that has new hits.</summary>
    AsItHappens,

    /// <summary>At most once each clock hour.</summary>
    Hourly,

    /// <summary>Once a day at <see cref="DigestCadence.At"/>.</summary>
    Daily,

    /// <summary>Once a week on <see cref="DigestCadence.Day"/> at <see cref="DigestCadence.At"/>.</summary>
    Weekly,
}

/// <summary>
/// When a watch's digests go out, in the watch's own time zone. The host timer only drives it: each
/// tick sends a digest for every watch whose latest scheduled slot has not been served yet, so a
/// daily 08:00 digest goes out at the first tick at or after 08:00. Quiet hours hold digests until
/// they end; a minimum hit count holds them until enough articles have hit.
/// </summary>
/// <remarks>
/// Text form (settings, CLI): <c>as-it-happens</c>, <c>hourly</c>, <c>daily 08:00</c>,
/// <c>weekly mon 08:00</c>, then optionally a time zone (<c>Europe/London</c>), <c>quiet 22:00-07:00</c>
/// and <c>min 3</c>, in any order. Example: <c>daily 07:30 Europe/Paris quiet 22:00-06:00 min 2</c>.
/// </remarks>
public sealed record DigestCadence(
    CadenceKind Kind,
    TimeOnly At = default,
    DayOfWeek Day = DayOfWeek.Monday,
    string TimeZone = "UTC",
    TimeOnly? QuietFrom = null,
    TimeOnly? QuietUntil = null,
    int MinimumHits = 1)
{
    public static DigestCadence AsItHappens { get; } = new(CadenceKind.AsItHappens);

    /// <summary>The latest slot at or before <paramref name="now"/>; null during quiet hours.</summary>
    public DateTimeOffset? LatestSlot(DateTimeOffset now)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        if (InQuietHours(TimeOnly.FromDateTime(local.DateTime)))
        {
            return null;
        }

        var slot = Kind switch
        {
            CadenceKind.AsItHappens => local.DateTime,
            CadenceKind.Hourly => local.Date.AddHours(local.Hour),
            CadenceKind.Daily => LatestDaily(local.DateTime),
            _ => LatestWeekly(local.DateTime),
        };
        return new DateTimeOffset(slot, zone.GetUtcOffset(slot));
    }

    public bool InQuietHours(TimeOnly localTime) => QuietFrom is { } from && QuietUntil is { } until && from != until &&
        (from < until ? localTime >= from && localTime < until : localTime >= from || localTime < until);

    public override string ToString()
    {
        var text = Kind switch
        {
            CadenceKind.AsItHappens => "as-it-happens",
            CadenceKind.Hourly => "hourly",
            CadenceKind.Daily => $"daily {At:HH\\:mm}",
            _ => $"weekly {Day.ToString()[..3].ToLowerInvariant()} {At:HH\\:mm}",
        };
        if (TimeZone != "UTC")
        {
            text += " " + TimeZone;
        }

        if (QuietFrom is { } from && QuietUntil is { } until)
        {
            text += $" quiet {from:HH\\:mm}-{until:HH\\:mm}";
        }

        return MinimumHits > 1 ? text + $" min {MinimumHits}" : text;
    }

    /// <summary>Parses the text form; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static DigestCadence Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return AsItHappens;
        }

        var words = new Queue<string>(text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var kind = words.Dequeue().ToLowerInvariant() switch
        {
            "as-it-happens" or "immediate" => CadenceKind.AsItHappens,
            "hourly" => CadenceKind.Hourly,
            "daily" => CadenceKind.Daily,
            "weekly" => CadenceKind.Weekly,
            var other => throw new FormatException($"Cadence '{text}': '{other}' is not one of as-it-happens, hourly, daily, weekly."),
        };
        var cadence = new DigestCadence(kind);
        if (kind == CadenceKind.Weekly)
        {
            var day = Take(words, text, "a day such as mon");
            cadence = cadence with { Day = Enum.GetValues<DayOfWeek>().FirstOrDefault(d => d.ToString().StartsWith(day, StringComparison.OrdinalIgnoreCase) && day.Length >= 3, (DayOfWeek)(-1)) };
            if ((int)cadence.Day < 0)
            {
                throw new FormatException($"Cadence '{text}': '{day}' is not a day of the week.");
            }
        }

        if (kind is CadenceKind.Daily or CadenceKind.Weekly)
        {
            cadence = cadence with { At = Time(Take(words, text, "a time such as 08:00"), text) };
        }

        while (words.Count > 0)
        {
            var word = words.Dequeue();
            if (word.Equals("quiet", StringComparison.OrdinalIgnoreCase))
            {
                var range = Take(words, text, "quiet hours such as 22:00-07:00").Split('-');
                if (range.Length != 2)
                {
                    throw new FormatException($"Cadence '{text}': quiet hours are written 22:00-07:00.");
                }

                cadence = cadence with { QuietFrom = Time(range[0], text), QuietUntil = Time(range[1], text) };
            }
            else if (word.Equals("min", StringComparison.OrdinalIgnoreCase))
            {
                var n = Take(words, text, "a number of hits");
                cadence = cadence with { MinimumHits = int.TryParse(n, CultureInfo.InvariantCulture, out var m) && m >= 1 ? m : throw new FormatException($"Cadence '{text}': min needs a whole number of at least 1, not '{n}'.") };
            }
            else if (TimeZoneInfo.TryFindSystemTimeZoneById(word, out _))
            {
                cadence = cadence with { TimeZone = word };
            }
            else
            {
                throw new FormatException($"Cadence '{text}': '{word}' is neither a time zone (such as Europe/London), 'quiet HH:mm-HH:mm' nor 'min N'.");
            }
        }

        return cadence;
    }

    private static string Take(Queue<string> words, string text, string expected) =>
        words.Count > 0 ? words.Dequeue() : throw new FormatException($"Cadence '{text}': expected {expected}.");

    private static TimeOnly Time(string value, string text) =>
        TimeOnly.TryParseExact(value, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new FormatException($"Cadence '{text}': '{value}' is not a time such as 08:00.");

    private DateTime LatestDaily(DateTime local)
    {
        var today = local.Date + At.ToTimeSpan();
        return today <= local ? today : today.AddDays(-1);
    }

    private DateTime LatestWeekly(DateTime local)
    {
        var daysBack = ((int)local.DayOfWeek - (int)Day + 7) % 7;
        var slot = local.Date.AddDays(-daysBack) + At.ToTimeSpan();
        return slot <= local ? slot : slot.AddDays(-7);
    }
}
