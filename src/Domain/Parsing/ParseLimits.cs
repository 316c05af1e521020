namespace Ingest.Domain.Parsing;

/// <summary>Bounds on what one drop may make the parsers do. <see cref="Ingestion.IngestionOptions"/> supplies them.</summary>
/// <param name="MaxDecompressedBytes">Most bytes a gzip drop may expand to; reading stops there.</param>
/// <param name="MaxItemsPerFile">Most articles read from one feed, array or NDJSON file; the rest are reported, not read.</param>
/// <param name="MaxFieldChars">Longest author, publisher or URL accepted.</param>
/// <param name="MaxBodyChars">Longest article body accepted, paragraphs joined.</param>
public sealed record ParseLimits(long MaxDecompressedBytes, int MaxItemsPerFile, int MaxFieldChars, int MaxBodyChars)
{
    public static ParseLimits Default { get; } = new(64L << 20, 1000, 2000, 1_000_000);
}
