using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Ingest.TestSupport;

/// <summary>
/// A real HTTP endpoint on 127.0.0.1 that records every request and answers with the status the
/// test sets, so webhooks can be taken down and brought back.
/// </summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task loop;

    public WebhookReceiver()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Url = new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/hooks/digests/");
        }

        listener.Prefixes.Add(Url.ToString());
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    /// <summary>Statuses to answer, in order; when used up, <see cref="ThenStatus"/>.</summary>
    public Queue<HttpStatusCode> Script { get; } = new();

    public HttpStatusCode ThenStatus { get; set; } = HttpStatusCode.OK;

    public List<ReceivedRequest> Requests { get; } = [];

    public IEnumerable<ReceivedRequest> Accepted => Requests.Where(r => (int)r.Answer is >= 200 and < 300);

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        try
        {
            loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with the listener.
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            HttpStatusCode answer;
            lock (Requests)
            {
                answer = Script.Count > 0 ? Script.Dequeue() : ThenStatus;
                Requests.Add(new ReceivedRequest(
                    body,
                    context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k] ?? string.Empty, StringComparer.OrdinalIgnoreCase),
                    answer));
            }

            context.Response.StatusCode = (int)answer;
            context.Response.Close();
        }
    }
}

public sealed record ReceivedRequest(string Body, IReadOnlyDictionary<string, string> Headers, HttpStatusCode Answer);
