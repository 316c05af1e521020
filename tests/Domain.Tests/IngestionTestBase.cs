using System.Text;
using Ingest.Domain.Ingestion;
using Ingest.Domain.Parsing;
using Ingest.Domain.Watches;
using Microsoft.Extensions.Options;

namespace Ingest.Domain.Tests;

/// <summary>
/// <see cref="NewsIngestion"/> over in-memory stores, with the watches a test class names. The options
/// object is read on every drop, so a test may change a limit before ingesting.
/// </summary>
public abstract class IngestionTestBase : IDisposable
{
    private protected readonly ManualTimeProvider time = new();
    private protected readonly InMemoryArticleStore articles = new();
    private protected readonly InMemoryHitIndex hits = new();
    private protected readonly InMemoryQuarantine quarantine = new();
    private protected readonly InMemoryInboxLedger ledger = new();
    private protected readonly IngestionOptions options = new();
    private protected readonly WatchCatalog catalog;
    private protected readonly NewsIngestion ingestion;

    protected IngestionTestBase(params Watch[] watches)
    {
        catalog = new WatchCatalog(new InMemoryWatchStore(watches), time, Options.Create(new WatchOptions()));
        ingestion = new NewsIngestion(new NewsDocumentParser(), articles, hits, quarantine, ledger, catalog, time, Options.Create(options));
    }

    public void Dispose()
    {
        catalog.Dispose();
        GC.SuppressFinalize(this);
    }

    protected Task<IngestionOutcome> Ingest(string blobName, byte[] bytes) =>
        ingestion.IngestAsync(blobName, new MemoryStream(bytes), CancellationToken.None);

    protected Task<IngestionOutcome> Ingest(string blobName, string text) => Ingest(blobName, Encoding.UTF8.GetBytes(text));
}
