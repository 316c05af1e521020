using System.Globalization;
using Ingest.Domain.Articles;

namespace Ingest.Domain.Matching;

/// <summary>
/// Parses watch expressions (docs/watches.md). Precedence, tightest first: <c>NEAR</c>, then
/// <c>NOT</c>/<c>-</c>, then <c>AND</c> (written or implicit), then <c>OR</c>. Operators are upper case;
/// lower-case "and", "or", "not" and "near" are ordinary words.
/// </summary>
public static class WatchExpression
{
    /// <summary>Parentheses, NOTs and field scopes nest at most this deep.</summary>
    public const int MaxDepth = 32;

    /// <summary>The most words a NEAR may allow between its sides.</summary>
    public const int MaxNearDistance = 100;

    /// <summary>
    /// The most terms and phrases one NEAR chain may join (<c>a NEAR b NEAR c</c> is three): each link is a level
    /// the matcher compiles and evaluates, and how many ways a chain can be placed in a text grows with its length.
    /// </summary>
    public const int MaxNearChain = 16;

    /// <summary>Words between the sides of a NEAR written without "/n".</summary>
    public const int DefaultNearDistance = 5;

    /// <exception cref="WatchExpressionException">The expression is empty or malformed.</exception>
    public static ExpressionNode Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var node = new Parser(expression).ParseAll();
        if (!HasPositiveTerm(node))
        {
            throw new WatchExpressionException(
                "Expected a term that is not negated at position 1 (an expression of only NOT clauses can never be hit)",
                1,
                "a term that is not negated");
        }

        return node;
    }

    /// <summary>Whether <paramref name="expression"/> parses; <paramref name="error"/> explains why not.</summary>
    public static bool TryParse(string expression, out ExpressionNode? node, out WatchExpressionException? error)
    {
        try
        {
            node = Parse(expression);
            error = null;
            return true;
        }
        catch (WatchExpressionException ex)
        {
            node = null;
            error = ex;
            return false;
        }
    }

    /// <summary>
    /// The expression equivalent to a legacy keyword list, where any keyword hits and a keyword of several
    /// words is a phrase: <c>[sanctions, foreign minister]</c> becomes <c>sanctions OR "foreign minister"</c>.
    /// Keywords without letters or digits are dropped, so the result may be empty.
    /// </summary>
    public static string FromKeywords(IEnumerable<string> keywords)
    {
        var clauses = new List<string>();
        foreach (var raw in keywords)
        {
            var keyword = (raw ?? string.Empty).Trim().Trim('"', '“', '”', '„', '‟').Trim();
            var words = WordTokenizer.Tokenize(keyword);
            if (words.Count == 0)
            {
                continue;
            }

            var single = words.Count == 1 && words[0].Start == 0 && words[0].Length == keyword.Length && !IsOperatorWord(keyword);
            clauses.Add(single ? keyword : "\"" + string.Join(' ', words.Select(w => keyword.Substring(w.Start, w.Length))) + "\"");
        }

        return string.Join(" OR ", clauses.Distinct(StringComparer.Ordinal));
    }

    /// <summary>Every term and phrase in the expression, negated or not.</summary>
    public static IEnumerable<TermNode> Terms(ExpressionNode node) => node switch
    {
        TermNode term => [term],
        AndNode and => and.Operands.SelectMany(Terms),
        OrNode or => or.Operands.SelectMany(Terms),
        NotNode not => Terms(not.Operand),
        NearNode near => Terms(near.Left).Concat(Terms(near.Right)),
        _ => [],
    };

    private static bool HasPositiveTerm(ExpressionNode node) => node switch
    {
        TermNode or NearNode => true,
        AndNode and => and.Operands.Any(HasPositiveTerm),
        OrNode or => or.Operands.Any(HasPositiveTerm),

        // Inside a NOT nothing is a hit (NOT NOT x is already x): "-(russia -iran)" can never be hit either.
        _ => false,
    };

    private static bool IsOperatorWord(string word) => word is "AND" or "OR" or "NOT" or "NEAR";

    internal static bool IsQuote(char c) => c is '"' or '“' or '”' or '„' or '‟' or '«' or '»';

    internal static bool IsDash(char c) => c is '-' or '‐' or '‑' or '‒' or '–' or '—' or '―' or '−';

    private sealed class Parser(string text)
    {
        private static readonly string[] Operators = ["AND", "OR", "NOT", "NEAR"];

        private static readonly System.Buffers.SearchValues<char> AsciiWordCharacters =
            System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

        private int pos;
        private int depth;

        public ExpressionNode ParseAll()
        {
            SkipSpace();
            if (pos == text.Length)
            {
                throw Error("a term, phrase or '('");
            }

            var node = ParseOr();
            SkipSpace();
            if (pos < text.Length)
            {
                throw Error(text[pos] == ')' ? "the end of the expression (this ')' has no matching '(')" : "AND, OR or the end of the expression");
            }

            return node;
        }

        private ExpressionNode ParseOr()
        {
            // Most expressions are one clause: the list is made only for a second.
            var first = ParseAnd();
            List<ExpressionNode>? operands = null;
            while (true)
            {
                SkipSpace();
                if (!AtOperator("OR"))
                {
                    break;
                }

                pos += 2;
                (operands ??= [first]).Add(ParseAnd());
            }

            return operands is null ? first : new OrNode(operands);
        }

        private ExpressionNode ParseAnd()
        {
            var first = ParseUnary();
            List<ExpressionNode>? operands = null;
            while (true)
            {
                SkipSpace();
                if (pos == text.Length || text[pos] == ')' || AtOperator("OR"))
                {
                    break;
                }

                if (AtOperator("AND"))
                {
                    pos += 3;
                }

                (operands ??= [first]).Add(ParseUnary());
            }

            return operands is null ? first : new AndNode(operands);
        }

        private ExpressionNode ParseUnary()
        {
            SkipSpace();
            if (AtOperator("NOT"))
            {
                var at = pos;
                pos += 3;
                return Nested(at, () => Negate(ParseUnary()));
            }

            if (pos < text.Length && IsDash(text[pos]))
            {
                if (pos + 1 == text.Length || char.IsWhiteSpace(text[pos + 1]) || text[pos + 1] == ')')
                {
                    pos++;
                    throw Error($"a term right after '{text[pos - 1]}' (write -term to exclude a term)");
                }

                pos++;
                return Nested(pos - 1, () => Negate(ParseUnary()));
            }

            return ParseNear();
        }

        private ExpressionNode ParseNear()
        {
            var start = pos;
            var left = ParsePrimary();

            // A NEAR in parentheses is part of the chain it is in (its terms count with the chain's).
            for (var joined = Joined(left); ; )
            {
                SkipSpace();
                var at = pos;
                if (!AtNear(out var distance, out var length))
                {
                    return left;
                }

                if (joined == MaxNearChain)
                {
                    throw Error($"no more than {MaxNearChain} terms and phrases joined by NEAR in one chain");
                }

                if (!IsPositional(left))
                {
                    pos = start;
                    throw Error("a term, phrase or NEAR before NEAR (NEAR joins terms and phrases, not groups)");
                }

                pos += length;
                SkipSpace();
                var rightStart = pos;
                var right = ParsePrimary();
                if (!IsPositional(right))
                {
                    pos = rightStart;
                    throw Error("a term or phrase after NEAR (NEAR joins terms and phrases, not groups)");
                }

                joined += Joined(right);
                if (joined > MaxNearChain)
                {
                    pos = at;
                    throw Error($"no more than {MaxNearChain} terms and phrases joined by NEAR in one chain");
                }

                left = new NearNode(left, right, distance);
            }
        }

        /// <summary>NOT NOT x is x, so its terms still produce hits.</summary>
        private static ExpressionNode Negate(ExpressionNode node) => node is NotNode not ? not.Operand : new NotNode(node);

        private static bool IsPositional(ExpressionNode node) => node is TermNode or NearNode;

        /// <summary>The terms and phrases a positional node joins: one, or all of a NEAR chain's.</summary>
        private static int Joined(ExpressionNode node) => node is NearNode near ? Joined(near.Left) + Joined(near.Right) : 1;

        private ExpressionNode ParsePrimary()
        {
            SkipSpace();
            if (pos == text.Length)
            {
                throw Error("a term, phrase or '('");
            }

            var c = text[pos];
            if (c == '(')
            {
                pos++;
                return Nested(pos - 1, () =>
                {
                    SkipSpace();
                    if (pos < text.Length && text[pos] == ')')
                    {
                        throw Error("a term, phrase or '(' inside the parentheses");
                    }

                    var inner = ParseOr();
                    SkipSpace();
                    if (pos == text.Length || text[pos] != ')')
                    {
                        throw Error("')'");
                    }

                    pos++;
                    return inner;
                });
            }

            if (c == ')')
            {
                throw Error("a term, phrase or '('");
            }

            // A NOT is only for a whole clause: not after NEAR, a field name or '=' (which reach here without ParseUnary).
            if (IsDash(c))
            {
                throw Error($"a term, phrase or '(' here, not '{c}' (to exclude, put it before the whole clause: -title:russia, -(a NEAR/3 b))");
            }

            foreach (var op in Operators)
            {
                if (AtOperator(op) || (op == "NEAR" && AtNear(out _, out _)))
                {
                    throw Error($"a term, phrase or '(' (found the operator {op}; quote it to search for the word)");
                }
            }

            var scopeAt = pos;
            if (TryFieldScope(out var field))
            {
                return Nested(scopeAt, () => Scope(ParsePrimaryAfterScope(), field));
            }

            if (c == '=')
            {
                pos++;
                if (pos == text.Length || char.IsWhiteSpace(text[pos]) || text[pos] is '(' or ')' or '=' || IsDash(text[pos]))
                {
                    throw Error("a term or phrase right after '='");
                }

                // Outside quotes ASCII letters before ':' are a field name, after '=' too (place:paris is an error, and
                // so is =place:paris); a field goes before the '=', not after it.
                var nameAt = pos;
                if (TryFieldScope(out _))
                {
                    pos = nameAt;
                    throw Error("a term or phrase right after '=' (a field name goes first, as in title:=sanctions)");
                }

                return IsQuote(text[pos]) ? ParsePhrase(exact: true, start: pos - 1) : ParseWord(exact: true, start: pos - 1);
            }

            return IsQuote(c) ? ParsePhrase(exact: false, start: pos) : ParseWord(exact: false, start: pos);
        }

        private ExpressionNode ParsePrimaryAfterScope()
        {
            if (pos == text.Length || char.IsWhiteSpace(text[pos]))
            {
                throw Error("a term, phrase or '(' right after the field name");
            }

            return ParsePrimary();
        }

        private bool TryFieldScope(out ArticleField field)
        {
            field = default;
            var i = pos;
            while (i < text.Length && char.IsAsciiLetter(text[i]))
            {
                i++;
            }

            if (i == pos || i == text.Length || text[i] != ':')
            {
                return false;
            }

            var name = text[pos..i].ToLowerInvariant();
            switch (name)
            {
                case "title":
                    field = ArticleField.Title;
                    break;
                case "standfirst":
                    field = ArticleField.Standfirst;
                    break;
                case "body":
                    field = ArticleField.Body;
                    break;
                default:
                    throw Error($"a field name (title, standfirst or body) before ':', found '{text[pos..i]}'");
            }

            pos = i + 1;
            return true;
        }

        private static ExpressionNode Scope(ExpressionNode node, ArticleField field) => node switch
        {
            TermNode term => term.Field is null ? term with { Field = field } : term,
            AndNode and => new AndNode(and.Operands.Select(o => Scope(o, field)).ToList()),
            OrNode or => new OrNode(or.Operands.Select(o => Scope(o, field)).ToList()),
            NotNode not => new NotNode(Scope(not.Operand, field)),
            NearNode near => near with { Left = Scope(near.Left, field), Right = Scope(near.Right, field) },
            _ => node,
        };

        private TermNode ParsePhrase(bool exact, int start)
        {
            var open = pos;
            var close = open + 1;
            while (close < text.Length && !IsQuote(text[close]))
            {
                close++;
            }

            if (close == text.Length)
            {
                pos = text.Length;
                throw Error($"a closing quote for the phrase opened at position {open + 1}");
            }

            var inner = AsApostrophes(text[(open + 1)..close]);
            var words = WordTokenizer.Tokenize(inner);
            if (words.Count == 0)
            {
                pos = open + 1;
                throw Error("words inside the quotes");
            }

            // A '*' may end a word of a phrase, which is then a prefix ("foreign minist*"), as it may end a term: right
            // after a word character, and not before another or a second '*'.
            for (var star = inner.IndexOf('*'); star >= 0; star = inner.IndexOf('*', star + 1))
            {
                var next = star + 1 < inner.Length ? inner[star + 1] : ' ';
                if (star == 0 || !WordTokenizer.IsWordChar(inner[star - 1]) || next == '*' || WordTokenizer.IsWordChar(next))
                {
                    pos = open + 1 + star;
                    throw Error("letters or digits: '*' may only end a word, as in sanction*");
                }
            }

            var patterns = new List<WordPattern>(words.Count);
            foreach (var word in words)
            {
                var end = word.Start + word.Length;
                var kind = end < inner.Length && inner[end] == '*' ? WordMatch.Prefix : exact ? WordMatch.Exact : WordMatch.Inflected;
                patterns.Add(Pattern(inner.AsSpan(word.Start, word.Length), kind));
            }

            pos = close + 1;
            return new TermNode(text[start..pos], patterns);
        }

        private TermNode ParseWord(bool exact, int start)
        {
            var from = pos;
            while (pos < text.Length && !char.IsWhiteSpace(text[pos]) && text[pos] is not ('(' or ')') && !IsQuote(text[pos]))
            {
                pos++;
            }

            var raw = text[from..pos];
            var prefix = raw.EndsWith('*');
            var body = AsApostrophes(prefix ? raw[..^1] : raw);
            var star = body.IndexOf('*', StringComparison.Ordinal);
            if (star >= 0)
            {
                pos = from + star;
                throw Error("letters or digits: '*' may only end a word, as in sanction*");
            }

            // A word of ASCII letters and digits alone is one word, as the tokenizer splits: most terms are.
            Span<WordSpan> one = [new WordSpan(0, body.Length)];
            ReadOnlySpan<WordSpan> words = body.Length > 0 && body.AsSpan().IndexOfAnyExcept(AsciiWordCharacters) < 0
                ? one
                : System.Runtime.InteropServices.CollectionsMarshal.AsSpan(WordTokenizer.Tokenize(body));
            if (words.Length == 0)
            {
                pos = from;
                throw Error($"a term with letters or digits, found '{Shorten(raw)}'");
            }

            if (prefix && words[^1].Start + words[^1].Length != body.Length)
            {
                pos = from + body.Length;
                throw Error("a letter or digit right before '*'");
            }

            var patterns = new List<WordPattern>(words.Length);
            for (var i = 0; i < words.Length; i++)
            {
                var kind = prefix && i == words.Length - 1 ? WordMatch.Prefix : exact ? WordMatch.Exact : WordMatch.Inflected;
                patterns.Add(Pattern(body.AsSpan(words[i].Start, words[i].Length), kind));
            }

            return new TermNode(start == from ? raw : text[start..pos], patterns);
        }

        /// <summary>
        /// A term's or phrase's words with each left single quote (‘) as the apostrophe (’): single quotes are
        /// apostrophes in an expression, either way round, so <c>don‘t</c> is <c>don’t</c>. At a word's edge, as
        /// in <c>‘foreign minister’</c>, either is no part of the word.
        /// </summary>
        private static string AsApostrophes(string words) => words.Replace('‘', '’');

        private static WordPattern Pattern(ReadOnlySpan<char> word, WordMatch kind) =>
            new(kind == WordMatch.Inflected ? EnglishInflection.Key(word) : EnglishInflection.Fold(word), kind);

        private bool AtOperator(string op)
        {
            if (string.CompareOrdinal(text, pos, op, 0, op.Length) != 0)
            {
                return false;
            }

            var after = pos + op.Length;
            return after == text.Length || char.IsWhiteSpace(text[after]) || text[after] is '(' or ')' || IsQuote(text[after])
                || (op == "NOT" && IsDash(text[after]));
        }

        private bool AtNear(out int distance, out int length)
        {
            distance = DefaultNearDistance;
            length = 4;
            if (string.CompareOrdinal(text, pos, "NEAR", 0, 4) != 0)
            {
                return false;
            }

            if (AtOperator("NEAR"))
            {
                // "NEAR /3" would otherwise be NEAR (five words) and the term 3: the number goes with the slash at once.
                var at = pos;
                pos += 4;
                SkipSpace();
                if (pos < text.Length && text[pos] == '/')
                {
                    throw Error("'/' and its number right after NEAR, as in NEAR/3 (no space before '/')");
                }

                pos = at;
                return true;
            }

            if (pos + 4 >= text.Length || text[pos + 4] != '/')
            {
                return false;
            }

            var digits = pos + 5;
            var end = digits;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            var after = end;
            // What may follow an operator follows NEAR/n too: a space, a parenthesis, a quote; and a dash, so that what
            // comes after it is judged as what comes after NEAR (an error, but the right one: a NOT is not allowed there).
            if (end == digits || (after < text.Length && !char.IsWhiteSpace(text[after]) && text[after] is not ('(' or ')') && !IsQuote(text[after]) && !IsDash(text[after])))
            {
                pos = end == digits ? digits : after;
                throw Error($"a number of words (0 to {MaxNearDistance}) after 'NEAR/', as in NEAR/3");
            }

            // The number's value counts, leading zeros or not (NEAR/0100 is NEAR/100).
            var number = text.AsSpan(digits, end - digits).TrimStart('0');
            if (number.Length > 3 || (distance = number.IsEmpty ? 0 : int.Parse(number, CultureInfo.InvariantCulture)) > MaxNearDistance)
            {
                pos = digits;
                throw Error($"a number of words from 0 to {MaxNearDistance} after 'NEAR/'");
            }

            length = end - pos;
            return true;
        }

        private T Nested<T>(int at, Func<T> parse)
        {
            if (++depth > MaxDepth)
            {
                pos = at;
                throw Error($"fewer nested parentheses, NOTs or fields (at most {MaxDepth})");
            }

            var result = parse();
            depth--;
            return result;
        }

        private void SkipSpace()
        {
            while (pos < text.Length && char.IsWhiteSpace(text[pos]))
            {
                pos++;
            }
        }

        private WatchExpressionException Error(string expected)
        {
            return new WatchExpressionException($"Expected {expected} at position {pos + 1}", pos + 1, expected);
        }

        private static string Shorten(string s) => s.Length <= 20 ? s : s[..20] + "…";
    }
}
