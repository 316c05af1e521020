using Ingest.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ingest.Cli.Tests;

/// <summary>The app's services and the CLI's settings on one Azurite, with storage names of the test's own.</summary>
public abstract class CliHarness(AzuriteFixture azurite, string prefix) : IAsyncLifetime
{
    private IConfiguration configuration = null!;

    protected ServiceProvider Services { get; private set; } = null!;

    protected AzuriteFixture Azurite => azurite;

    protected Infrastructure.Storage.StorageNames Names { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var names = Names = AzuriteFixture.UniqueNames(prefix);
        Services = await IngestServices.CreateAsync(azurite, names);
        var settings = AzuriteFixture.AsSettings(names);
        settings["AzureWebJobsStorage"] = azurite.ConnectionString;
        configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        await ArrangeAsync();
    }

    public async Task DisposeAsync() => await Services.DisposeAsync();

    protected virtual Task ArrangeAsync() => Task.CompletedTask;

    protected async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await IngestCli.RunAsync(args, output, error, configuration);
        return (code, output.ToString(), error.ToString());
    }
}
