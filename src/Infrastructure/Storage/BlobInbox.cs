using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Ingest.Domain.Ingestion;

namespace Ingest.Infrastructure.Storage;

public sealed class BlobInbox(BlobContainerClient inbox) : IInbox
{
    public async IAsyncEnumerable<InboxBlob> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var blob in inbox.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            yield return new InboxBlob(blob.Name, blob.Properties.LastModified ?? DateTimeOffset.MinValue);
        }
    }

    public async Task<Stream?> OpenReadAsync(string blobName, CancellationToken cancellationToken)
    {
        try
        {
            return await inbox.GetBlobClient(blobName).OpenReadAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
