using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Ingest.Domain.Digests;

namespace Ingest.Infrastructure.Channels;

/// <summary>
/// POSTs each digest to a webhook: the digest JSON, or a Slack or Teams incoming-webhook message.
/// Every request carries the digest id as <c>Idempotency-Key</c>, and an HMAC-SHA256 signature of
/// the body when a secret is configured. Transient failures are retried with backoff by the
/// HttpClient's resilience pipeline, then at the next tick; a 4xx other than 408 and 429 is permanent.
/// </summary>
public sealed class WebhookDigestChannel(WebhookChannelOptions options, HttpClient http) : IDigestChannel
{
    public const string SignatureHeader = "X-Ingest-Signature";
    public const string DigestIdHeader = "X-Ingest-Digest-Id";

    public string Name => "webhook:" + options.Name;

    public bool Accepts(string watchId) => options.Watches.Count == 0 || options.Watches.Contains(watchId);

    public async Task DeliverAsync(Digest digest, CancellationToken cancellationToken)
    {
        var body = Payload(digest, options.Format);
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", digest.Id);
        request.Headers.Add(DigestIdHeader, digest.Id);
        if (!string.IsNullOrEmpty(options.Secret))
        {
            request.Headers.Add(SignatureHeader, Sign(options.Secret, body));
        }

        using var response = await http.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var reason = $"{options.Url?.Host} answered {(int)response.StatusCode} {response.ReasonPhrase}";
        if ((int)response.StatusCode is >= 400 and < 500 && response.StatusCode is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests))
        {
            throw new PermanentDeliveryException(reason);
        }

        throw new HttpRequestException(reason, null, response.StatusCode);
    }

    /// <summary><c>sha256=</c> and the lower-case hex HMAC-SHA256 of the body under the secret.</summary>
    public static string Sign(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    public static string Payload(Digest digest, WebhookFormat format) => format switch
    {
        WebhookFormat.Slack => new JsonObject
        {
            ["text"] = DigestText.Subject(digest),
            ["blocks"] = new JsonArray(
                new JsonObject { ["type"] = "header", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Truncate(DigestText.Subject(digest), 150) } },
                new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Truncate(SlackList(digest), 3000) } }),
        }.ToJsonString(),
        WebhookFormat.Teams => new JsonObject
        {
            ["@type"] = "MessageCard",
            ["@context"] = "https://schema.org/extensions",
            ["summary"] = DigestText.Subject(digest),
            ["title"] = DigestText.Subject(digest),
            ["text"] = Truncate(DigestMarkdown.Render(digest), 20_000),
        }.ToJsonString(),
        _ => DigestJson.Serialize(digest),
    };

    private static string SlackList(Digest digest) =>
        string.Join('\n', digest.Items.Select(i => $"• *{SlackEscape(i.Title)}* — {SlackEscape(i.Publisher ?? "unknown publisher")} ({DigestText.Count(i.HitCount, "hit")})"));

    /// <summary>Slack's mrkdwn treats &amp;, &lt; and &gt; as control characters.</summary>
    private static string SlackEscape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
