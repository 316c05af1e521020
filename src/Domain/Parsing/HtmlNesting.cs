namespace Ingest.Domain.Parsing;

/// <summary>
/// A cheap, linear estimate of how deeply an HTML page nests its elements, taken before the page is
/// handed to the HTML parser (whose cost grows with the square of the depth). Elements whose end tag
/// HTML lets authors leave out (p, li, td, …) and void elements are not counted, so sloppy real pages
/// stay far below the limit.
/// </summary>
internal static class HtmlNesting
{
    public const int MaxDepth = 1000;

    private static readonly HashSet<string> Uncounted = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "caption",
        "rt", "rp", "html", "head", "body", "script", "style",
    };

    public static int EstimateDepth(string html)
    {
        var depth = 0;
        var max = 0;
        var at = 0;
        while ((at = html.IndexOf('<', at)) >= 0 && at + 1 < html.Length)
        {
            var closing = html[at + 1] == '/';
            var start = at + (closing ? 2 : 1);
            var end = start;
            while (end < html.Length && (char.IsAsciiLetterOrDigit(html[end]) || html[end] == '-'))
            {
                end++;
            }

            if (end == start || !char.IsAsciiLetter(html[start]))
            {
                at++;
                continue;
            }

            var name = html.AsSpan(start, end - start);
            var close = html.IndexOf('>', end);
            if (close < 0)
            {
                break;
            }

            if (!Uncounted.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name))
            {
                if (closing)
                {
                    depth = Math.Max(0, depth - 1);
                }
                else if (html[close - 1] != '/')
                {
                    max = Math.Max(max, ++depth);
                }
            }

            at = close + 1;
        }

        return max;
    }
}
