using System.CommandLine;
using Ingest.Domain.Digests;
using Ingest.Domain.Ingestion;
using Ingest.Domain.Matching;
using Ingest.Domain.Parsing;
using Ingest.Domain.Watches;
using Ingest.Infrastructure;
using Ingest.Infrastructure.Storage;
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
            QuarantineCommands(configuration, output),
        };
        // An expression may begin with '-' (a NOT: "-hamas sanctions") or '@' (a handle): neither bundles short options
        // ("-hamas" is not -h -a -m …) nor names a response file.
        var parsed = root.Parse(args, new ParserConfiguration { EnablePosixBundling = false, ResponseFileTokenReplacer = null });
        parsed.InvocationConfiguration.Output = output;
        parsed.InvocationConfiguration.Error = error;
        parsed.InvocationConfiguration.EnableDefaultExceptionHandler = false;
        try
        {
            return await parsed.InvokeAsync();
        }
        catch (Exception ex) when (ex is CliException or ArgumentException or FormatException or IOException or UnauthorizedAccessException)
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

        var expression = new Argument<string>("expression") { Description = "A watch expression, e.g. 'sanction* NEAR/5 russia -\"sanctions relief\"' (docs/watches.md)." };
        var name = new Option<string?>("--name") { Description = "Display name (default: the id)." };
        var cadence = new Option<string?>("--cadence") { Description = "as-it-happens (default), hourly, 'daily 08:00 Europe/London', 'weekly mon 08:00'…" };
        var minHits = new Option<int>("--min-hits") { Description = "Hits an article needs to count.", DefaultValueFactory = _ => 1 };
        var disabled = new Option<bool>("--disabled") { Description = "Add it switched off." };
        var replace = new Option<bool>("--replace") { Description = "Overwrite a watch with the same id." };
        var add = new Command("add", "Add a watch.") { id, expression, name, cadence, minHits, disabled, replace };
        add.SetAction(async (result, cancellationToken) =>
        {
            var watch = new WatchSeed
            {
                Id = result.GetValue(id),
                Name = result.GetValue(name) ?? result.GetValue(id)!,
                Expression = result.GetValue(expression),
                Cadence = result.GetValue(cadence),
                MinimumHits = result.GetValue(minHits),
                Enabled = !result.GetValue(disabled),
            }.ToWatch();
            await using var services = Services(configuration);
            var store = services.GetRequiredService<IWatchStore>();
            if (result.GetValue(replace))
            {
                await store.UpsertAsync(watch, cancellationToken);
            }
            else if (!await store.AddIfMissingAsync(watch, cancellationToken))
            {
                throw new CliException($"Watch '{watch.Id}' exists; use --replace to overwrite it.");
            }

            await output.WriteLineAsync($"Watch '{watch.Id}' saved: {watch.Expression} ({watch.Cadence}). Hosts pick it up within Watches:RefreshInterval; `ingest watch backfill {watch.Id}` runs it over stored articles.");
            return 0;
        });

        var remove = new Command("remove", "Remove a watch. Its delivered digests stay in the archive.") { id };
        remove.SetAction(async (result, cancellationToken) =>
        {
            await using var services = Services(configuration);
            if (!await services.GetRequiredService<IWatchStore>().RemoveAsync(result.GetValue(id)!, cancellationToken))
            {
                throw new CliException($"No watch '{result.GetValue(id)}'.");
            }

            await output.WriteLineAsync($"Watch '{result.GetValue(id)}' removed.");
            return 0;
        });

        var files = new Argument<FileInfo[]>("files") { Description = "News files to match, as the inbox would receive them.", Arity = ArgumentArity.OneOrMore };
        var test = new Command("test", "Match an expression against files, offline, and explain every hit.") { expression, files };
        test.SetAction(async (result, cancellationToken) =>
        {
            var watch = new WatchSeed { Id = "test", Name = "test", Expression = result.GetValue(expression) }.ToWatch();
            var matcher = KeywordMatcher.Compile([watch]);
            var any = false;
            foreach (var file in result.GetValue(files)!)
            {
                var document = new NewsDocumentParser().Parse(await File.ReadAllBytesAsync(file.FullName, cancellationToken), new IngestionOptions().ToParseLimits());
                if (document.Error is not null)
                {
                    await output.WriteLineAsync($"{file.Name}: not readable news: {document.Error}");
                    continue;
                }

                foreach (var item in document.Items)
                {
                    var label = document.IsMultiItem ? $"{file.Name}#{item.Number}" : file.Name;
                    if (item.Article is not { } article)
                    {
                        await output.WriteLineAsync($"{label}: not readable news: {item.Error}");
                        continue;
                    }

                    var matches = matcher.Match(article);
                    var match = matches.Count > 0 ? matches[0] : null;
                    await output.WriteLineAsync($"{label}: {(match is null ? "no match" : $"MATCH, {match.Hits.Count} hit(s)")} — {article.Title}");
                    foreach (var hit in match?.Hits ?? [])
                    {
                        any = true;
                        var s = hit.Snippet;
                        await output.WriteLineAsync($"  {hit.Field.ToString().ToLowerInvariant()} @{hit.Offset} [{hit.Keyword}]: {s[..hit.SnippetMatchStart]}»{s.Substring(hit.SnippetMatchStart, hit.SnippetMatchLength)}«{s[(hit.SnippetMatchStart + hit.SnippetMatchLength)..]}");
                    }
                }
            }

            return any ? 0 : 3;
        });

        var since = new Option<DateTimeOffset?>("--since") { Description = "Only articles ingested at or after this time (ISO 8601)." };
        var backfill = new Command("backfill", "Run a watch over stored articles, adding each hit exactly once; the next digest carries them.") { id, since };
        backfill.SetAction(async (result, cancellationToken) =>
        {
            await using var services = Services(configuration);
            var watch = await FindAsync(services, result.GetValue(id)!, cancellationToken);
            var summary = await services.GetRequiredService<WatchBackfill>().RunAsync(watch, result.GetValue(since), cancellationToken);
            await output.WriteLineAsync($"Backfill of '{watch.Id}': {summary.Scanned} article(s) scanned, {summary.Matched} matched; hits already indexed were left as they were.");
            return 0;
        });

        return new Command("watch", "Watches: the topics digests are sent for.") { add, list, show, remove, test, backfill };
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

    private static Command QuarantineCommands(IConfiguration configuration, TextWriter output)
    {
        var list = new Command("list", "List quarantined drops and why.");
        list.SetAction(async (_, cancellationToken) =>
        {
            await using var services = Services(configuration);
            foreach (var row in (await services.GetRequiredService<BlobQuarantine>().ListAsync(cancellationToken)).OrderBy(r => r.FailedAt))
            {
                await output.WriteLineAsync($"{row.FailedAt:yyyy-MM-dd HH:mm:ss}\t{row.BlobName}\t{row.Reason}");
            }

            return 0;
        });

        var blob = new Argument<string?>("blob") { Description = "The drop's blob name; omit with --all.", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Replay every quarantined drop." };
        var replay = new Command("replay", "Re-ingest quarantined drops after a fix; those that still fail stay quarantined with their current reason.") { blob, all };
        replay.SetAction(async (result, cancellationToken) =>
        {
            var name = result.GetValue(blob);
            if ((name is null) != result.GetValue(all))
            {
                throw new CliException("Give a blob name, or --all.");
            }

            await using var services = Services(configuration);
            var replayed = await services.GetRequiredService<QuarantineReplay>().ReplayAsync(name, cancellationToken);
            foreach (var (blobName, outcome) in replayed)
            {
                await output.WriteLineAsync($"{blobName}: {outcome}");
            }

            await output.WriteLineAsync($"{replayed.Count} drop(s) replayed; {replayed.Count(r => r.Outcome.QuarantinedCount > 0)} still (partly) quarantined.");
            return 0;
        });

        return new Command("quarantine", "Drops that could not be ingested.") { list, replay };
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
