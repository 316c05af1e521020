using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ingest.Domain.Ingestion;
using Ingest.Infrastructure.Storage;
using Ingest.TestSupport;

namespace Ingest.Functions.Tests;

/// <summary>
/// The names the app reads — binding expressions in functions.metadata, storage names, the connection
/// prefix — against what infra/ sets, so a name that drifts on either side fails here, not in Azure.
/// </summary>
public sealed partial class SettingsContractTests
{
    private static readonly string Infra = Path.Combine(RepositoryPaths.Root, "infra");
    private static readonly string MainBicep = File.ReadAllText(Path.Combine(Infra, "main.bicep"));
    private static readonly string ApiBicep = File.ReadAllText(Path.Combine(Infra, "app", "api.bicep"));

    [Fact]
    public void FunctionsMetadata_ListsTheTriggersWithTheirSettings()
    {
        var functions = Metadata().ToDictionary(f => f.Name, f => f);

        Assert.Equal(["DigestFeed", "EmitDigests", "IngestNewsBlob", "ReconcileInbox"], functions.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("feeds/digests/{watch?}", functions["DigestFeed"].Binding.GetProperty("route").GetString());
        Assert.Equal("%InboxContainer%/{name}", functions["IngestNewsBlob"].Binding.GetProperty("path").GetString());
        Assert.Equal("EventGrid", functions["IngestNewsBlob"].Binding.GetProperty("source").GetString());
        Assert.Equal("%DigestSchedule%", functions["EmitDigests"].Binding.GetProperty("schedule").GetString());
        Assert.Equal("%ReconcileSchedule%", functions["ReconcileInbox"].Binding.GetProperty("schedule").GetString());
    }

    [Fact]
    public void EverySettingABindingReads_IsSetByInfra()
    {
        var appSettings = AppSettings();
        var referenced = Metadata()
            .SelectMany(f => BindingExpression().Matches(f.Binding.GetRawText()).Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();

        Assert.NotEmpty(referenced);
        Assert.All(referenced, name => Assert.True(appSettings.ContainsKey(name), $"infra/main.bicep does not set {name}, which functions.metadata reads"));
    }

    [Fact]
    public void EveryStorageName_IsSetByInfraWithTheAppsDefault_AndCreated()
    {
        var appSettings = AppSettings();
        var defaults = new StorageNames();
        foreach (var property in typeof(StorageNames).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            Assert.True(appSettings.TryGetValue(property.Name, out var param), $"infra/main.bicep sets no app setting {property.Name}");
            var value = ParamDefault(param);
            Assert.Equal(property.GetValue(defaults), value);
            Assert.Matches($@"(?m)^\s+{param}\s*$", MainBicep); // listed for creation in the storage module
        }
    }

    [Fact]
    public void Connection_IsIdentityBasedUnderTheSettingTheAppReads()
    {
        foreach (var suffix in new[] { "blobServiceUri", "queueServiceUri", "tableServiceUri", "credential", "clientId" })
        {
            Assert.Contains($"{StorageNames.ConnectionSetting}__{suffix}:", ApiBicep, StringComparison.Ordinal);
        }

        Assert.DoesNotMatch("(?i)AccountKey|listKeys\\(storage", MainBicep + ApiBicep);
    }

    [Fact]
    public void ScheduleAndTimerDefaults_MatchTheLocalSettings()
    {
        var local = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "Functions", "local.settings.json"))).RootElement.GetProperty("Values");
        var appSettings = AppSettings();

        Assert.Equal("0 0 * * * *", ParamDefault(appSettings["DigestSchedule"]));
        Assert.Equal(local.GetProperty("DigestSchedule").GetString(), ParamDefault(appSettings["DigestSchedule"]));
        Assert.Equal(new StorageNames().InboxContainer, local.GetProperty("InboxContainer").GetString());
        Assert.True(local.TryGetProperty("ReconcileSchedule", out _));
        Assert.Equal(TimeSpan.FromMinutes(2), new ReconcileOptions().Grace);
    }

    /// <summary>The appSettings block in main.bicep: app setting name → the param that sets it.</summary>
    private static Dictionary<string, string> AppSettings()
    {
        var block = AppSettingsBlock().Match(MainBicep);
        Assert.True(block.Success, "infra/main.bicep has no appSettings block");
        return AppSettingLine().Matches(block.Groups[1].Value).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
    }

    private static string ParamDefault(string param)
    {
        var match = Regex.Match(MainBicep, $@"(?m)^param {Regex.Escape(param)} string = '([^']*)'");
        Assert.True(match.Success, $"infra/main.bicep has no string param {param} with a default");
        return match.Groups[1].Value;
    }

    private static IEnumerable<(string Name, JsonElement Binding)> Metadata()
    {
        var path = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src", "Functions", "bin"), "functions.metadata", SearchOption.AllDirectories)
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .FirstOrDefault() ?? throw new InvalidOperationException("src/Functions has not been built: no functions.metadata.");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray()
            .Select(f => (f.GetProperty("name").GetString()!, f.GetProperty("bindings")[0].Clone()))
            .ToList();
    }

    [GeneratedRegex("%([A-Za-z0-9_]+)%")]
    private static partial Regex BindingExpression();

    [GeneratedRegex(@"appSettings: \{([^}]*)\}", RegexOptions.Singleline)]
    private static partial Regex AppSettingsBlock();

    [GeneratedRegex(@"(?m)^\s*([A-Za-z0-9_]+): ([A-Za-z0-9_]+)\s*$")]
    private static partial Regex AppSettingLine();
}
