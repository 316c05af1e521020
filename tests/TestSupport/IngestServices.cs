using Ingest.Infrastructure;
using Ingest.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ingest.TestSupport;

/// <summary>The app's real service graph (<c>AddIngest</c>) on Azurite, with storage names of the test's own.</summary>
public static class IngestServices
{
    public static async Task<ServiceProvider> CreateAsync(AzuriteFixture azurite, StorageNames names, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var values = AzuriteFixture.AsSettings(names);
        values["AzureWebJobsStorage"] = azurite.ConnectionString;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddIngest(configuration);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(validateScopes: true);
        await provider.GetRequiredService<StorageProvisioner>().EnsureCreatedAsync(CancellationToken.None);
        return provider;
    }
}
