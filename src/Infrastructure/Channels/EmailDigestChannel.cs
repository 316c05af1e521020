using Ingest.Domain.Digests;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Ingest.Infrastructure.Channels;

/// <summary>
/// Emails each digest over SMTP (MailKit): an HTML body with every piece of article text encoded,
/// and a plain-text alternative. The Message-ID is derived from the digest id, so a receiver can
/// drop a repeat. A 5xx SMTP reply is permanent; anything else is retried at the next tick.
/// </summary>
public sealed class EmailDigestChannel(EmailChannelOptions options) : IDigestChannel
{
    public string Name => "email:" + options.Name;

    public bool Accepts(string watchId) => options.Watches.Count == 0 || options.Watches.Contains(watchId);

    public static string MessageId(Digest digest) => $"{digest.Id}.{digest.WatchId}@ingest.digests";

    public async Task DeliverAsync(Digest digest, CancellationToken cancellationToken)
    {
        using var message = new MimeMessage
        {
            Subject = DigestText.Subject(digest),
            MessageId = MessageId(digest),
            Body = new BodyBuilder { HtmlBody = DigestHtml.Render(digest), TextBody = DigestText.Render(digest) }.ToMessageBody(),
        };
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.AddRange(options.To.Select(MailboxAddress.Parse));
        message.Headers.Add("X-Ingest-Digest-Id", digest.Id);

        using var smtp = new SmtpClient();
        try
        {
            await smtp.ConnectAsync(options.Host, options.Port, options.Security switch
            {
                SmtpSecurity.None => SecureSocketOptions.None,
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTls,
            }, cancellationToken);
            if (!string.IsNullOrEmpty(options.UserName))
            {
                await smtp.AuthenticateAsync(options.UserName, options.Password ?? string.Empty, cancellationToken);
            }

            await smtp.SendAsync(message, cancellationToken);
            await smtp.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
        {
            throw new PermanentDeliveryException($"{options.Host} refused the message: {(int)ex.StatusCode} {ex.Message}", ex);
        }
        catch (AuthenticationException ex)
        {
            throw new PermanentDeliveryException($"{options.Host} refused the credentials in Channels:Email ({options.Name}): {ex.Message}", ex);
        }
    }
}
