using Microsoft.Extensions.Options;
using NCrontab;

namespace Ingest.LocalHost;

/// <summary>
/// <c>DigestSchedule</c>, as the Functions timer trigger reads it: a six-field NCRONTAB expression
/// with seconds (<c>0 0 * * * *</c> is hourly), a five-field one, or an interval (<c>00:00:30</c>).
/// </summary>
public sealed class DigestScheduleOptions
{
    public string DigestSchedule { get; set; } = "0 0 * * * *";

    /// <summary>When the digest runs next after <paramref name="now"/>.</summary>
    public DateTimeOffset Next(DateTimeOffset now)
    {
        if (TryInterval(out var interval))
        {
            return now + interval;
        }

        var schedule = Parse(DigestSchedule) ?? throw new InvalidOperationException($"DigestSchedule '{DigestSchedule}' is not a schedule.");
        return new DateTimeOffset(schedule.GetNextOccurrence(now.UtcDateTime), TimeSpan.Zero);
    }

    private bool TryInterval(out TimeSpan interval) =>
        TimeSpan.TryParse(DigestSchedule, System.Globalization.CultureInfo.InvariantCulture, out interval) && interval > TimeSpan.Zero;

    private static CrontabSchedule? Parse(string expression)
    {
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = fields == 6 });
    }

    public sealed class Validator : IValidateOptions<DigestScheduleOptions>
    {
        public ValidateOptionsResult Validate(string? name, DigestScheduleOptions options) =>
            options.TryInterval(out _) || Parse(options.DigestSchedule) is not null
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"DigestSchedule '{options.DigestSchedule}' is neither an NCRONTAB expression (such as '0 0 * * * *', hourly) nor an interval (such as '00:05:00').");
    }
}
