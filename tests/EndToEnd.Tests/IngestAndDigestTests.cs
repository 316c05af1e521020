using System.Text.Json;
using Azure.Data.Tables;
using Ingest.Domain.Digests;
using Ingest.Domain.Parsing;
using Ingest.Infrastructure.Channels;
using Ingest.Infrastructure.Storage;
using Ingest.TestSupport;

namespace Ingest.EndToEnd.Tests;

/// <summary>Drop a file into the inbox of a running LocalHost; the record, the digest and the queue message follow.</summary>
[Collection(LocalHostCollectionDefinition.Name)]
public sealed class IngestAndDigestTests(LocalHostFixture app)
{
    [SharedFact]
    public async Task ReferenceSeed_Dropped_IsRecordedAndDigestedUnderSanctionsOnce()
    {
        var bytes = await File.ReadAllBytesAsync(RepositoryPaths.ReferenceSeed);
        await app.Inbox.GetBlobClient("reference/000 seed.txt").UploadAsync(new BinaryData(bytes));
        var expectedId = new PlainTextNewsParser().Parse(System.Text.Encoding.UTF8.GetString(bytes)).Article!.Id;

        var article = await WaitForArticleAsync(expectedId);

        Assert.Equal("Ukraine crisis: Blinken cancels meeting with Russia’s Lavrov", article.Title);
        Assert.Equal("Al Jazeera English", article.Publisher);
        Assert.StartsWith("US secretary of state says his country is still committed to diplomacy", article.Standfirst, StringComparison.Ordinal);
        Assert.DoesNotContain("Leave a Reply", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Follow Al Jazeera English", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Your email address", article.Body, StringComparison.Ordinal);

        var digest = await WaitForDigestAsync("sanctions", expectedId);
        Assert.Contains(digest.Items, i => i.ArticleId == expectedId && i.Title == article.Title);

        await AssertSecondDropAddsNothingAsync(bytes, expectedId, "reference/copy of seed #2.txt");
    }

    [Fact]
    public async Task ProjectSeed_Dropped_IsRecordedDigestedAndNotDuplicatedWhenDroppedAgain()
    {
        var path = Path.Combine(RepositoryPaths.Root, "seeds", "sample-sanctions.txt");
        var bytes = await File.ReadAllBytesAsync(path);
        await app.Inbox.GetBlobClient("sample-sanctions.txt").UploadAsync(new BinaryData(bytes));
        var expectedId = new PlainTextNewsParser().Parse(System.Text.Encoding.UTF8.GetString(bytes)).Article!.Id;

        var article = await WaitForArticleAsync(expectedId);
        Assert.Equal("Harbour Gazette", article.Publisher);
        Assert.DoesNotContain("Leave a Reply", article.Body, StringComparison.Ordinal);

        var digest = await WaitForDigestAsync("sanctions", expectedId);
        Assert.Equal("sanctions", digest.WatchId);

        await AssertSecondDropAddsNothingAsync(bytes, expectedId, "again/sample sanctions (copy).txt");

        using var http = new HttpClient();
        foreach (var feedPath in new[] { "api/feeds/digests", "api/feeds/digests/sanctions" })
        {
            using var response = await http.GetAsync(new Uri(app.FeedBase, feedPath));
            Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
            using var reader = System.Xml.XmlReader.Create(await response.Content.ReadAsStreamAsync());
            var feed = System.ServiceModel.Syndication.SyndicationFeed.Load(reader);
            var entry = Assert.Single(feed.Items, i => i.Id.EndsWith(":" + digest.Id, StringComparison.Ordinal));
            Assert.Contains(article.Title, ((System.ServiceModel.Syndication.TextSyndicationContent)entry.Content).Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task BinaryFile_Dropped_IsQuarantinedAndTheHostKeepsIngesting()
    {
        var junk = new byte[20_000];
        new Random(42).NextBytes(junk);
        await app.Inbox.GetBlobClient("junk/photo.jpg").UploadAsync(new BinaryData(junk));

        var row = await LocalHostFixture.EventuallyAsync(
            async () => await app.Table(n => n.QuarantineTable).QueryAsync<QuarantineEntity>().FirstOrDefaultAsync(r => r.BlobName == "junk/photo.jpg"),
            "the quarantine row for junk/photo.jpg");
        Assert.Contains("binary", row.Reason, StringComparison.Ordinal);

        var text = new NewsDropBuilder().WithHeadline("After the junk, a ferry story", "Harbour Gazette").Build();
        await app.Inbox.GetBlobClient("after-junk.txt").UploadAsync(BinaryData.FromString(text));
        var id = new PlainTextNewsParser().Parse(text).Article!.Id;
        Assert.Equal("After the junk, a ferry story", (await WaitForArticleAsync(id)).Title);
    }

    [Theory]
    [InlineData("names/with spaces and ünïcödé – 東京.txt")]
    [InlineData("names/hash # and question ? marks.txt")]
    [InlineData("names/back\\slash.txt")]
    [InlineData("long")]
    public async Task AwkwardBlobName_Dropped_IsRecordedUnderItsName(string blobName)
    {
        if (blobName == "long")
        {
            blobName = "names/" + string.Concat(Enumerable.Repeat("a-very-long-folder-name/", 42)) + "end.txt";
            Assert.True(blobName.Length > 1000);
        }

        var text = new NewsDropBuilder().WithHeadline($"Ferry story filed as {blobName.GetHashCode(StringComparison.Ordinal)}", "Harbour Gazette").Build();
        await app.Inbox.GetBlobClient(blobName).UploadAsync(BinaryData.FromString(text));
        var id = new PlainTextNewsParser().Parse(text).Article!.Id;

        var article = await WaitForArticleAsync(id);

        // Blob storage stores a backslash in a name as a forward slash.
        Assert.Contains(blobName.Replace('\\', '/'), article.Sources);
    }

    private async Task AssertSecondDropAddsNothingAsync(byte[] bytes, string articleId, string otherName)
    {
        var store = app.Get<TableArticleStore>();
        await app.Inbox.GetBlobClient(otherName).UploadAsync(new BinaryData(bytes));
        await LocalHostFixture.EventuallyAsync(
            async () => (await store.GetAsync(articleId, default))!.Sources.Contains(otherName) ? (bool?)true : null,
            $"{otherName} recorded as a second source");

        // Let several digest ticks pass: the article must not appear in any other digest.
        await Task.Delay(TimeSpan.FromSeconds(5));
        var digestsWithIt = await DigestsContainingAsync(articleId);
        Assert.Single(digestsWithIt);
        var articleRows = await app.Table(n => n.ArticlesTable)
            .QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {articleId} and RowKey eq {ArticleEntity.Row}"))
            .CountAsync();
        Assert.Equal(1, articleRows);
        var queued = await QueueMessagesAsync();
        Assert.Single(queued, m => m.Items.Any(i => i.ArticleId == articleId));
    }

    private async Task<StoredArticleDocument> WaitForArticleAsync(string articleId) =>
        await LocalHostFixture.EventuallyAsync(
            async () => await app.Get<TableArticleStore>().GetAsync(articleId, default) is { HitsIndexed: true } a ? a : null,
            $"article {articleId}");

    private async Task<Digest> WaitForDigestAsync(string watchId, string articleId) =>
        (await LocalHostFixture.EventuallyAsync(
            async () => (await DigestsContainingAsync(articleId)).FirstOrDefault(d => d.WatchId == watchId),
            $"a {watchId} digest with article {articleId}")) is var document
            ? new Digest(document.Id, document.WatchId, document.WatchName, document.CreatedAt, document.Items)
            : throw new InvalidOperationException();

    private async Task<List<DigestJson.DigestDocument>> DigestsContainingAsync(string articleId)
    {
        var found = new List<DigestJson.DigestDocument>();
        await foreach (var blob in app.Archive.GetBlobsAsync())
        {
            if (!blob.Name.EndsWith(".json", StringComparison.Ordinal))
            {
                continue;
            }

            var content = await app.Archive.GetBlobClient(blob.Name).DownloadContentAsync();
            var digest = DigestJson.Deserialize(content.Value.Content.ToString());
            if (digest.Items.Any(i => i.ArticleId == articleId))
            {
                found.Add(digest);
            }
        }

        return found;
    }

    private async Task<List<DigestNotification>> QueueMessagesAsync()
    {
        var queue = app.Account.Queues.GetQueueClient(app.Names.DigestQueue);
        var messages = await queue.PeekMessagesAsync(32);
        return messages.Value.Select(m => JsonSerializer.Deserialize<DigestNotification>(m.Body.ToString(), DigestJson.Options)!).ToList();
    }
}
