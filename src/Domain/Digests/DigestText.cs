using System.Globalization;
using System.Text;

namespace Ingest.Domain.Digests;

/// <summary>Renders a digest as plain text, the match in each snippet between » and «.</summary>
public static class DigestText
{
    public static string Subject(Digest digest) =>
        $"{digest.WatchName}: {Count(digest.Items.Count, "article")}, {Count(digest.TotalHits, "hit")}";

    public static string Render(Digest digest)
    {
        var text = new StringBuilder();
        text.Append(Subject(digest)).Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"Digest {digest.Id}, {digest.CreatedAt:yyyy-MM-dd HH:mm} UTC\n");
        foreach (var item in digest.Items)
        {
            text.Append('\n').Append(item.Title).Append('\n');
            text.Append(CultureInfo.InvariantCulture, $"{item.Publisher ?? "Unknown publisher"} · ingested {item.IngestedAt:yyyy-MM-dd HH:mm} UTC · {Count(item.HitCount, "hit")} · {item.SourceBlob}\n");
            if (item.AlsoReportedBy.Count > 0)
            {
                text.Append("  Also reported by ").Append(string.Join(", ", item.AlsoReportedBy)).Append('\n');
            }

            foreach (var s in item.Snippets)
            {
                text.Append("  - ").Append(s.Text.AsSpan(0, s.MatchStart)).Append('»').Append(s.Text.AsSpan(s.MatchStart, s.MatchLength)).Append('«')
                    .Append(s.Text.AsSpan(s.MatchStart + s.MatchLength)).Append('\n');
            }
        }

        return text.ToString();
    }

    public static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
