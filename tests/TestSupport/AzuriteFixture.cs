using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Ingest.Infrastructure.Storage;
using Xunit;

namespace Ingest.TestSupport;

/// <summary>
/// A real Azurite for a test collection. Uses the instance <c>scripts/test.sh</c> started
/// (<c>INGEST_TEST_STORAGE</c>), or starts a private in-memory one from <c>node_modules</c> on free ports.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string EnvironmentVariable = "INGEST_TEST_STORAGE";
    private const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private Process? azurite;

    public string ConnectionString { get; private set; } = string.Empty;

    public StorageAccount Account => StorageAccount.FromConnectionString(ConnectionString);

    public async Task InitializeAsync()
    {
        var given = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            ConnectionString = given;
            return;
        }

        var bin = Path.Combine(RepositoryPaths.Root, "node_modules", ".bin", "azurite");
        if (!File.Exists(bin))
        {
            throw new InvalidOperationException($"Azurite is not installed. Run ./scripts/test.sh (it installs and starts Azurite), or `npm ci` first. Looked for {bin}.");
        }

        int[] ports = [FreePort(), FreePort(), FreePort()];
        var start = new ProcessStartInfo(bin)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--skipApiVersionCheck", "--loose", "--silent", "--inMemoryPersistence",
                     "--blobPort", $"{ports[0]}", "--queuePort", $"{ports[1]}", "--tablePort", $"{ports[2]}" })
        {
            start.ArgumentList.Add(arg);
        }

        azurite = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        azurite.OutputDataReceived += (_, _) => { };
        azurite.ErrorDataReceived += (_, _) => { };
        azurite.BeginOutputReadLine();
        azurite.BeginErrorReadLine();
        await WaitForPortsAsync(ports);
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevKey};"
            + $"BlobEndpoint=http://127.0.0.1:{ports[0]}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{ports[1]}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{ports[2]}/devstoreaccount1;";
    }

    public Task DisposeAsync()
    {
        if (azurite is { HasExited: false })
        {
            azurite.Kill(entireProcessTree: true);
        }

        azurite?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Storage names no other test class uses, so classes never see each other's data.</summary>
    public static StorageNames UniqueNames(string prefix)
    {
        var tag = prefix.ToLowerInvariant() + Guid.NewGuid().ToString("n")[..8];
        return new StorageNames
        {
            InboxContainer = $"{tag}-inbox",
            ArchiveContainer = $"{tag}-archive",
            QuarantineContainer = $"{tag}-quarantine",
            BodyContainer = $"{tag}-bodies",
            DigestQueue = $"{tag}-digests",
            ArticlesTable = $"{tag}articles",
            HitsTable = $"{tag}hits",
            WatchesTable = $"{tag}watches",
            DigestStateTable = $"{tag}digeststate",
            QuarantineTable = $"{tag}quarantine",
            LedgerTable = $"{tag}ledger",
        };
    }

    /// <summary>The names as settings, for hosts built from configuration.</summary>
    public static Dictionary<string, string?> AsSettings(StorageNames names) => typeof(StorageNames)
        .GetProperties()
        .ToDictionary(p => p.Name, p => (string?)p.GetValue(names));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitForPortsAsync(int[] ports)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        foreach (var port in ports)
        {
            while (true)
            {
                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port);
                    break;
                }
                catch (SocketException) when (DateTime.UtcNow < deadline && azurite is { HasExited: false })
                {
                    await Task.Delay(200);
                }
            }
        }
    }
}
