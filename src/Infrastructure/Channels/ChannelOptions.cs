using System.ComponentModel.DataAnnotations;

namespace Ingest.Infrastructure.Channels;

/// <summary>
/// Digest channels beyond the archive, queue and log, from the <c>Channels</c> settings section.
/// Secrets (webhook signing secrets, SMTP passwords) are settings too — Key Vault references in
/// Azure — never code. A channel with no <c>Watches</c> takes every watch's digests.
/// </summary>
public sealed class ChannelOptions
{
    public const string SectionName = "Channels";

    public List<WebhookChannelOptions> Webhooks { get; set; } = [];

    public List<EmailChannelOptions> Email { get; set; } = [];

    /// <summary>Per-attempt HTTP timeout for webhooks.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan WebhookAttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries within one delivery, with exponential backoff from <see cref="WebhookRetryDelay"/>.</summary>
    [Range(0, 10)]
    public int WebhookRetries { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan WebhookRetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}

public enum WebhookFormat
{
    /// <summary>The digest JSON document (schema version 1).</summary>
    Json,

    /// <summary>A Slack incoming-webhook message.</summary>
    Slack,

    /// <summary>A Microsoft Teams incoming-webhook message card.</summary>
    Teams,
}

public sealed class WebhookChannelOptions
{
    [Required, RegularExpression("^[a-z0-9-]{1,40}$")]
    public string Name { get; set; } = string.Empty;

    [Required]
    public Uri? Url { get; set; }

    public WebhookFormat Format { get; set; } = WebhookFormat.Json;

    /// <summary>When set, each request carries <c>X-Ingest-Signature: sha256=HMAC(secret, body)</c>.</summary>
    public string? Secret { get; set; }

    public List<string> Watches { get; set; } = [];
}

public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}

public sealed class EmailChannelOptions
{
    [Required, RegularExpression("^[a-z0-9-]{1,40}$")]
    public string Name { get; set; } = string.Empty;

    [Required]
    public string Host { get; set; } = string.Empty;

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    [Required, EmailAddress]
    public string From { get; set; } = string.Empty;

    [MinLength(1)]
    public List<string> To { get; set; } = [];

    public List<string> Watches { get; set; } = [];
}
