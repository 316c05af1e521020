using Ingest.Domain.Articles;
using Ingest.Domain.Watches;

namespace Ingest.Domain.Matching;

/// <summary>
/// Every enabled watch's expression compiled into one matcher whose cost per article grows with the
/// article's length, not the number of watches: one tokenizing pass looks each word's keys up in hash
/// tables (inflected key, exact fold, and the fold's prefixes of each length some <c>prefix*</c> term
/// uses), recording where each distinct word pattern occurs; then only the watches with a pattern of a
/// term that is not negated seen are evaluated, over those positions. Teasers and boilerplate are not part of
/// <see cref="Article"/>'s matched fields, so they never trigger. Immutable, so safe to share.
/// </summary>
public sealed class KeywordMatcher
{
    /// <summary>Characters of context kept on each side of a hit in its snippet.</summary>
    public const int SnippetContext = 60;

    /// <summary>Words up to this long are folded and keyed in a stack buffer, without allocating.</summary>
    private const int MaxBufferedWord = 64;

    private readonly CompiledWatch[] watches;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> inflected;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> exact;
    private readonly bool anyExact;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> prefixes;
    private readonly int[] prefixLengths;
    private readonly int[][] watchesByPattern;

    private KeywordMatcher(CompiledWatch[] watches, PatternTable table, IReadOnlyDictionary<string, string> rejected)
    {
        this.watches = watches;
        inflected = table.Inflected.GetAlternateLookup<ReadOnlySpan<char>>();
        exact = table.Exact.GetAlternateLookup<ReadOnlySpan<char>>();
        anyExact = table.Exact.Count > 0;
        prefixes = table.Prefix.GetAlternateLookup<ReadOnlySpan<char>>();
        prefixLengths = [.. table.Prefix.Keys.Select(k => k.Length).Distinct().Order()];
        watchesByPattern = [.. table.Watches.Select(w => w.ToArray())];
        Rejected = rejected;
    }

    public static KeywordMatcher Empty { get; } = Compile([]);

    /// <summary>Enabled watches whose expressions compiled.</summary>
    public int WatchCount => watches.Length;

    /// <summary>Enabled watches left out because their expression does not parse: watch id → the error.</summary>
    public IReadOnlyDictionary<string, string> Rejected { get; }

    public static KeywordMatcher Compile(IEnumerable<Watch> watches)
    {
        var table = new PatternTable();
        var compiled = new List<CompiledWatch>();
        var rejected = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var watch in watches.Where(w => w.Enabled))
        {
            if (!WatchExpression.TryParse(watch.Expression, out var node, out var error))
            {
                rejected[watch.Id] = error!.Message;
                continue;
            }

            var index = compiled.Count;
            compiled.Add(new CompiledWatch(watch, CompileNode(node!, table, index, negated: false)));
        }

        return new KeywordMatcher([.. compiled], table, rejected);
    }

    /// <summary>Matches the title, standfirst and body; one result per watch whose expression holds with enough hits.</summary>
    public IReadOnlyList<WatchMatch> Match(Article article)
    {
        if (watches.Length == 0)
        {
            return [];
        }

        var scan = new Scan(article);
        ScanField(scan, article.Title, ArticleField.Title);
        if (article.Standfirst is not null)
        {
            ScanField(scan, article.Standfirst, ArticleField.Standfirst);
        }

        ScanField(scan, scan.Text(ArticleField.Body), ArticleField.Body);
        if (scan.Seen.Count == 0)
        {
            return [];
        }

        var candidates = new SortedSet<int>();
        foreach (var pattern in scan.Seen.Keys)
        {
            candidates.UnionWith(watchesByPattern[pattern]);
        }

        var matches = new List<WatchMatch>();
        var spans = new List<ClauseSpan>();
        foreach (var w in candidates)
        {
            spans.Clear();
            var watch = watches[w];
            if (!watch.Root.Evaluate(scan, spans))
            {
                continue;
            }

            var hits = Explain(scan, spans);
            if (hits.Count >= Math.Max(1, watch.Watch.MinimumHits))
            {
                matches.Add(new WatchMatch(watch.Watch.Id, watch.Watch.Name, hits));
            }
        }

        return matches;
    }

    private void ScanField(Scan scan, string text, ArticleField field)
    {
        Span<char> folded = stackalloc char[MaxBufferedWord];
        Span<char> stemmed = stackalloc char[MaxBufferedWord + 1];
        foreach (var word in WordTokenizer.Tokenize(text))
        {
            var token = scan.Tokens.Count;
            scan.Tokens.Add(new Token(field, word.Start, word.Length));
            var span = text.AsSpan(word.Start, word.Length);
            var length = FoldAscii(span, folded);
            ReadOnlySpan<char> fold = length >= 0 ? folded[..length] : EnglishInflection.Fold(span);
            if (anyExact && exact.TryGetValue(fold, out var e))
            {
                scan.Add(e, token);
            }

            foreach (var prefixLength in prefixLengths)
            {
                if (prefixLength > fold.Length)
                {
                    break;
                }

                if (prefixes.TryGetValue(fold[..prefixLength], out var p))
                {
                    scan.Add(p, token);
                }
            }

            var stemLength = EnglishInflection.StemLength(fold, out var appendY);
            ReadOnlySpan<char> key = fold[..stemLength];
            if (appendY && stemLength < stemmed.Length)
            {
                key.CopyTo(stemmed);
                stemmed[stemLength] = 'y';
                key = stemmed[..(stemLength + 1)];
            }
            else if (appendY)
            {
                key = string.Concat(key, "y");
            }

            if (inflected.TryGetValue(key, out var i))
            {
                scan.Add(i, token);
            }
        }
    }

    /// <summary>
    /// <see cref="EnglishInflection.Fold"/> for a word of ASCII characters, written into <paramref name="into"/>:
    /// the number of characters written, or -1 when the word is not ASCII or too long (then fold it the slow way).
    /// </summary>
    private static int FoldAscii(ReadOnlySpan<char> word, Span<char> into)
    {
        if (word.Length > into.Length)
        {
            return -1;
        }

        var n = 0;
        foreach (var c in word)
        {
            if (c > 0x7F)
            {
                return -1;
            }

            if (c != '\'')
            {
                into[n++] = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
            }
        }

        return n;
    }

    private static List<KeywordHit> Explain(Scan scan, List<ClauseSpan> spans)
    {
        var seen = new HashSet<(string, int, int)>();
        var hits = new List<KeywordHit>(spans.Count);
        foreach (var span in spans.OrderBy(s => s.First).ThenBy(s => s.Last))
        {
            if (!seen.Add((span.Clause, span.First, span.Last)))
            {
                continue;
            }

            var first = scan.Tokens[span.First];
            var last = scan.Tokens[span.Last];
            hits.Add(Explain(span.Clause, first.Field, scan.Text(first.Field), first.Start, last.Start + last.Length - first.Start));
        }

        return hits;
    }

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

    /// <summary>
    /// Compiles one watch's expression. Only the words of terms that are not negated make the watch a
    /// candidate: a watch can only hold with a hit, and a hit comes from a term that is not negated.
    /// </summary>
    private static Condition CompileNode(ExpressionNode node, PatternTable table, int watch, bool negated) => node switch
    {
        TermNode term => new TermCondition(term.Clause, [.. term.Words.Select(w => table.Intern(w, negated ? null : watch))], term.Field),
        AndNode and => new AndCondition([.. and.Operands.Select(o => CompileNode(o, table, watch, negated))]),
        OrNode or => new OrCondition([.. or.Operands.Select(o => CompileNode(o, table, watch, negated))]),
        NotNode not => new NotCondition(CompileNode(not.Operand, table, watch, !negated)),
        NearNode near => new NearCondition(
            (Positional)CompileNode(near.Left, table, watch, negated), (Positional)CompileNode(near.Right, table, watch, negated), near.MaxWordsBetween),
        _ => throw new ArgumentOutOfRangeException(nameof(node), node, "Unknown expression node."),
    };

    private sealed record CompiledWatch(Watch Watch, Condition Root);

    /// <summary>The distinct word patterns of all watches, each with an id and the watches that use it.</summary>
    private sealed class PatternTable
    {
        public Dictionary<string, int> Inflected { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Exact { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Prefix { get; } = new(StringComparer.Ordinal);

        public List<List<int>> Watches { get; } = [];

        /// <param name="watch">The watch to make a candidate when the pattern is seen, or null for a negated term.</param>
        public int Intern(WordPattern pattern, int? watch)
        {
            var table = pattern.Match switch
            {
                WordMatch.Exact => Exact,
                WordMatch.Prefix => Prefix,
                _ => Inflected,
            };
            if (!table.TryGetValue(pattern.Key, out var id))
            {
                id = Watches.Count;
                table[pattern.Key] = id;
                Watches.Add([]);
            }

            var users = Watches[id];
            if (watch is { } w && (users.Count == 0 || users[^1] != w))
            {
                users.Add(w);
            }

            return id;
        }
    }

    private readonly record struct Token(ArticleField Field, int Start, int Length);

    /// <summary>A matched term or phrase: the clause and the first and last token it covers.</summary>
    private readonly record struct ClauseSpan(string Clause, int First, int Last);

    /// <summary>Where a positional expression holds: the tokens it covers and the clauses inside.</summary>
    private sealed record Occurrence(int First, int Last, ClauseSpan[] Parts);

    /// <summary>One article's tokens, in field order, and where each word pattern occurs among them.</summary>
    private sealed class Scan(Article article)
    {
        private string? body;

        public List<Token> Tokens { get; } = [];

        /// <summary>Pattern id → token indexes, ascending.</summary>
        public Dictionary<int, List<int>> Seen { get; } = [];

        public void Add(int pattern, int token)
        {
            if (!Seen.TryGetValue(pattern, out var list))
            {
                Seen[pattern] = list = [];
            }

            if (list.Count == 0 || list[^1] != token)
            {
                list.Add(token);
            }
        }

        public bool Has(int pattern, int token) => Seen.TryGetValue(pattern, out var list) && list.BinarySearch(token) >= 0;

        public string Text(ArticleField field) => field switch
        {
            ArticleField.Title => article.Title,
            ArticleField.Standfirst => article.Standfirst ?? string.Empty,
            _ => body ??= article.Body,
        };
    }

    private abstract class Condition
    {
        /// <summary>Whether the condition holds; when it does, adds the clause spans that make it hold.</summary>
        public abstract bool Evaluate(Scan scan, List<ClauseSpan> spans);
    }

    private abstract class Positional : Condition
    {
        public abstract List<Occurrence> Occurrences(Scan scan);

        public override bool Evaluate(Scan scan, List<ClauseSpan> spans)
        {
            var occurrences = Occurrences(scan);
            foreach (var occurrence in occurrences)
            {
                spans.AddRange(occurrence.Parts);
            }

            return occurrences.Count > 0;
        }
    }

    private sealed class TermCondition(string clause, int[] patterns, ArticleField? field) : Positional
    {
        public override List<Occurrence> Occurrences(Scan scan)
        {
            var found = new List<Occurrence>();

            // Anchor on the word seen least often ("the" in "the ferry" is everywhere), and stop at once if one is unseen.
            var anchor = 0;
            List<int>? anchors = null;
            for (var k = 0; k < patterns.Length; k++)
            {
                if (!scan.Seen.TryGetValue(patterns[k], out var list))
                {
                    return found;
                }

                if (anchors is null || list.Count < anchors.Count)
                {
                    (anchor, anchors) = (k, list);
                }
            }

            foreach (var at in anchors!)
            {
                var start = at - anchor;
                if (start < 0 || start + patterns.Length > scan.Tokens.Count)
                {
                    continue;
                }

                var where = scan.Tokens[start].Field;
                if (field is { } only && where != only)
                {
                    continue;
                }

                var whole = true;
                for (var k = 0; k < patterns.Length && whole; k++)
                {
                    whole = k == anchor || (scan.Tokens[start + k].Field == where && scan.Has(patterns[k], start + k));
                }

                if (whole && scan.Tokens[start + patterns.Length - 1].Field == where)
                {
                    var last = start + patterns.Length - 1;
                    found.Add(new Occurrence(start, last, [new ClauseSpan(clause, start, last)]));
                }
            }

            return found;
        }
    }

    private sealed class NearCondition(Positional left, Positional right, int maxBetween) : Positional
    {
        public override List<Occurrence> Occurrences(Scan scan)
        {
            var found = new List<Occurrence>();
            var lefts = left.Occurrences(scan);
            if (lefts.Count == 0)
            {
                return found;
            }

            var rights = right.Occurrences(scan);
            if (rights.Count == 0)
            {
                return found;
            }

            // Only right occurrences starting in a window around each left one can be near it.
            rights.Sort((a, b) => a.First.CompareTo(b.First));
            var longest = rights.Max(r => r.Last - r.First);
            foreach (var l in lefts)
            {
                for (var k = FirstStartingAtOrAfter(rights, l.First - maxBetween - 1 - longest); k < rights.Count && rights[k].First <= l.Last + maxBetween + 1; k++)
                {
                    var r = rights[k];
                    var between = r.First > l.Last ? r.First - l.Last - 1 : l.First > r.Last ? l.First - r.Last - 1 : -1;
                    if (between >= 0 && between <= maxBetween && scan.Tokens[l.First].Field == scan.Tokens[r.First].Field)
                    {
                        found.Add(new Occurrence(Math.Min(l.First, r.First), Math.Max(l.Last, r.Last), [.. l.Parts, .. r.Parts]));
                    }
                }
            }

            return found;
        }

        private static int FirstStartingAtOrAfter(List<Occurrence> sorted, int token)
        {
            int lo = 0, hi = sorted.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (sorted[mid].First < token)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo;
        }
    }

    private sealed class AndCondition(Condition[] operands) : Condition
    {
        public override bool Evaluate(Scan scan, List<ClauseSpan> spans)
        {
            var mine = new List<ClauseSpan>();
            foreach (var operand in operands)
            {
                if (!operand.Evaluate(scan, mine))
                {
                    return false;
                }
            }

            spans.AddRange(mine);
            return true;
        }
    }

    private sealed class OrCondition(Condition[] operands) : Condition
    {
        public override bool Evaluate(Scan scan, List<ClauseSpan> spans)
        {
            var any = false;
            foreach (var operand in operands)
            {
                any |= operand.Evaluate(scan, spans);
            }

            return any;
        }
    }

    private sealed class NotCondition(Condition operand) : Condition
    {
        public override bool Evaluate(Scan scan, List<ClauseSpan> spans) => !operand.Evaluate(scan, []);
    }
}
