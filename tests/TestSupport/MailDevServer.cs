using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Serialization;
using Xunit;

namespace Ingest.TestSupport;

/// <summary>A real SMTP server for email tests: maildev, installed by scripts/test.sh into .local/tools.</summary>
public sealed class MailDevServer : IAsyncLifetime
{
    private Process? process;
    private readonly HttpClient http = new();

    public int SmtpPort { get; private set; }

    public int WebPort { get; private set; }

    public async Task InitializeAsync()
    {
        var script = Path.Combine(RepositoryPaths.Root, ".local", "tools", "node_modules", "maildev", "dist", "bin", "maildev.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"maildev is not installed. Run ./scripts/test.sh, which installs it into .local/tools. Looked for {script}.");
        }

        SmtpPort = FreePort();
        WebPort = FreePort();
        var start = new ProcessStartInfo("node") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { script, "--smtp", $"{SmtpPort}", "--web", $"{WebPort}", "--ip", "127.0.0.1", "--silent" })
        {
            start.ArgumentList.Add(arg);
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("maildev did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                await http.GetAsync(new Uri($"http://127.0.0.1:{WebPort}/api/email"));
                return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(200);
            }
        }
    }

    public async Task<List<ReceivedEmail>> EmailsAsync() =>
        await http.GetFromJsonAsync<List<ReceivedEmail>>(new Uri($"http://127.0.0.1:{WebPort}/api/email")) ?? [];

    public Task DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
        }

        process?.Dispose();
        http.Dispose();
        return Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed record ReceivedEmail(
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("html")] string? Html,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("headers")] Dictionary<string, System.Text.Json.JsonElement> Headers,
    [property: JsonPropertyName("to")] List<ReceivedAddress> To)
{
    public string? MessageId => Headers.TryGetValue("message-id", out var id) ? id.ToString() : null;
}

public sealed record ReceivedAddress([property: JsonPropertyName("address")] string Address);
