using System.ComponentModel.DataAnnotations;

namespace Ingest.Domain.Ingestion;

public sealed class IngestionOptions
{
    public const string SectionName = "Ingestion";

    /// <summary>Largest drop read, in bytes; a larger one is quarantined. Default 16 MiB.</summary>
    [Range(1024, 1L << 31)]
    public long MaxBlobBytes { get; set; } = 16L << 20;
}
