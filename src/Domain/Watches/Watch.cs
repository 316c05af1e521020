using Ingest.Domain.Digests;

namespace Ingest.Domain.Watches;

/// <summary>
/// A topic someone follows, as a watch expression (docs/watches.md): for example
/// <c>sanctions AND (russia OR iran) -"sanctions relief"</c>. An article hits the watch when the
/// expression holds over its title, standfirst and body and it has at least <paramref name="MinimumHits"/>
/// hits (occurrences of the expression's terms and phrases that are not negated).
/// </summary>
/// <param name="Id">Stable identifier: lower-case letters, digits and hyphens.</param>
public sealed record Watch(string Id, string Name, string Expression, bool Enabled = true, int MinimumHits = 1)
{
    /// <summary>When this watch's digests go out; by default at every digest tick with new hits.</summary>
    public DigestCadence Cadence { get; init; } = DigestCadence.AsItHappens;
}
