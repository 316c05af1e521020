using Ingest.Domain.Articles;
using Ingest.Domain.Watches;

namespace Ingest.Domain.Matching;

/// <summary>
/// Every enabled watch compiled into one lookup from word key to the keywords it may start,
/// so matching is one tokenizing pass over the article whatever the number of watches.
/// Teasers and boilerplate are not part of <see cref="Article"/>'s matched fields, so they never trigger.
/// </summary>
public sealed class KeywordMatcher
{
    /// <summary>Characters of context kept on each side of a hit in its snippet.</summary>
    public const int SnippetContext = 60;

    private readonly Dictionary<string, List<CompiledKeyword>> byFirstWord;
    private readonly IReadOnlyList<Watch> watches;

    private KeywordMatcher(IReadOnlyList<Watch> watches, Dictionary<string, List<CompiledKeyword>> byFirstWord)
    {
        this.watches = watches;
        this.byFirstWord = byFirstWord;
    }

    public static KeywordMatcher Empty { get; } = Compile([]);

    public int WatchCount => watches.Count;

    public static KeywordMatcher Compile(IEnumerable<Watch> watches)
    {
        var enabled = watches.Where(w => w.Enabled).ToList();
        var index = new Dictionary<string, List<CompiledKeyword>>(StringComparer.Ordinal);
        for (var w = 0; w < enabled.Count; w++)
        {
            foreach (var keyword in enabled[w].Keywords)
            {
                var keys = KeyWords(keyword.Trim().Trim('"', '“', '”'));
                if (keys.Length == 0)
                {
                    continue;
                }

                if (!index.TryGetValue(keys[0], out var list))
                {
                    index[keys[0]] = list = [];
                }

                list.Add(new CompiledKeyword(w, keyword.Trim(), keys));
            }
        }

        return new KeywordMatcher(enabled, index);
    }

    /// <summary>Matches the title, standfirst and body; one result per watch with at least one hit.</summary>
    public IReadOnlyList<WatchMatch> Match(Article article)
    {
        if (byFirstWord.Count == 0)
        {
            return [];
        }

        var perWatch = new List<KeywordHit>?[watches.Count];
        Scan(article.Title, ArticleField.Title, perWatch);
        if (article.Standfirst is not null)
        {
            Scan(article.Standfirst, ArticleField.Standfirst, perWatch);
        }

        Scan(article.Body, ArticleField.Body, perWatch);

        var matches = new List<WatchMatch>();
        for (var w = 0; w < perWatch.Length; w++)
        {
            if (perWatch[w] is { } hits)
            {
                matches.Add(new WatchMatch(watches[w].Id, watches[w].Name, hits));
            }
        }

        return matches;
    }

    private void Scan(string text, ArticleField field, List<KeywordHit>?[] perWatch)
    {
        var words = WordTokenizer.Tokenize(text);
        var keys = new string?[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            var key = KeyAt(text, words, keys, i);
            if (!byFirstWord.TryGetValue(key, out var candidates))
            {
                continue;
            }

            foreach (var candidate in candidates)
            {
                if (!candidate.MatchesAt(text, words, keys, i, KeyAt))
                {
                    continue;
                }

                var last = words[i + candidate.Keys.Length - 1];
                var start = words[i].Start;
                var length = last.Start + last.Length - start;
                (perWatch[candidate.Watch] ??= []).Add(Explain(candidate.Keyword, field, text, start, length));
            }
        }
    }

    private static string KeyAt(string text, List<WordSpan> words, string?[] keys, int i) =>
        keys[i] ??= EnglishInflection.Key(text.AsSpan(words[i].Start, words[i].Length));

    private static KeywordHit Explain(string keyword, ArticleField field, string text, int start, int length)
    {
        var from = Math.Max(0, start - SnippetContext);
        var to = Math.Min(text.Length, start + length + SnippetContext);
        while (from > 0 && from < start && !char.IsWhiteSpace(text[from - 1]))
        {
            from++;
        }

        while (to < text.Length && to > start + length && !char.IsWhiteSpace(text[to]))
        {
            to--;
        }

        var snippet = text[from..to].ReplaceLineEndings(" ");
        var lead = from > 0 ? "…" : string.Empty;
        var trail = to < text.Length ? "…" : string.Empty;
        return new KeywordHit(keyword, field, start, length, lead + snippet.Trim() + trail, lead.Length + (start - from) - (snippet.Length - snippet.TrimStart().Length), length);
    }

    private static string[] KeyWords(string keyword)
    {
        var words = WordTokenizer.Tokenize(keyword);
        return words.Select(w => EnglishInflection.Key(keyword.AsSpan(w.Start, w.Length))).ToArray();
    }

    private sealed record CompiledKeyword(int Watch, string Keyword, string[] Keys)
    {
        public bool MatchesAt(string text, List<WordSpan> words, string?[] keys, int i, Func<string, List<WordSpan>, string?[], int, string> keyAt)
        {
            if (i + Keys.Length > words.Count)
            {
                return false;
            }

            for (var k = 1; k < Keys.Length; k++)
            {
                if (!string.Equals(keyAt(text, words, keys, i + k), Keys[k], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
