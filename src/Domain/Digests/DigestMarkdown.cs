using System.Globalization;
using System.Text;

namespace Ingest.Domain.Digests;

/// <summary>Renders a digest as Markdown, the match in each snippet in bold. Article text is escaped.</summary>
public static class DigestMarkdown
{
    public static string Render(Digest digest)
    {
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# {Escape(digest.WatchName)}: {Plural(digest.Items.Count, "article")}, {Plural(digest.TotalHits, "hit")}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"Digest `{digest.Id}` for watch `{digest.WatchId}`, {digest.CreatedAt:yyyy-MM-dd HH:mm} UTC.\n");
        foreach (var item in digest.Items)
        {
            md.Append("\n## ").Append(Escape(item.Title)).Append('\n');
            md.Append('\n').Append(item.Publisher is null ? "Unknown publisher" : Escape(item.Publisher));
            md.Append(CultureInfo.InvariantCulture, $" · ingested {item.IngestedAt:yyyy-MM-dd HH:mm} UTC · {Plural(item.HitCount, "hit")}");
            md.Append(CultureInfo.InvariantCulture, $" · source `{item.SourceBlob.Replace('`', '\'')}`\n\n");
            if (item.AlsoReportedBy.Count > 0)
            {
                md.Append("Also reported by ").Append(Escape(string.Join(", ", item.AlsoReportedBy))).Append(".\n\n");
            }
            foreach (var snippet in item.Snippets)
            {
                var before = snippet.Text[..snippet.MatchStart];
                var match = snippet.Text.Substring(snippet.MatchStart, snippet.MatchLength);
                var after = snippet.Text[(snippet.MatchStart + snippet.MatchLength)..];
                md.Append(CultureInfo.InvariantCulture, $"- {snippet.Field.ToString().ToLowerInvariant()}: {Escape(before)}**{Escape(match)}**{Escape(after)}\n");
            }
        }

        return md.ToString();
    }

    private static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    /// <summary>Escapes Markdown control characters so article text renders as text.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|')
            {
                escaped.Append('\\');
            }

            escaped.Append(c is '\n' or '\r' ? ' ' : c);
        }

        return escaped.ToString();
    }
}
