using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace Ingest.Infrastructure.Storage;

/// <summary>
/// The three storage service clients, made once from the <c>AzureWebJobsStorage</c> setting the
/// Functions host also uses: a connection string (Azurite, or an account that allows keys), or
/// <c>AzureWebJobsStorage__blobServiceUri</c>/<c>__queueServiceUri</c>/<c>__tableServiceUri</c>
/// with a managed identity (<c>__credential</c>, <c>__clientId</c>) in Azure.
/// </summary>
public sealed record StorageAccount(BlobServiceClient Blobs, QueueServiceClient Queues, TableServiceClient Tables)
{
    public static StorageAccount FromConfiguration(IConfiguration configuration)
    {
        var connectionString = configuration[StorageNames.ConnectionSetting];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return FromConnectionString(connectionString);
        }

        var section = configuration.GetSection(StorageNames.ConnectionSetting);
        var blob = section["blobServiceUri"];
        var queue = section["queueServiceUri"];
        var table = section["tableServiceUri"];
        if (string.IsNullOrWhiteSpace(blob) || string.IsNullOrWhiteSpace(queue) || string.IsNullOrWhiteSpace(table))
        {
            throw new InvalidOperationException(
                $"Storage is not configured. Set '{StorageNames.ConnectionSetting}' to a connection string (for Azurite: UseDevelopmentStorage=true), "
                + $"or set '{StorageNames.ConnectionSetting}__blobServiceUri', '__queueServiceUri' and '__tableServiceUri' for a managed identity.");
        }

        var credential = CreateCredential(section["credential"], section["clientId"]);
        return new StorageAccount(
            new BlobServiceClient(new Uri(blob), credential),
            new QueueServiceClient(new Uri(queue), credential, QueueOptions()),
            new TableServiceClient(new Uri(table), credential));
    }

    public static StorageAccount FromConnectionString(string connectionString) => new(
        new BlobServiceClient(connectionString),
        new QueueServiceClient(connectionString, QueueOptions()),
        new TableServiceClient(connectionString));

    /// <summary>Base64 messages, as Functions queue triggers expect by default.</summary>
    private static QueueClientOptions QueueOptions() => new() { MessageEncoding = QueueMessageEncoding.Base64 };

    private static TokenCredential CreateCredential(string? credential, string? clientId) =>
        string.Equals(credential, "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(string.IsNullOrWhiteSpace(clientId) ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = string.IsNullOrWhiteSpace(clientId) ? null : clientId });
}
