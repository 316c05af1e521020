namespace Ingest.Domain.Digests;

/// <summary>
/// A channel refused a digest for good (a 4xx from a webhook, a 5xx SMTP reply): retrying cannot
/// succeed, so the digest is dead-lettered for that channel with the reason, and the others go on.
/// </summary>
public sealed class PermanentDeliveryException : Exception
{
    public PermanentDeliveryException()
    {
    }

    public PermanentDeliveryException(string message)
        : base(message)
    {
    }

    public PermanentDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
