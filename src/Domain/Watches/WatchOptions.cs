using System.ComponentModel.DataAnnotations;
using Ingest.Domain.Digests;

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
        ? [new Watch("sanctions", "Sanctions", ["sanctions"])]
        : Seed.Select(s => s.ToWatch()).ToList();
}

public sealed class WatchSeed
{
    public string? Id { get; set; }

    [Required]
    public string Name { get; set; } = string.Empty;

    /// <summary>Words or "quoted phrases"; any of them hits.</summary>
    [MinLength(1)]
    public List<string> Keywords { get; set; } = [];

    public bool Enabled { get; set; } = true;

    /// <summary>When digests go out: as-it-happens (default), hourly, "daily 08:00 Europe/London", "weekly mon 08:00"…</summary>
    public string? Cadence { get; set; }

    public Watch ToWatch()
    {
        var id = string.IsNullOrWhiteSpace(Id) ? WatchId.FromName(Name) : Id;
        if (!WatchId.IsValid(id))
        {
            throw new ArgumentException($"Watch id '{id}' is not valid: use 1-{WatchId.MaxLength} lower-case letters, digits and hyphens.");
        }

        if (Keywords.Count == 0 || Keywords.All(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"Watch '{id}' has no keywords.");
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

        return new Watch(id, Name, Keywords.Where(k => !string.IsNullOrWhiteSpace(k)).ToList(), Enabled) { Cadence = cadence };
    }
}
