using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Ingest.Domain.Articles;
using Ingest.Domain.Ingestion;

namespace Ingest.Infrastructure.Storage;

/// <summary>
/// Articles in Table Storage, one partition per article: the <c>article</c> row and one <c>source|…</c>
/// row per blob it arrived in. A body too large for a table property goes to a blob the row points to.
/// </summary>
public sealed class TableArticleStore(TableClient table, BlobContainerClient bodies) : IArticleStore
{
    /// <summary>Largest body kept inline: a string property holds 64 KiB, 32 K UTF-16 characters.</summary>
    public const int MaxInlineBodyChars = 30_000;

    /// <summary>Most teasers kept with an article; they are context, not content.</summary>
    public const int MaxTeasers = 50;

    public async Task<StoredArticle?> FindAsync(string articleId, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<ArticleEntity>(articleId, ArticleEntity.Row,
            [nameof(ArticleEntity.Title), nameof(ArticleEntity.IngestedAt), nameof(ArticleEntity.HitsIndexed)], cancellationToken);
        return row.HasValue && row.Value is { } e ? new StoredArticle(articleId, e.Title, e.IngestedAt, e.HitsIndexed) : null;
    }

    public async Task<bool> TryCreateAsync(Article article, ArticleSource source, CancellationToken cancellationToken)
    {
        var body = article.Body;
        string? bodyBlob = null;
        if (body.Length > MaxInlineBodyChars)
        {
            bodyBlob = $"{article.Id}.txt";
            await bodies.GetBlobClient(bodyBlob).UploadAsync(
                BinaryData.FromString(body),
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain; charset=utf-8" } },
                cancellationToken);
        }

        var entity = new ArticleEntity
        {
            PartitionKey = article.Id,
            Title = article.Title,
            Publisher = article.Publisher,
            Standfirst = article.Standfirst,
            Body = bodyBlob is null ? body : null,
            BodyBlob = bodyBlob,
            BodyLength = body.Length,
            ParagraphCount = article.Paragraphs.Count,
            TeasersJson = article.Teasers.Count == 0 ? null : JsonSerializer.Serialize(article.Teasers.Take(MaxTeasers)),
            WordCount = article.WordCount,
            Author = article.Author,
            PublishedAt = article.PublishedAt,
            CanonicalUrl = article.CanonicalUrl,
            FirstSource = source.BlobName,
            IngestedAt = source.IngestedAt,
        };

        try
        {
            await table.SubmitTransactionAsync(
                [new TableTransactionAction(TableTransactionActionType.Add, entity), new TableTransactionAction(TableTransactionActionType.Add, SourceRow(article.Id, source))],
                cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            await AddSourceAsync(article.Id, source, cancellationToken);
            return false;
        }
    }

    public async Task AddSourceAsync(string articleId, ArticleSource source, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(SourceRow(articleId, source), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // This blob is already a known source (a retry or a re-run): keep its first ingestion time.
        }
    }

    public Task MarkHitsIndexedAsync(string articleId, CancellationToken cancellationToken) =>
        table.UpdateEntityAsync(
            new TableEntity(articleId, ArticleEntity.Row) { [nameof(ArticleEntity.HitsIndexed)] = true },
            ETag.All,
            TableUpdateMode.Merge,
            cancellationToken);

    /// <summary>Every stored article ingested at or after <paramref name="since"/> (all when null), for backfills.</summary>
    public async IAsyncEnumerable<StoredArticleDocument> ListAsync(DateTimeOffset? since, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = since is { } from
            ? TableClient.CreateQueryFilter($"RowKey eq {ArticleEntity.Row} and IngestedAt ge {from}")
            : TableClient.CreateQueryFilter($"RowKey eq {ArticleEntity.Row}");
        await foreach (var row in table.QueryAsync<ArticleEntity>(filter, select: [nameof(ArticleEntity.PartitionKey)], cancellationToken: cancellationToken))
        {
            if (await GetAsync(row.PartitionKey, cancellationToken) is { } article)
            {
                yield return article;
            }
        }
    }

    /// <summary>Reads a stored article back, with its body from the body blob when it is kept there.</summary>
    public async Task<StoredArticleDocument?> GetAsync(string articleId, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<ArticleEntity>(articleId, ArticleEntity.Row, cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value is not { } e)
        {
            return null;
        }

        var body = e.Body;
        if (e.BodyBlob is not null)
        {
            var content = await bodies.GetBlobClient(e.BodyBlob).DownloadContentAsync(cancellationToken);
            body = Encoding.UTF8.GetString(content.Value.Content);
        }

        var sources = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {articleId} and RowKey ge {ArticleSourceEntity.RowPrefix} and RowKey lt {"source}"}");
        await foreach (var source in table.QueryAsync<ArticleSourceEntity>(filter, cancellationToken: cancellationToken))
        {
            sources.Add(source.BlobName);
        }

        return new StoredArticleDocument(
            articleId,
            e.Title,
            e.Publisher,
            e.Standfirst,
            body ?? string.Empty,
            e.TeasersJson is null ? [] : JsonSerializer.Deserialize<List<string>>(e.TeasersJson) ?? [],
            e.WordCount,
            e.IngestedAt,
            e.HitsIndexed,
            sources)
        {
            Author = e.Author,
            PublishedAt = e.PublishedAt,
            CanonicalUrl = e.CanonicalUrl,
        };
    }

    private static ArticleSourceEntity SourceRow(string articleId, ArticleSource source) => new()
    {
        PartitionKey = articleId,
        RowKey = ArticleSourceEntity.RowPrefix + TableKey.Encode(source.BlobName),
        BlobName = source.BlobName,
        IngestedAt = source.IngestedAt,
    };
}

/// <summary>An article as stored, for readers (tests, tools) rather than for ingestion.</summary>
public sealed record StoredArticleDocument(
    string Id,
    string Title,
    string? Publisher,
    string? Standfirst,
    string Body,
    IReadOnlyList<string> Teasers,
    int WordCount,
    DateTimeOffset IngestedAt,
    bool HitsIndexed,
    IReadOnlyList<string> Sources)
{
    public string? Author { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    public string? CanonicalUrl { get; init; }
}
