using System.Globalization;
using System.Net;
using System.Text;

namespace Ingest.Domain.Digests;

/// <summary>
/// Renders a digest as an HTML email body. Every piece of article text is HTML-encoded, so a
/// headline or snippet carrying markup shows as text and can never inject elements or script.
/// </summary>
public static class DigestHtml
{
    public static string Render(Digest digest)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(E(DigestText.Subject(digest))).Append("</title></head>");
        html.Append("<body style=\"font-family:sans-serif;max-width:42em\">");
        html.Append("<h1>").Append(E(DigestText.Subject(digest))).Append("</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p>Digest <code>{E(digest.Id)}</code> for watch <code>{E(digest.WatchId)}</code>, {digest.CreatedAt:yyyy-MM-dd HH:mm} UTC.</p>");
        foreach (var item in digest.Items)
        {
            html.Append("<h2>").Append(E(item.Title)).Append("</h2>");
            html.Append(CultureInfo.InvariantCulture, $"<p>{E(item.Publisher ?? "Unknown publisher")} · ingested {item.IngestedAt:yyyy-MM-dd HH:mm} UTC · {DigestText.Count(item.HitCount, "hit")} · <code>{E(item.SourceBlob)}</code></p>");
            if (item.AlsoReportedBy.Count > 0)
            {
                html.Append("<p>Also reported by ").Append(E(string.Join(", ", item.AlsoReportedBy))).Append(".</p>");
            }

            html.Append("<ul>");
            foreach (var s in item.Snippets)
            {
                html.Append("<li>").Append(E(s.Text[..s.MatchStart])).Append("<mark>").Append(E(s.Text.Substring(s.MatchStart, s.MatchLength))).Append("</mark>")
                    .Append(E(s.Text[(s.MatchStart + s.MatchLength)..])).Append("</li>");
            }

            html.Append("</ul>");
        }

        return html.Append("</body></html>").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
