using Ingest.Domain.Digests;

namespace Ingest.Domain.Watches;

/// <summary>
/// A topic someone follows. Each keyword is a word (matched with its simple inflections) or a
/// phrase of several words that must appear in order; an article hits the watch when any keyword matches.
/// </summary>
/// <param name="Id">Stable identifier: lower-case letters, digits and hyphens.</param>
public sealed record Watch(string Id, string Name, IReadOnlyList<string> Keywords, bool Enabled = true)
{
    /// <summary>When this watch's digests go out; by default at every digest tick with new hits.</summary>
    public DigestCadence Cadence { get; init; } = DigestCadence.AsItHappens;
}
