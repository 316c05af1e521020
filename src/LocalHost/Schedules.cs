using System.Globalization;
using Microsoft.Extensions.Options;
using NCrontab;

namespace Ingest.LocalHost;

/// <summary>
/// The timer settings, read as the Functions timer trigger reads them: a six-field NCRONTAB
/// expression with seconds (<c>0 0 * * * *</c> is hourly), a five-field one, or an interval (<c>00:00:30</c>).
/// </summary>
public sealed class Schedules
{
    public string DigestSchedule { get; set; } = "0 0 * * * *";

    public string ReconcileSchedule { get; set; } = "0 */5 * * * *";

    /// <summary>When a schedule fires next after <paramref name="now"/>.</summary>
    public static DateTimeOffset Next(string schedule, DateTimeOffset now)
    {
        if (TryInterval(schedule, out var interval))
        {
            return now + interval;
        }

        var cron = ParseCron(schedule) ?? throw new InvalidOperationException($"'{schedule}' is not a schedule.");
        return new DateTimeOffset(cron.GetNextOccurrence(now.UtcDateTime), TimeSpan.Zero);
    }

    public static bool IsValid(string schedule) => TryInterval(schedule, out _) || ParseCron(schedule) is not null;

    private static bool TryInterval(string schedule, out TimeSpan interval) =>
        TimeSpan.TryParse(schedule, CultureInfo.InvariantCulture, out interval) && interval > TimeSpan.Zero;

    private static CrontabSchedule? ParseCron(string expression)
    {
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = fields == 6 });
    }

    public sealed class Validator : IValidateOptions<Schedules>
    {
        public ValidateOptionsResult Validate(string? name, Schedules options)
        {
            var errors = new[] { (nameof(DigestSchedule), options.DigestSchedule), (nameof(ReconcileSchedule), options.ReconcileSchedule) }
                .Where(s => !IsValid(s.Item2))
                .Select(s => $"{s.Item1} '{s.Item2}' is neither an NCRONTAB expression (such as '0 0 * * * *', hourly) nor an interval (such as '00:05:00').")
                .ToList();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
