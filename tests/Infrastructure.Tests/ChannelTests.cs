using System.Net;
using System.Text;
using System.Text.Json;
using Ingest.Domain.Digests;
using Ingest.Domain.Ingestion;
using Ingest.Domain.Watches;
using Ingest.Infrastructure.Channels;
using Ingest.Infrastructure.Storage;
using Ingest.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Ingest.Infrastructure.Tests;

/// <summary>Webhook, Slack, Teams and email channels against a real HTTP listener, a real SMTP server and Azurite.</summary>
[Collection(AzuriteCollectionDefinition.Name)]
public sealed class ChannelTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Secret = "test-signing-secret";
    private readonly WebhookReceiver webhook = new();
    private readonly WebhookReceiver slack = new();
    private readonly MailDevServer mail = new();
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        await mail.InitializeAsync();
        services = await IngestServices.CreateAsync(azurite, AzuriteFixture.UniqueNames("chn"), new Dictionary<string, string?>
        {
            ["Channels:WebhookRetries"] = "2",
            ["Channels:WebhookRetryDelay"] = "00:00:00.050",
            ["Channels:Webhooks:0:Name"] = "ops",
            ["Channels:Webhooks:0:Url"] = webhook.Url.ToString(),
            ["Channels:Webhooks:0:Secret"] = Secret,
            ["Channels:Webhooks:1:Name"] = "newsroom-slack",
            ["Channels:Webhooks:1:Url"] = slack.Url.ToString(),
            ["Channels:Webhooks:1:Format"] = "Slack",
            ["Channels:Webhooks:1:Watches:0"] = "ferries",
            ["Channels:Email:0:Name"] = "analysts",
            ["Channels:Email:0:Host"] = "127.0.0.1",
            ["Channels:Email:0:Port"] = mail.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Channels:Email:0:Security"] = "None",
            ["Channels:Email:0:From"] = "ingest@example.test",
            ["Channels:Email:0:To:0"] = "analyst@example.test",
        });
        await services.GetRequiredService<IWatchStore>().UpsertAsync(WatchBuilder.Keywords("ferries", "ferry"), default);
        await services.GetRequiredService<IWatchStore>().UpsertAsync(WatchBuilder.Keywords("harbours", "harbour"), default);
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        webhook.Dispose();
        slack.Dispose();
        await mail.DisposeAsync();
    }

    [Fact]
    public async Task Webhook_FailsThenRecoversWithinOneDelivery_ArrivesOnceSignedWithTheDigestIdAsKey()
    {
        webhook.Script.Enqueue(HttpStatusCode.ServiceUnavailable);
        webhook.Script.Enqueue(HttpStatusCode.BadGateway);
        await IngestAsync("Ferry crossing cancelled");

        var run = await Runner().RunAsync(default);

        var ferries = Assert.Single(run.Delivered, d => d.WatchId == "ferries");
        var attempts = webhook.Requests.Where(r => r.Headers["Idempotency-Key"] == ferries.Id).ToList();
        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.BadGateway, HttpStatusCode.OK], attempts.Select(a => a.Answer));
        var accepted = attempts[^1];
        Assert.Equal(WebhookDigestChannel.Sign(Secret, accepted.Body), accepted.Headers[WebhookDigestChannel.SignatureHeader]);
        Assert.Equal(ferries.Id, DigestJson.Deserialize(accepted.Body).Id);
    }

    [Fact]
    public async Task Webhook_DownForAWhile_DigestArrivesAfterItRecoversAndNotTwice()
    {
        webhook.ThenStatus = HttpStatusCode.ServiceUnavailable;
        await IngestAsync("Ferry union calls strike");

        var down = await Runner().RunAsync(default);
        Assert.DoesNotContain(down.Delivered, d => d.WatchId == "ferries");
        Assert.Contains(down.Failures, f => f.Contains("webhook:ops", StringComparison.Ordinal));

        webhook.ThenStatus = HttpStatusCode.OK;
        var recovered = await Runner().RunAsync(default);
        var later = await Runner().RunAsync(default);

        var digest = Assert.Single(recovered.Delivered, d => d.WatchId == "ferries");
        Assert.DoesNotContain(later.Delivered, d => d.WatchId == "ferries");
        Assert.Single(webhook.Accepted, r => r.Headers["Idempotency-Key"] == digest.Id);
        Assert.Single(await mail.EmailsAsync(), e => e.MessageId?.Contains(digest.Id, StringComparison.Ordinal) == true); // email was not re-sent
    }

    [Fact]
    public async Task Webhook_RefusesWith400_DigestIsDeadLetteredThereAndDeliveredElsewhere()
    {
        webhook.ThenStatus = HttpStatusCode.BadRequest;
        await IngestAsync("Harbour wall repairs approved", watch: "harbour");

        var run = await Runner().RunAsync(default);
        var again = await Runner().RunAsync(default);

        var digest = Assert.Single(run.Delivered, d => d.WatchId == "harbours");
        var dead = Assert.Single(await services.GetRequiredService<TableDigestStateStore>().ListDeadLettersAsync("harbours", default));
        Assert.Equal((digest.Id, "webhook:ops"), (dead.DigestId, dead.Channel));
        Assert.Contains("400", dead.Reason, StringComparison.Ordinal);
        Assert.Single(webhook.Requests, r => r.Headers["Idempotency-Key"] == digest.Id); // no retry of a permanent refusal
        Assert.Empty(again.Delivered);
        Assert.DoesNotContain(slack.Requests, r => r.Body.Contains("harbours", StringComparison.Ordinal)); // Slack only takes ferries
    }

    [Fact]
    public async Task Slack_GetsAnIncomingWebhookMessageForItsWatchOnly()
    {
        await IngestAsync("Ferry & harbour <fees> rise");

        await Runner().RunAsync(default);

        var message = JsonDocument.Parse(Assert.Single(slack.Accepted).Body).RootElement;
        Assert.StartsWith("ferries:", message.GetProperty("text").GetString(), StringComparison.Ordinal);
        var list = message.GetProperty("blocks")[1].GetProperty("text").GetProperty("text").GetString();
        Assert.Contains("Ferry &amp; harbour &lt;fees&gt; rise", list, StringComparison.Ordinal);
    }

    [Fact]
    public void Teams_PayloadIsAMessageCardWithTheMarkdownDigest()
    {
        var digest = new Digest("d1", "ferries", "Ferries", DateTimeOffset.UnixEpoch, [new DigestItem("a1", "Ferry news", "Gazette", "x.txt", DateTimeOffset.UnixEpoch, 1, true, [])]);

        var card = JsonDocument.Parse(WebhookDigestChannel.Payload(digest, WebhookFormat.Teams)).RootElement;

        Assert.Equal("MessageCard", card.GetProperty("@type").GetString());
        Assert.Contains("## Ferry news", card.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Email_IsSentOnceWithEscapedHtmlAndAPlainTextPart()
    {
        await IngestAsync("Ferry <script>alert(1)</script> timetable");

        var run = await Runner().RunAsync(default);

        var digest = Assert.Single(run.Delivered, d => d.WatchId == "ferries");
        var email = Assert.Single(await mail.EmailsAsync(), e => e.MessageId?.Contains(digest.Id, StringComparison.Ordinal) == true);
        Assert.Equal("analyst@example.test", Assert.Single(email.To).Address);
        Assert.StartsWith("ferries: 1 article", email.Subject, StringComparison.Ordinal);
        Assert.Contains("Ferry &lt;script&gt;alert(1)&lt;/script&gt; timetable", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", email.Html, StringComparison.Ordinal);
        Assert.Contains("»Ferry«", email.Text, StringComparison.Ordinal);
    }

    private DigestRunner Runner() => ActivatorUtilities.CreateInstance<DigestRunner>(services);

    private async Task IngestAsync(string headline, string watch = "ferry")
    {
        var text = new NewsDropBuilder().WithHeadline(headline, "Harbour Gazette").Build();
        var outcome = await services.GetRequiredService<NewsIngestion>().IngestAsync(Guid.NewGuid() + ".txt", new MemoryStream(Encoding.UTF8.GetBytes(text)), default);
        Assert.Equal(IngestionResult.Stored, outcome.Result);
        Assert.Contains(watch == "ferry" ? "ferries" : "harbours", outcome.Watches);
    }
}
