using System.ComponentModel.DataAnnotations;
using Ingest.Domain.Parsing;

namespace Ingest.Domain.Ingestion;

/// <summary>Limits on one drop. Anything over a limit is quarantined with a reason naming the setting.</summary>
public sealed class IngestionOptions
{
    public const string SectionName = "Ingestion";

    /// <summary>Largest drop read whole into memory (every format but RSS and Atom), in bytes; a larger one is quarantined. Default 16 MiB.</summary>
    [Range(1024, 1L << 31)]
    public long MaxBlobBytes { get; set; } = 16L << 20;

    /// <summary>
    /// Largest RSS or Atom drop read, in bytes (gzipped or not). Feeds are read as a stream, one item in
    /// memory at a time, so this may be far above <see cref="MaxBlobBytes"/>; items read before the limit
    /// are kept and the rest quarantined. Default 1 GiB.
    /// </summary>
    [Range(1024, 1L << 40)]
    public long MaxFeedBytes { get; set; } = 1L << 30;

    /// <summary>Most bytes a gzip drop may unpack to; unpacking stops there and the drop is quarantined. Default 64 MiB.</summary>
    [Range(1024, 1L << 31)]
    public long MaxDecompressedBytes { get; set; } = 64L << 20;

    /// <summary>Most articles read from one feed, JSON array or NDJSON file; the rest are quarantined as one entry. Default 1,000.</summary>
    [Range(1, 100_000)]
    public int MaxItemsPerFile { get; set; } = 1000;

    /// <summary>Longest author, publisher or URL accepted, in characters; a longer one quarantines its article. Default 2,000.</summary>
    [Range(16, 32_000)]
    public int MaxFieldChars { get; set; } = 2000;

    /// <summary>Longest article body accepted, in characters; a longer one quarantines its article. Default 1,000,000.</summary>
    [Range(1000, 100_000_000)]
    public int MaxBodyChars { get; set; } = 1_000_000;

    public ParseLimits ToParseLimits() => new(MaxDecompressedBytes, MaxItemsPerFile, MaxFieldChars, MaxBodyChars);
}
