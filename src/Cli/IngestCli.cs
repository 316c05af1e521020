using System.CommandLine;
using Ingest.Domain.Digests;
using Ingest.Domain.Ingestion;
using Ingest.Domain.Watches;
using Ingest.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ingest.Cli;

/// <summary>
/// <c>ingest</c>: reads the same settings as the hosts (environment variables such as
/// <c>AzureWebJobsStorage</c>; Azurite's development storage when unset) and works on the same tables.
/// </summary>
public static class IngestCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IConfiguration? configuration = null)
    {
        configuration ??= new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" })
            .AddEnvironmentVariables()
            .Build();

        var root = new RootCommand("Ingest: manage watches and preview digests.")
        {
            WatchCommands(configuration, output),
            DigestCommands(configuration, output),
        };
        var parsed = root.Parse(args);
        parsed.InvocationConfiguration.Output = output;
        parsed.InvocationConfiguration.Error = error;
        parsed.InvocationConfiguration.EnableDefaultExceptionHandler = false;
        try
        {
            return await parsed.InvokeAsync();
        }
        catch (CliException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return 1;
        }
    }

    private static Command WatchCommands(IConfiguration configuration, TextWriter output)
    {
        var list = new Command("list", "List watches.");
        list.SetAction(async (_, cancellationToken) =>
        {
            await using var services = Services(configuration);
            foreach (var watch in (await services.GetRequiredService<IWatchStore>().ListAsync(cancellationToken)).OrderBy(w => w.Id, StringComparer.Ordinal))
            {
                await output.WriteLineAsync($"{watch.Id}\t{(watch.Enabled ? "enabled" : "disabled")}\t{watch.Cadence}\t{watch.Expression}");
            }

            return 0;
        });

        var id = new Argument<string>("id") { Description = "The watch id." };
        var show = new Command("show", "Show one watch.") { id };
        show.SetAction(async (result, cancellationToken) =>
        {
            await using var services = Services(configuration);
            var watch = await FindAsync(services, result.GetValue(id)!, cancellationToken);
            await output.WriteLineAsync($"id:        {watch.Id}\nname:      {watch.Name}\nenabled:   {watch.Enabled}\ncadence:   {watch.Cadence}\nexpression: {watch.Expression}\nmin hits:  {watch.MinimumHits}");
            return 0;
        });

        return new Command("watch", "Watches: the topics digests are sent for.") { list, show };
    }

    private static Command DigestCommands(IConfiguration configuration, TextWriter output)
    {
        var watchArgument = new Argument<string>("watch") { Description = "The watch id." };
        var format = new Option<string>("--format") { Description = "markdown (default), text or json.", DefaultValueFactory = _ => "markdown" };
        format.AcceptOnlyFromAmong("markdown", "text", "json");
        var preview = new Command("preview", "Show what the watch's next digest would contain, without sending it or claiming its hits.") { watchArgument, format };
        preview.SetAction(async (result, cancellationToken) =>
        {
            await using var services = Services(configuration);
            var watch = await FindAsync(services, result.GetValue(watchArgument)!, cancellationToken);
            var max = services.GetRequiredService<IOptions<DigestOptions>>().Value.MaxItems;
            var pending = await services.GetRequiredService<IHitIndex>().ListPendingAsync(watch.Id, max, cancellationToken);
            if (pending.Count == 0)
            {
                await output.WriteLineAsync($"No new hits for watch '{watch.Id}': the next digest would not be sent.");
                return 0;
            }

            var digest = DigestComposer.Compose("preview", watch, TimeProvider.System.GetUtcNow(), pending);
            await output.WriteLineAsync(result.GetValue(format) switch
            {
                "json" => DigestJson.Serialize(digest),
                "text" => DigestText.Render(digest),
                _ => DigestMarkdown.Render(digest),
            });
            return 0;
        });

        return new Command("digest", "Digests.") { preview };
    }

    private static async Task<Watch> FindAsync(ServiceProvider services, string id, CancellationToken cancellationToken) =>
        (await services.GetRequiredService<IWatchStore>().ListAsync(cancellationToken)).FirstOrDefault(w => w.Id == id)
        ?? throw new CliException($"No watch '{id}'. `ingest watch list` shows the watches.");

    private static ServiceProvider Services(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddIngest(configuration);
        return services.BuildServiceProvider();
    }

    private sealed class CliException(string message) : Exception(message);
}
