using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Ingest.Infrastructure.Tests;

public sealed class ConfigurationTests
{
    [Theory]
    [InlineData("InboxContainer", "Not_A_Container")]
    [InlineData("Ingestion:MaxBlobBytes", "12")]
    [InlineData("Watches:Seed:0:Name", "No keywords")]
    [InlineData("Watches:Seed:0:Expression", "(sanctions OR tariffs")]
    public async Task Start_WithABadSetting_FailsNamingTheSetting(string setting, string value)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["AzureWebJobsStorage"] = "UseDevelopmentStorage=true";
        builder.Configuration[setting] = value;
        builder.AddIngest();
        builder.Services.RemoveAll<IHostedService>();
        builder.Services.AddHostedService<NothingToStart>();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(setting.Split(':')[0] is "Watches" ? "Watches:Seed" : setting.Split(':')[^1], string.Join(" ", error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithAnInvalidSeedExpression_SaysWhereItFails()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["AzureWebJobsStorage"] = "UseDevelopmentStorage=true";
        builder.Configuration["Watches:Seed:0:Name"] = "Trade";
        builder.Configuration["Watches:Seed:0:Expression"] = "(sanctions OR tariffs";
        builder.AddIngest();
        builder.Services.RemoveAll<IHostedService>();
        builder.Services.AddHostedService<NothingToStart>();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Expected ')' at position 22", string.Join(" ", error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void Storage_WithNoConnectionSetting_ExplainsWhatToSet()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();

        var error = Assert.Throws<InvalidOperationException>(() => Storage.StorageAccount.FromConfiguration(configuration));

        Assert.Contains("AzureWebJobsStorage", error.Message, StringComparison.Ordinal);
    }

    private sealed class NothingToStart : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
