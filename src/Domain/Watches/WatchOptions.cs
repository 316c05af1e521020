using System.ComponentModel.DataAnnotations;
using Ingest.Domain.Digests;
using Ingest.Domain.Matching;

namespace Ingest.Domain.Watches;

/// <summary>Watches seeded into the watches table at start-up, and how often hosts re-read that table.</summary>
public sealed class WatchOptions
{
    public const string SectionName = "Watches";

    /// <summary>Seeded when absent from the table. With no setting, one watch: "sanctions".</summary>
    public List<WatchSeed> Seed { get; set; } = [];

    /// <summary>How long a compiled matcher is used before the watches table is read again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    public IReadOnlyList<Watch> SeedWatches() => Seed.Count == 0
        ? [new Watch("sanctions", "Sanctions", "sanctions")]
        : Seed.Select(s => s.ToWatch()).ToList();
}

/// <summary>
/// One watch in settings. Give an <see cref="Expression"/> (docs/watches.md), or the legacy
/// <see cref="Keywords"/> list, which becomes the expression <c>a OR b OR "c d"</c>; not both.
/// </summary>
public sealed class WatchSeed
{
    public string? Id { get; set; }

    [Required]
    public string Name { get; set; } = string.Empty;

    /// <summary>The watch expression, e.g. <c>sanctions AND (russia OR iran)</c>.</summary>
    public string? Expression { get; set; }

    /// <summary>Legacy: words or phrases, any of which hits. Ignored when empty.</summary>
    public List<string> Keywords { get; set; } = [];

    public bool Enabled { get; set; } = true;

    /// <summary>When digests go out: as-it-happens (default), hourly, "daily 08:00 Europe/London", "weekly mon 08:00"…</summary>
    public string? Cadence { get; set; }

    /// <summary>Hits (occurrences of terms that are not negated) an article needs to hit the watch.</summary>
    [Range(1, 1000)]
    public int MinimumHits { get; set; } = 1;

    /// <exception cref="ArgumentException">The id, expression or keywords are not valid; the message says which and why.</exception>
    public Watch ToWatch()
    {
        var id = string.IsNullOrWhiteSpace(Id) ? WatchId.FromName(Name) : Id;
        if (!WatchId.IsValid(id))
        {
            throw new ArgumentException($"Watch id '{id}' is not valid: use 1-{WatchId.MaxLength} lower-case letters, digits and hyphens.");
        }

        var hasKeywords = Keywords.Any(k => !string.IsNullOrWhiteSpace(k));
        if (!string.IsNullOrWhiteSpace(Expression) && hasKeywords)
        {
            throw new ArgumentException($"Watch '{id}' has both an Expression and Keywords: give one.");
        }

        var written = string.IsNullOrWhiteSpace(Expression) ? WatchExpression.FromKeywords(Keywords) : Expression;
        var expression = written.Trim();
        if (expression.Length == 0)
        {
            throw new ArgumentException($"Watch '{id}' has no expression (or keywords).");
        }

        // Checked as written, so that an error's position counts the characters as the user typed them, leading spaces
        // included; kept without the spaces around it.
        if (!WatchExpression.TryParse(written, out _, out var error))
        {
            throw new ArgumentException($"Watch '{id}' has an invalid expression: {error!.Message}.", error);
        }

        if (MinimumHits < 1)
        {
            throw new ArgumentException($"Watch '{id}' has MinimumHits {MinimumHits}: it must be at least 1.");
        }

        DigestCadence cadence;
        try
        {
            cadence = DigestCadence.Parse(Cadence);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException($"Watch '{id}': {ex.Message}", ex);
        }

        return new Watch(id, Name, expression, Enabled, MinimumHits) { Cadence = cadence };
    }
}
