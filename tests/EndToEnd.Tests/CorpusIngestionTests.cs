using Azure.Data.Tables;
using Ingest.Infrastructure.Storage;
using Ingest.TestSupport;

namespace Ingest.EndToEnd.Tests;

/// <summary>The whole BBC corpus through the running app: every file recorded, nothing quarantined.</summary>
[Collection(LocalHostCollectionDefinition.Name)]
public sealed class CorpusIngestionTests(LocalHostFixture app)
{
    [SharedFact]
    public async Task BbcCorpus_AllFilesDropped_AllIngestedWithNoQuarantine()
    {
        var files = RepositoryPaths.BbcArticles().ToList();
        Assert.Equal(2225, files.Count);
        var root = Path.Combine(RepositoryPaths.Shared!, "corpus", "bbc");
        var names = files.Select(f => "bbc/" + Path.GetRelativePath(root, f).Replace('\\', '/')).ToList();
        await Parallel.ForEachAsync(
            files.Zip(names),
            new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (pair, ct) => await app.Inbox.GetBlobClient(pair.Second).UploadAsync(pair.First, ct));

        var sources = app.Table(n => n.ArticlesTable);
        var filter = TableClient.CreateQueryFilter($"RowKey ge {ArticleSourceEntity.RowPrefix + "bbc!002F"} and RowKey lt {ArticleSourceEntity.RowPrefix + "bbc!002G"}");
        var recorded = await LocalHostFixture.EventuallyAsync(
            async () =>
            {
                var count = await sources.QueryAsync<ArticleSourceEntity>(filter, select: [nameof(ArticleSourceEntity.BlobName)]).CountAsync();
                return count >= files.Count ? (int?)count : null;
            },
            "all 2,225 BBC files to be recorded",
            seconds: 600);

        Assert.Equal(files.Count, recorded);
        var quarantined = await app.Table(n => n.QuarantineTable).QueryAsync<QuarantineEntity>().Where(q => q.BlobName.StartsWith("bbc/", StringComparison.Ordinal)).ToListAsync();
        Assert.Empty(quarantined);
    }
}
