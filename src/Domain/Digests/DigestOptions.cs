using System.ComponentModel.DataAnnotations;

namespace Ingest.Domain.Digests;

public sealed class DigestOptions
{
    public const string SectionName = "Digests";

    /// <summary>Most articles in one digest; the rest wait for the next one.</summary>
    [Range(1, 1000)]
    public int MaxItems { get; set; } = 200;

    /// <summary>How long one runner holds a watch; a crashed runner's lease runs out after this.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan RunLease { get; set; } = TimeSpan.FromMinutes(5);
}
