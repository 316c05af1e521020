namespace Ingest.Domain.Articles;

/// <summary>The part of an article a keyword hit was found in. Title hits rank first in digests.</summary>
public enum ArticleField
{
    Title,
    Standfirst,
    Body,
}
