using Ingest.Domain.Articles;

namespace Ingest.Domain.Parsing;

/// <summary>An article, or the reason a drop could not be read as news.</summary>
public sealed record ParseResult(Article? Article, string? Error)
{
    public static ParseResult Ok(Article article) => new(article, null);

    public static ParseResult Fail(string error) => new(null, error);
}
