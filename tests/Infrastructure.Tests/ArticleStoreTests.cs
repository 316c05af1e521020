using Ingest.Domain.Ingestion;
using Ingest.Domain.Parsing;
using Ingest.Infrastructure.Storage;
using Ingest.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Ingest.Infrastructure.Tests;

[Collection(AzuriteCollectionDefinition.Name)]
public sealed class ArticleStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private ServiceProvider services = null!;

    public async Task InitializeAsync() => services = await IngestServices.CreateAsync(azurite, AzuriteFixture.UniqueNames("art"));

    public async Task DisposeAsync() => await services.DisposeAsync();

    private TableArticleStore Store => services.GetRequiredService<TableArticleStore>();

    [Fact]
    public async Task TryCreate_NewArticle_IsStoredWithItsFields()
    {
        var article = new PlainTextNewsParser().Parse(new NewsDropBuilder().Build()).Article!;

        Assert.True(await Store.TryCreateAsync(article, new ArticleSource("a.txt", DateTimeOffset.UtcNow), default));
        var stored = await Store.GetAsync(article.Id, default);

        Assert.NotNull(stored);
        Assert.Equal(article.Title, stored.Title);
        Assert.Equal("Coastal Courier", stored.Publisher);
        Assert.Equal(article.Standfirst, stored.Standfirst);
        Assert.Equal(article.Body, stored.Body);
        Assert.False(stored.HitsIndexed);
        Assert.Equal(["a.txt"], stored.Sources);
    }

    [Fact]
    public async Task TryCreate_SameArticleAgain_ReturnsFalseAndRecordsTheNewSource()
    {
        var article = new PlainTextNewsParser().Parse(new NewsDropBuilder().WithHeadline("Second ferry vote").Build()).Article!;
        await Store.TryCreateAsync(article, new ArticleSource("first.txt", DateTimeOffset.UtcNow), default);

        Assert.False(await Store.TryCreateAsync(article, new ArticleSource("second #copy?.txt", DateTimeOffset.UtcNow), default));
        await Store.AddSourceAsync(article.Id, new ArticleSource("second #copy?.txt", DateTimeOffset.UtcNow), default);

        var stored = await Store.GetAsync(article.Id, default);
        Assert.Equal(["first.txt", "second #copy?.txt"], stored!.Sources.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TryCreate_BodyLargerThanATableProperty_GoesToABlobAndReadsBackWhole()
    {
        var builder = new NewsDropBuilder().WithHeadline("A very long report");
        for (var i = 0; i < 2000; i++)
        {
            builder.WithParagraph($"Paragraph {i} of the long report, with enough words to make the body large.");
        }

        var article = new PlainTextNewsParser().Parse(builder.Build()).Article!;
        Assert.True(article.Body.Length > TableArticleStore.MaxInlineBodyChars * 4);

        await Store.TryCreateAsync(article, new ArticleSource("long.txt", DateTimeOffset.UtcNow), default);
        var stored = await Store.GetAsync(article.Id, default);

        Assert.Equal(article.Body, stored!.Body);
    }

    [Fact]
    public async Task MarkHitsIndexed_SetsTheFlag()
    {
        var article = new PlainTextNewsParser().Parse(new NewsDropBuilder().WithHeadline("Indexed ferry").Build()).Article!;
        await Store.TryCreateAsync(article, new ArticleSource("i.txt", DateTimeOffset.UtcNow), default);

        await Store.MarkHitsIndexedAsync(article.Id, default);

        Assert.True((await Store.FindAsync(article.Id, default))!.HitsIndexed);
    }

    [Fact]
    public async Task TryCreate_ArticleWithMetadata_KeepsAuthorPublishedTimeAndUrl()
    {
        var published = new DateTimeOffset(2025, 3, 3, 8, 30, 0, TimeSpan.FromHours(1));
        var article = new PlainTextNewsParser().Parse(new NewsDropBuilder().WithHeadline("Ferry timetable with a byline").Build()).Article! with
        {
            Author = "Morag Dunn",
            PublishedAt = published,
            CanonicalUrl = "https://news.example/ferry?id=1&x=2",
        };

        await Store.TryCreateAsync(article, new ArticleSource("meta.html", DateTimeOffset.UtcNow), default);
        var stored = await Store.GetAsync(article.Id, default);

        Assert.Equal(("Morag Dunn", (DateTimeOffset?)published, "https://news.example/ferry?id=1&x=2"), (stored!.Author, stored.PublishedAt, stored.CanonicalUrl));
    }
}
