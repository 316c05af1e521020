using System.Buffers;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Ingest.Domain.Articles;
using Ingest.Domain.Watches;

namespace Ingest.Domain.Matching;

/// <summary>How a <see cref="KeywordMatcher"/> finds the words worth looking up.</summary>
public enum MatchStrategy
{
    /// <summary><see cref="Search"/> for small term sets, <see cref="Tokenize"/> for large ones (the crossover was measured: docs/performance.md).</summary>
    Automatic,

    /// <summary>
    /// A vectorised multi-string search for the triggers' leading characters decides whether an article can
    /// match at all before any word of it is tokenized. Fastest while the terms are few.
    /// </summary>
    Search,

    /// <summary>
    /// Straight to the pass over every word, in which a word is looked up only when it passes a bit filter
    /// of the words the terms can match (<see cref="WordFilter"/>). Its cost does not grow with the number of terms.
    /// </summary>
    Tokenize,
}

/// <summary>
/// Every enabled watch's expression compiled into one matcher whose cost per article grows with the
/// article's length, not the number of watches. Each distinct word pattern of every watch (an inflected
/// key, an exact fold, a prefix) has a needle: characters every word it matches starts with. Each watch
/// has triggers: patterns one of which must occur for it to hold with a hit (for a phrase, its longest
/// word; for AND and NEAR, the operand with the longest needles; never a negated term). With
/// <see cref="MatchStrategy.Search"/>, a vectorised search for the triggers' needles first decides whether
/// the article can match at all; most articles end there. Otherwise one pass numbers every word and looks
/// up those that pass a filter of the words the patterns can have, recording where each pattern occurs; then
/// only the watches with a trigger seen are evaluated, over those positions. Teasers and boilerplate are
/// not part of <see cref="Article"/>'s matched fields, so they never trigger. Safe to share between threads: its
/// only mutable state is what the search and the word pass have cost so far (see <c>SearchStatistics</c>); the
/// arrays an article's hits are recorded in belong to the thread matching it (see <c>Scan</c>).
/// </summary>
public sealed class KeywordMatcher
{
    /// <summary>Characters of context kept on each side of a hit in its snippet.</summary>
    public const int SnippetContext = 60;

    /// <summary>Up to this many distinct trigger needles, <see cref="MatchStrategy.Automatic"/> chooses <see cref="MatchStrategy.Search"/>.</summary>
    public const int MaxSearchNeedles = 64;

    /// <summary>
    /// Up to this many distinct needles of all patterns (triggers or not), an article in which the search found a
    /// trigger has its hits recorded by a second search for every pattern's words rather than by the word pass.
    /// </summary>
    public const int MaxCollectNeedles = 128;

    /// <summary>
    /// The search gives up on an article (and leaves it to the word pass) when it has stopped more than
    /// 16 times plus once per this many characters. Without AVX2 the search stops at a needle anywhere, and a
    /// needle that occurs inside many words ("the", "an") makes it stop and start again so often that the word
    /// pass is faster (measured: docs/performance.md).
    /// </summary>
    public const int CharactersPerStop = 200;

    /// <summary>
    /// <see cref="CharactersPerStop"/> for the search by word starts (<see cref="WordStartSearch"/>), whose
    /// stops are words that begin like a needle: each costs about one word lookup, a few times what the word
    /// pass spends on a word, and English words are 5–10 characters long.
    /// </summary>
    public const int CharactersPerWordStartStop = 40;

    /// <summary>Words up to this long are folded and keyed in a stack buffer, without allocating.</summary>
    private const int MaxBufferedWord = 64;

    /// <summary>Apostrophes in words and every non-ASCII character: words with them are folded the slow way.</summary>
    private static readonly SearchValues<char> PlainAscii = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x80).Select(c => (char)c).Where(c => c != '\'')));

    private readonly CompiledWatch[] watches;
    private readonly PatternIndex index;
    private readonly bool anyExact;
    private readonly int[] prefixLengths;

    /// <summary>The most patterns one word can have (<see cref="Patterns"/>): exact, each prefix length, inflected, and its second key.</summary>
    private int MostPatternsPerWord => 3 + prefixLengths.Length;

    private readonly int[][] watchesByPattern;
    private readonly bool[] isTrigger;
    private readonly SearchValues<string>? triggerNeedles;
    private readonly WordStartSearch? wordStarts;
    /// <summary>How many first characters of a word the needle search compares: a word whose special character comes after them needs no second look.</summary>
    private readonly int needleSeen;
    private readonly WordFilter filter;

    /// <summary>
    /// When some patterns are not triggers (the other words of phrases, AND and NEAR, negated words): the word filter
    /// of the triggers' words alone, for the pass that first asks whether an article has a trigger at all (see
    /// <see cref="HasTrigger"/>) where no search has. Null when every pattern is a trigger.
    /// </summary>
    private readonly WordFilter? triggerFilter;
    private readonly ulong[] prefixFilter;
    private readonly SearchStatistics statistics = new();
    private readonly TriggerShare triggerShare = new();
    /// <summary>With <see cref="MatchStrategy.Search"/>: what the first characters of a word with a trigger may be.</summary>
    private readonly NeedlePrefixes? needlePrefixes;

    /// <summary>
    /// With <see cref="MatchStrategy.Search"/>, when every pattern's needle can be searched for and there are at most
    /// <see cref="MaxCollectNeedles"/>: the search for every pattern's words, which records an article's hits once a
    /// trigger is found, in place of the word pass (see <see cref="Collect"/>). Null otherwise.
    /// </summary>
    private readonly WordStartSearch? collect;

    /// <summary>Whether an article with a trigger has its hits recorded by a search for every pattern's words (see <see cref="Collect"/>).</summary>
    internal bool CollectsHits => collect is not null;

    /// <summary>Whether the word pass has a first pass that asks whether an article has a trigger at all (see <see cref="HasTrigger"/>).</summary>
    internal bool AsksForTriggers => triggerFilter is not null;

    /// <summary>For tests: ask every article whether it has a trigger before the word pass (true), none (false), or judge (null).</summary>
    internal bool? AskForTriggers
    {
        get => triggerShare.Fixed;
        set => triggerShare.Fixed = value;
    }

    /// <summary>How many patterns collecting leaves to be checked beside their phrases' anchors (see <see cref="collectLazy"/>).</summary>
    internal int PhraseWordsLeftOut => collectLazy?.Count(l => l) ?? 0;

    /// <summary>What the first characters of a word with any pattern may be (for <see cref="collect"/>).</summary>
    private readonly NeedlePrefixes? collectPrefixes;

    /// <summary><see cref="needleSeen"/> for <see cref="collect"/>.</summary>
    private readonly int collectSeen;

    /// <summary>
    /// Pattern id → whether collecting leaves it out (null when it leaves none out): a word only phrases have,
    /// never as their anchor, such as "the" in <c>"the ferry"</c>. Common words like that would make collecting
    /// stop at a tenth of all words; a phrase checks them instead in the words beside its anchor's hits.
    /// </summary>
    private readonly bool[]? collectLazy;

    /// <summary>
    /// The most words apart two hits are ever compared by a phrase or <c>NEAR</c> (at least 1): hits found by
    /// <see cref="collect"/> are numbered exactly up to this distance and further apart beyond it (see <c>Scan</c>).
    /// </summary>
    private readonly int reach;

    /// <summary>This matcher's number for the words its searches looked up last (<see cref="RecentWords"/>).</summary>
    private readonly long id = RecentWords.NextOwner();

    private KeywordMatcher(CompiledWatch[] watches, PatternTable table, IReadOnlyDictionary<string, string> rejected, MatchStrategy strategy, int reach, bool[] phraseOnly)
    {
        this.reach = Math.Max(1, reach);
        this.watches = watches;
        index = new PatternIndex(table.Patterns);
        anyExact = table.Exact.Count > 0;
        prefixLengths = [.. table.Prefix.Keys.Select(k => k.Length).Distinct().Order()];
        watchesByPattern = table.WatchesByPattern();
        isTrigger = new bool[watchesByPattern.Length];
        for (var id = 0; id < isTrigger.Length; id++)
        {
            isTrigger[id] = watchesByPattern[id].Length > 0;
        }

        Rejected = rejected;

        // A word of ASCII letters and digits folds to itself in lower case, so it can only match a pattern
        // whose needle is ASCII; words with anything else are always looked up. Non-ASCII needles need no search.
        static bool Searchable(string needle) => needle.Length > 0 && System.Text.Ascii.IsValid(needle);
        var triggers = table.Needles(id => isTrigger[id]).Where(Searchable).Distinct(StringComparer.Ordinal).ToArray();
        Strategy = strategy == MatchStrategy.Automatic
            ? triggers.Length <= MaxSearchNeedles ? MatchStrategy.Search : MatchStrategy.Tokenize
            : strategy;
        if (Strategy == MatchStrategy.Search)
        {
            // Needles that are not ASCII are not searched for: their words are found by their special characters,
            // which must then be looked at as far into a word as such a needle goes.
            var nonAscii = table.Needles(id => isTrigger[id]).Where(n => !Searchable(n)).Select(n => n.Length).DefaultIfEmpty(0).Max();
            triggerNeedles = SearchValues.Create(triggers, StringComparison.OrdinalIgnoreCase);
            // Folds are lower-case letters and digits; should one ever be anything else, SearchValues takes it as it is.
            wordStarts = WordStartSearch.IsSupported && triggers.All(WordStartSearch.CanSearchFor)
                ? new WordStartSearch(triggers, everySpecialCharacter: nonAscii > 0, follows: Follows(table.Patterns.Where((_, id) => isTrigger[id])))
                : null;
            needlePrefixes = new NeedlePrefixes(table.Needles(id => isTrigger[id]));
            var longest = triggers.Select(n => n.Length).DefaultIfEmpty(0).Max();
            needleSeen = Math.Max(nonAscii, wordStarts is null ? longest : Math.Min(longest, WordStartSearch.Positions));

            // Every pattern's needle but those of words only phrases have beside their anchor (checked there, see
            // collectLazy), when all are ones the search takes (ASCII, so no word is found only by its special
            // characters) and few enough for its buckets to tell them from other words.
            var all = table.Needles(id => !phraseOnly[id]).Distinct(StringComparer.Ordinal).ToArray();
            if (wordStarts is not null && all.Length is > 0 and <= MaxCollectNeedles && all.All(WordStartSearch.CanSearchFor))
            {
                collect = new WordStartSearch(all, follows: Follows(table.Patterns.Where((_, id) => !phraseOnly[id])));
                collectPrefixes = new NeedlePrefixes(all);
                collectSeen = Math.Min(all.Max(n => n.Length), WordStartSearch.Positions);
                collectLazy = phraseOnly.Contains(true) ? phraseOnly : null;
            }
        }

        // A word is looked up only when the filter says a pattern may have it (see WordFilter).
        filter = new WordFilter();
        foreach (var pattern in table.Patterns.Where(p => Searchable(p.Key)))
        {
            filter.Add(pattern);
        }

        if (isTrigger.Contains(false))
        {
            triggerFilter = new WordFilter();
            foreach (var pattern in table.Patterns.Where((p, id) => isTrigger[id] && Searchable(p.Key)))
            {
                triggerFilter.Add(pattern);
            }
        }

        // A word is looked up as a prefix of length n only when this filter has its first min(n, 4) characters and n.
        prefixFilter = new ulong[1 << (PrefixFilterBits - 6)];
        foreach (var prefix in table.Prefix.Keys)
        {
            var slot = PrefixSlot(prefix, prefix.Length);
            prefixFilter[slot >> 6] |= 1UL << (int)(slot & 63);
        }
    }

    /// <summary>The prefix filter's size: 2^16 bits (8 KiB, so it stays in the first-level cache).</summary>
    private const int PrefixFilterBits = 16;

    public static KeywordMatcher Empty { get; } = Compile([]);

    /// <summary>Enabled watches whose expressions compiled.</summary>
    public int WatchCount => watches.Length;

    /// <summary>How this matcher finds candidate words.</summary>
    public MatchStrategy Strategy { get; }

    /// <summary>Enabled watches left out because their expression does not parse: watch id → the error.</summary>
    public IReadOnlyDictionary<string, string> Rejected { get; }

    public static KeywordMatcher Compile(IEnumerable<Watch> watches) => Compile(watches, MatchStrategy.Automatic);

    public static KeywordMatcher Compile(IEnumerable<Watch> watches, MatchStrategy strategy)
    {
        var table = new PatternTable();
        var compiled = new List<CompiledWatch>();
        var phraseUse = new List<bool>();
        var otherUse = new List<bool>();
        var reach = 0;
        var rejected = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var watch in watches.Where(w => w.Enabled))
        {
            if (!WatchExpression.TryParse(watch.Expression, out var node, out var error))
            {
                rejected[watch.Id] = error!.Message;
                continue;
            }

            var index = compiled.Count;
            compiled.Add(new CompiledWatch(watch, CompileNode(node!, table)));
            PhraseUses(node!, table, phraseUse, otherUse);
            reach = Math.Max(reach, Reach(node!));
            foreach (var trigger in Triggers(node!) ?? [])
            {
                table.Trigger(trigger, index);
            }
        }

        return new KeywordMatcher([.. compiled], table, rejected, strategy, reach, [.. phraseUse.Select((p, id) => p && !otherUse[id])]);
    }

    /// <summary>
    /// Marks how <paramref name="node"/> uses each pattern (by id): as a word of a phrase that is not the phrase's
    /// anchor (its word with the longest needle, the one a phrase is triggered by), such as "the" in <c>"the ferry"</c>,
    /// or otherwise. A pattern with only the first kind of use is one collecting leaves out (<see cref="collectLazy"/>):
    /// each is checked beside its phrase's other words instead. Marked as watches compile, so that their expressions
    /// need not be kept.
    /// </summary>
    private static void PhraseUses(ExpressionNode node, PatternTable table, List<bool> phrase, List<bool> other)
    {
        switch (node)
        {
            case TermNode term:
                var anchor = Anchor(term);
                foreach (var word in term.Words)
                {
                    var id = table.Intern(word);
                    while (phrase.Count <= id)
                    {
                        phrase.Add(false);
                        other.Add(false);
                    }

                    (term.Words.Count > 1 && !ReferenceEquals(word, anchor) ? phrase : other)[id] = true;
                }

                break;
            case AndNode and:
                foreach (var operand in and.Operands)
                {
                    PhraseUses(operand, table, phrase, other);
                }

                break;
            case OrNode or:
                foreach (var operand in or.Operands)
                {
                    PhraseUses(operand, table, phrase, other);
                }

                break;
            case NotNode not:
                PhraseUses(not.Operand, table, phrase, other);
                break;
            case NearNode near:
                PhraseUses(near.Left, table, phrase, other);
                PhraseUses(near.Right, table, phrase, other);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(node), node, "Unknown expression node.");
        }
    }

    /// <summary>
    /// How many words apart two hits the evaluation of <paramref name="node"/> may compare, at most: a phrase's
    /// first and last words, and for <c>NEAR</c> the words between its sides plus both sides' own spans (its
    /// occurrences are looked for in a window that wide).
    /// </summary>
    private static int Reach(ExpressionNode node) => node switch
    {
        TermNode term => term.Words.Count - 1,
        NearNode near => Reach(near.Left) + Reach(near.Right) + near.MaxWordsBetween + 1,
        AndNode and => and.Operands.Max(Reach),
        OrNode or => or.Operands.Max(Reach),
        NotNode not => Reach(not.Operand),
        _ => throw new ArgumentOutOfRangeException(nameof(node), node, "Unknown expression node."),
    };

    /// <summary>Matches the title, standfirst and body; one result per watch whose expression holds with enough hits.</summary>
    public IReadOnlyList<WatchMatch> Match(Article article)
    {
        if (watches.Length == 0)
        {
            return [];
        }

        var searched = false;
        if (Strategy == MatchStrategy.Search && !statistics.Skip())
        {
            searched = true;
            var timed = statistics.TimeThisSearch();
            var started = timed ? Stopwatch.GetTimestamp() : 0;
            var triggered = false;
            var stops = 0;
            var characters = 0;
            var trigger = new TriggerVisitor(isTrigger);
            for (var s = 0; s < Segments && !triggered; s++)
            {
                var text = Segment(article, s).Text;
                triggered = SearchSegment(text, ref stops, characters, wordStarts, needlePrefixes!, needleSeen, ref trigger) != SearchEnd.Finished;
                characters += text.Length;
            }

            statistics.Searched(timed ? Stopwatch.GetTimestamp() - started : null, characters, triggered);
            if (!triggered)
            {
                return [];
            }
        }

        Scan? scan = null;
        var length = 0;
        var timePass = Strategy == MatchStrategy.Search && statistics.TimeThisPass();
        var passStarted = timePass ? Stopwatch.GetTimestamp() : 0;
        if (!searched && collect is null && triggerFilter is not null && triggerShare.Ask() && !triggerShare.Asked(HasTrigger(article)))
        {
            if (timePass)
            {
                statistics.Passed(Stopwatch.GetTimestamp() - passStarted, article.Title.Length + (article.Standfirst?.Length ?? 0) + article.Body.Length);
            }

            return [];
        }

        if (collect is null || !Collect(ref scan, article, ref length))
        {
            var word = 0;
            length = 0;
            for (var s = 0; s < Segments; s++)
            {
                var (field, text) = Segment(article, s);
                word = TokenizeSegment(ref scan, article, field, text, word);
                length += text.Length;
            }
        }

        if (timePass)
        {
            statistics.Passed(Stopwatch.GetTimestamp() - passStarted, length);
        }

        if (scan is null)
        {
            return [];
        }

        scan.Seal();
        foreach (var pattern in scan.SeenPatterns)
        {
            foreach (var w in watchesByPattern[pattern])
            {
                scan.Candidate(w);
            }
        }

        var matches = new List<WatchMatch>();
        var spans = new List<ClauseSpan>();
        for (var w = scan.NextCandidate(0); w >= 0; w = scan.NextCandidate(w))
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

        scan.Return();
        return matches;
    }

    /// <summary>
    /// Whether the search pays, measured as articles are matched. The search costs time on every article
    /// and saves the word pass on those it spares; it pays while its cost per character is below the
    /// word pass's cost per character times the share of articles it spares. Needles that are common
    /// letter sequences ("gen", "tas") make it slow and spare few, and then, for a while (<see cref="FirstBypass"/>
    /// articles, twice as many each time it is judged so again, up to <see cref="Bypass"/>), every article goes
    /// straight to the word pass, after which the search is tried again.
    /// One search in <see cref="TimeOneIn"/> is timed. Only speed depends on this: the word pass finds the same matches either way.
    /// </summary>
    private sealed class SearchStatistics
    {
        /// <summary>Timed searches between two judgements.</summary>
        private const int Sample = 32;

        /// <summary>One search in this many is timed (reading the clock costs about as much as searching a short article).</summary>
        private const int TimeOneIn = 8;

        /// <summary>
        /// A timed search counts as at most this many times what the word pass would have cost for the same
        /// characters: a search the thread was preempted in, or that met a collection, must not alone make
        /// the whole sample look slow.
        /// </summary>
        private const double MostPassesPerSearch = 4;

        /// <summary>
        /// Articles sent straight to the word pass when the search does not pay, before it is tried again:
        /// enough that the tries (a sample is <see cref="Sample"/> × <see cref="TimeOneIn"/> searches) cost little.
        /// </summary>
        private const int Bypass = 8192;

        /// <summary>
        /// Articles sent straight to the word pass the first time the search does not pay (or the first time
        /// after it did): a process's first searches can be judged on code not yet compiled at its best, and
        /// a misjudgement should not cost thousands of articles.
        /// </summary>
        private const int FirstBypass = 256;

        /// <summary>Articles sent to the word pass only to measure it, when none has needed it yet.</summary>
        private const int Probe = 4;

        /// <summary>Characters of word pass measured before its cost per character is trusted.</summary>
        private const int MinimumPassCharacters = 16_384;

        private readonly Lock gate = new();
        private double searchTicks;
        private long searchChars;
        private int timed;
        private long passTicks;
        private long passChars;
        private int bypass;
        private int nextBypass = FirstBypass;

        // Counted without a lock: when two threads race, a search more or less is counted or timed, which
        // changes nothing but the sample.
        private int searched;
        private int spared;
        private int passes;

        /// <summary>Whether to time the search about to start.</summary>
        public bool TimeThisSearch() => searched % TimeOneIn == 0;

        public bool Skip()
        {
            if (Volatile.Read(ref bypass) <= 0)
            {
                return false;
            }

            Interlocked.Decrement(ref bypass);
            return true;
        }

        /// <param name="ticks">What the search took, when it was timed.</param>
        public void Searched(long? ticks, int characters, bool triggered)
        {
            searched = unchecked(searched + 1);
            if (!triggered)
            {
                spared++;
            }

            if (ticks is not { } t)
            {
                return;
            }

            lock (gate)
            {
                var passCost = (double)passTicks / Math.Max(1, passChars);
                var measured = passChars >= MinimumPassCharacters;
                searchTicks += measured ? Math.Min(t, MostPassesPerSearch * passCost * characters) : t;
                searchChars += characters;
                if (++timed < Sample)
                {
                    return;
                }

                // Judge on this sample's search cost and share spared, against the word pass's cost so far
                // (measured on every article that needed it, searched first or not).
                var searchCost = searchTicks / Math.Max(1, searchChars);
                var sparedShare = (double)spared / (Sample * TimeOneIn);
                (searchTicks, searchChars, timed, spared) = (0, 0, 0, 0);
                if (!measured)
                {
                    // Every article so far was spared: send a few straight to the word pass, to know what it costs.
                    Volatile.Write(ref bypass, Probe);
                }
                else if (searchCost >= passCost * Math.Min(1, sparedShare))
                {
                    Volatile.Write(ref bypass, nextBypass);
                    nextBypass = Math.Min(Bypass, nextBypass * 2);
                }
                else
                {
                    nextBypass = FirstBypass;
                }
            }
        }

        /// <summary>
        /// Whether to time the recording about to start (collecting or the word pass): one in <see cref="TimeOneIn"/>,
        /// and every one until <see cref="MinimumPassCharacters"/> have been timed. Its cost per character is all the
        /// judgement needs (timing every article read the clock twice and took a lock for each: in a quick look at 64 dense
        /// watches, where every article is collected, no difference showed through the noise).
        /// </summary>
        public bool TimeThisPass() => Volatile.Read(ref passChars) < MinimumPassCharacters || unchecked(++passes) % TimeOneIn == 0;

        public void Passed(long ticks, int characters)
        {
            lock (gate)
            {
                passTicks += ticks;
                passChars += characters;
            }
        }
    }

    /// <summary>The article's texts <see cref="Segment"/> gives, in matching order.</summary>
    private const int Segments = 3;

    /// <summary>
    /// The article's text in matching order: title, standfirst, body. The body is searched and split as one
    /// string (its paragraph separator is not part of any word), so word numbers run on across paragraphs.
    /// </summary>
    private static (ArticleField Field, string Text) Segment(Article article, int segment) => segment switch
    {
        0 => (ArticleField.Title, article.Title),
        1 => (ArticleField.Standfirst, article.Standfirst ?? string.Empty),
        _ => (ArticleField.Body, article.Body),
    };

    /// <summary>
    /// The search for the words of <paramref name="t"/> that begin with one of the needles of <paramref name="starts"/>
    /// (<see cref="wordStarts"/>, the triggers', or <see cref="collect"/>, every pattern's): each word found with patterns
    /// is given to <paramref name="visitor"/>, until it says to stop. The
    /// vectorised search stops only where a word may start with a needle, and at apostrophes and
    /// non-ASCII characters: a word with one inside folds differently from its characters, so it is looked up
    /// when the special character is close enough to its start to be inside a needle and the characters before
    /// it may begin one. Everything in between is skipped unread.
    /// </summary>
    /// <remarks>
    /// Compiled fully optimised at once: the search's cost is measured from the first articles (see
    /// <see cref="SearchStatistics"/>), and unoptimised first code made it look slower than the word pass
    /// (measured: 64 needles on the BBC corpus, 1.2 GB/s for the first seconds of a process, 2.4 after).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private SearchEnd SearchSegment<TVisitor>(ReadOnlySpan<char> t, ref int stops, int searched, WordStartSearch? starts, NeedlePrefixes prefixes, int seen, ref TVisitor visitor)
        where TVisitor : struct, IWordVisitor
    {
        var pos = 0;
        var fallback = (Needle: -2, Special: -2);
        var window = default(WordStartSearch.Window);
        Span<int> found = stackalloc int[MostPatternsPerWord];
        RecentWords? recent = null;
        while (pos < t.Length)
        {
            var at = starts?.IndexOf(t, pos, ref window) ?? NextStop(t, pos, ref fallback);
            if (at < 0)
            {
                return SearchEnd.Finished;
            }

            var c = t[at];
            var special = c == '\'' || c > 0x7F;
            if (special && !IsSpecialWordChar(t, at))
            {
                // Punctuation (a quote, a dash): not in a word.
                pos = at + 1;
                continue;
            }

            // Needles that begin many words, or (without AVX2) occur inside many ("sea" in "search", "research"),
            // make the search stop and start again all the time; past one stop per so many characters it gives
            // up, and the word pass decides (the search for triggers counts that as a trigger found; collecting
            // leaves the article's hits to the word pass).
            if (++stops > 16 + ((searched + pos) / (starts is null ? CharactersPerStop : CharactersPerWordStartStop)))
            {
                return SearchEnd.GaveUp;
            }

            int start;
            if (special)
            {
                // The characters of a word before its first special one are its fold's first characters: when
                // there are at least as many as the needle search compares, it has seen the word as it is.
                start = at;
                while (start > 0 && at - start <= seen && InWordBefore(t, start))
                {
                    start--;
                }

                if (at - start >= seen && InWordBefore(t, start))
                {
                    pos = at + 1;
                    continue;
                }

                if (!IsWordChar(t[start]))
                {
                    start++;
                }

                // Else the word's fold begins with the characters before its special one: when no needle searched
                // for can begin so, neither can the word (the vectorised search has mostly left such out).
                if (!prefixes.MayBegin(t[start..at]))
                {
                    pos = at + 1;
                    continue;
                }
            }
            else
            {
                start = at;
                if (InWordBefore(t, start))
                {
                    // Inside a word whose start matched no needle: that word can only have a trigger if it has a
                    // special character, which the search also stops at.
                    pos = start + 1;
                    continue;
                }
            }

            var end = WordTokenizer.WordEnd(t, start);
            recent ??= RecentWords.For(id, found.Length);
            var count = recent.Get(t[start..end], found, out var slot);
            if (count < 0)
            {
                count = Patterns(t[start..end], found, filtered: true);
                recent.Set(t[start..end], found[..count], slot);
            }

            if (count > 0 && visitor.Word(start, end, found[..count]))
            {
                return SearchEnd.Stopped;
            }

            pos = end;
        }

        return SearchEnd.Finished;
    }

    /// <summary>How <see cref="SearchSegment"/> ended.</summary>
    private enum SearchEnd
    {
        /// <summary>It reached the end of the text.</summary>
        Finished,

        /// <summary>The visitor asked it to stop.</summary>
        Stopped,

        /// <summary>It stopped too often for its size (see <see cref="CharactersPerWordStartStop"/>).</summary>
        GaveUp,
    }

    /// <summary>What <see cref="SearchSegment"/> does with a word that has patterns.</summary>
    private interface IWordVisitor
    {
        /// <summary>The word <c>[start, end)</c> has <paramref name="patterns"/>; true to end the search.</summary>
        bool Word(int start, int end, ReadOnlySpan<int> patterns);
    }

    /// <summary>Ends the search at the first word with a trigger.</summary>
    private readonly struct TriggerVisitor(bool[] isTrigger) : IWordVisitor
    {
        public bool Word(int start, int end, ReadOnlySpan<int> patterns)
        {
            foreach (var pattern in patterns)
            {
                if (isTrigger[pattern])
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Records every word with patterns, as the word pass would but without its word number (see <see cref="Collect"/>).</summary>
    private struct CollectVisitor(KeywordMatcher matcher, Article article) : IWordVisitor
    {
        public Scan? Scan;

        public ArticleField Field;

        public bool Word(int start, int end, ReadOnlySpan<int> patterns)
        {
            // A word found for one needle may also have a pattern collecting leaves out ("the" for "the" and "theor"):
            // that is not recorded, so such a pattern is checked beside its phrases' anchors in every article alike.
            Span<int> kept = stackalloc int[patterns.Length];
            var count = 0;
            scoped var recorded = patterns;
            if (matcher.collectLazy is { } lazy)
            {
                foreach (var pattern in patterns)
                {
                    if (!lazy[pattern])
                    {
                        kept[count++] = pattern;
                    }
                }

                recorded = kept[..count];
            }

            if (recorded.Length > 0)
            {
                Scan ??= Scan.Rent(article, matcher, matcher.watchesByPattern.Length, matcher.watches.Length);
                Scan.Add(recorded, new Hit(Field, start, end - start, Word: 0));
            }

            return false;
        }
    }

    /// <summary>
    /// Records the article's hits by searching for every pattern's words (<see cref="collect"/>) instead of passing
    /// every word: where a trigger was found, the words with patterns are usually a small share of all. The hits
    /// are those the word pass records, in the same order; their word numbers are worked out when a phrase or
    /// <c>NEAR</c> first needs them (see <c>Scan.Number</c>). False, with nothing recorded, when the search gives up
    /// (its needles begin too many of the article's words); the word pass then does it.
    /// </summary>
    private bool Collect(ref Scan? scan, Article article, ref int length)
    {
        var visitor = new CollectVisitor(this, article);
        var stops = 0;
        for (var s = 0; s < Segments; s++)
        {
            var (field, text) = Segment(article, s);
            visitor.Field = field;
            if (SearchSegment(text, ref stops, length, collect, collectPrefixes!, collectSeen, ref visitor) == SearchEnd.GaveUp)
            {
                visitor.Scan?.Return();
                return false;
            }

            length += text.Length;
        }

        visitor.Scan?.Unnumbered(reach, collectLazy);
        scan = visitor.Scan;
        return true;
    }

    /// <summary>
    /// The search's next stop without AVX2: the nearer of the next needle anywhere (<c>SearchValues&lt;string&gt;</c>)
    /// and the next special word character, each searched again only once passed.
    /// </summary>
    private int NextStop(ReadOnlySpan<char> t, int pos, ref (int Needle, int Special) next)
    {
        if (next.Needle != -1 && next.Needle < pos)
        {
            var at = t[pos..].IndexOfAny(triggerNeedles!);
            next.Needle = at < 0 ? -1 : pos + at;
        }

        if (next.Special != -1 && next.Special < pos)
        {
            next.Special = NextSpecialWordChar(t, pos);
        }

        return next.Needle < 0 ? next.Special : next.Special < 0 ? next.Needle : Math.Min(next.Needle, next.Special);
    }

    /// <summary>Whether <c>t[q]</c>, an apostrophe or a non-ASCII character, is in a word: a word character, or an apostrophe between two.</summary>
    private static bool IsSpecialWordChar(ReadOnlySpan<char> t, int q) =>
        IsWordChar(t[q]) || (IsApostrophe(t[q]) && q > 0 && IsWordChar(t[q - 1]) && q + 1 < t.Length && IsWordChar(t[q + 1]));

    /// <summary>The next apostrophe inside a word, or non-ASCII word character, at or after <paramref name="from"/>; -1 if none.</summary>
    private static int NextSpecialWordChar(ReadOnlySpan<char> t, int from)
    {
        while (from < t.Length)
        {
            var at = t[from..].IndexOfAnyExcept(PlainAscii);
            if (at < 0)
            {
                return -1;
            }

            var q = from + at;
            if (IsSpecialWordChar(t, q))
            {
                return q;
            }

            from = q + 1;
        }

        return -1;
    }

    /// <summary>
    /// Every word is visited and numbered; a word is looked up only when it (or its fold) passes the word
    /// filter. Returns the next word number. <see cref="WordTokenizer.VisitRuns"/>
    /// finds the runs of word-like characters with vector instructions; a run of ASCII letters and digits
    /// only is exactly one word, any other is split one character at a time.
    /// </summary>
    private int TokenizeSegment(ref Scan? scan, Article article, ArticleField field, string text, int word)
    {
        var visitor = new WordPass(this, scan, article, field);
        word = WordTokenizer.VisitRuns(text, ref visitor, word);
        scan = visitor.Scan;
        return word;
    }

    /// <summary>
    /// Whether a word of the article has a trigger, asked before the word pass where no search has asked it (with
    /// <see cref="MatchStrategy.Tokenize"/>, or when the search steps aside and there is no collecting, which is
    /// itself a search and faster than this pass): a pass
    /// over the words that looks up only those passing <see cref="triggerFilter"/>, and stops at the first with a
    /// trigger. Common words that only phrases, NOTs or the other sides of AND and NEAR have ("the" in <c>"the
    /// ferry"</c>) are then not looked up in the articles no watch can match, which with many watches are most; an
    /// article with a trigger is passed again from its start, recording every pattern's words, so what this costs
    /// there is the words before its first trigger.
    /// </summary>
    private bool HasTrigger(Article article)
    {
        var visitor = new TriggerPass(this);
        for (var s = 0; s < Segments; s++)
        {
            if (WordTokenizer.VisitRuns(Segment(article, s).Text, ref visitor, 0) < 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether asking first if an article has a trigger (<see cref="HasTrigger"/>) pays, judged on the share of
    /// articles that have one. It spares the word pass's lookups of non-trigger words in an article without a
    /// trigger and costs the words before the first trigger in one with: with many watches, the articles most have
    /// nothing for (measured on the BBC corpus: 13 of 2,225 with a trigger of 10,000 watches, only 64 of them
    /// dense) or nearly all have something for (the dense watch sets: every article). While at least half of a
    /// sample have a trigger, only one article in <see cref="AskOneIn"/> is asked, so that a change is noticed.
    /// Counted without a lock: a race loses a count, which changes nothing but the sample. Only speed depends on
    /// this: the word pass finds the same matches either way.
    /// </summary>
    private sealed class TriggerShare
    {
        /// <summary>Articles asked between two judgements.</summary>
        private const int Sample = 64;

        /// <summary>While asking does not pay, one article in this many is still asked.</summary>
        private const int AskOneIn = 32;

        private int asked;
        private int triggered;
        private int passed;
        private volatile bool pays = true;

        /// <summary>For tests: ask every article (true) or none (false), whatever the share; null to judge.</summary>
        public bool? Fixed { get; set; }

        /// <summary>Whether to ask the article about to be matched.</summary>
        public bool Ask() => Fixed ?? (pays || unchecked(++passed) % AskOneIn == 0);

        /// <summary>Counts an article asked; returns <paramref name="found"/>.</summary>
        public bool Asked(bool found)
        {
            triggered += found ? 1 : 0;
            if (++asked >= Sample)
            {
                pays = triggered * 2 < asked;
                asked = 0;
                triggered = 0;
            }

            return found;
        }
    }

    private readonly struct TriggerPass(KeywordMatcher matcher) : WordTokenizer.IRunVisitor
    {
        private readonly WordFilter filter = matcher.triggerFilter!;

        public static bool Stops => true;

        /// <returns>-1 at a word with a trigger; otherwise a word number, which this pass does not need.</returns>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public int Run(ReadOnlySpan<char> text, int start, int end, bool plain, int word)
        {
            if (plain && !filter.Passes(text, start, end - start))
            {
                return 0;
            }

            return matcher.AnyTrigger(text, start, end, plain) ? -1 : 0;
        }
    }

    /// <summary>Whether a word of the run <c>t[from..to)</c> (one plain word, or split as the word pass splits) has a trigger.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private bool AnyTrigger(ReadOnlySpan<char> t, int from, int to, bool plain)
    {
        Span<int> found = stackalloc int[MostPatternsPerWord];
        for (var i = from; i < to;)
        {
            if (!IsWordChar(t[i]))
            {
                i++;
                continue;
            }

            var end = plain ? to : WordTokenizer.WordEnd(t, i);
            var count = Patterns(t[i..end], found, filtered: !plain);
            foreach (var pattern in found[..count])
            {
                if (isTrigger[pattern])
                {
                    return true;
                }
            }

            i = end;
        }

        return false;
    }

    private struct WordPass(KeywordMatcher matcher, Scan? scan, Article article, ArticleField field) : WordTokenizer.IRunVisitor
    {
        private readonly WordFilter filter = matcher.filter;

        public Scan? Scan = scan;

        /// <summary>
        /// One run of word-like characters between ASCII separators: one plain word, or split exactly. Most
        /// words are plain and fail the filter: that is all this does for them, inline.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public int Run(ReadOnlySpan<char> text, int start, int end, bool plain, int word)
        {
            if (plain && !filter.Passes(text, start, end - start))
            {
                return word + 1;
            }

            return plain
                ? matcher.LookUpPlain(ref Scan, article, field, text, start, end, word)
                : matcher.TokenizeRange(ref Scan, article, field, text, start, end, word);
        }
    }

    /// <summary>A plain word that passed the filter.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private int LookUpPlain(ref Scan? scan, Article article, ArticleField field, ReadOnlySpan<char> t, int start, int end, int word)
    {
        LookUp(ref scan, article, field, t[start..end], start, word, filtered: false);
        return word + 1;
    }

    /// <summary>
    /// The words of <c>t[from..to)</c> (a run with an apostrophe or a non-ASCII character), split as
    /// <see cref="WordTokenizer"/> splits them; each is numbered, and looked up when its fold's first
    /// characters pass the needle filter. Returns the next word number.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private int TokenizeRange(ref Scan? scan, Article article, ArticleField field, ReadOnlySpan<char> t, int from, int to, int word)
    {
        for (var i = from; i < to;)
        {
            if (!IsWordChar(t[i]))
            {
                i++;
                continue;
            }

            var end = WordTokenizer.WordEnd(t, i);
            LookUp(ref scan, article, field, t[i..end], i, word++, filtered: true);
            i = end;
        }

        return word;
    }

    private static ulong PrefixSlot(ReadOnlySpan<char> fold, int length) =>
        ((WordFilter.Pack(fold, Math.Min(length, 4)) ^ ((ulong)length << 58)) * 0x9E3779B97F4A7C15UL) >> (64 - PrefixFilterBits);

    /// <summary>Records the word when any pattern has it; <paramref name="filtered"/>: check its fold against the needle filter first.</summary>
    private void LookUp(ref Scan? scan, Article article, ArticleField field, ReadOnlySpan<char> span, int fieldStart, int word, bool filtered)
    {
        Span<int> found = stackalloc int[MostPatternsPerWord];
        var count = Patterns(span, found, filtered);
        if (count > 0)
        {
            scan ??= Scan.Rent(article, this, watchesByPattern.Length, watches.Length);
            scan.Add(found[..count], new Hit(field, fieldStart, span.Length, word));
        }
    }

    /// <summary>Folds and keys one word and writes the ids of the patterns that have it into <paramref name="found"/>; returns how many.</summary>
    [System.Runtime.CompilerServices.SkipLocalsInit]
    private int Patterns(ReadOnlySpan<char> span, Span<int> found, bool filtered = false)
    {
        Span<char> folded = stackalloc char[MaxBufferedWord];
        Span<char> stemmed = stackalloc char[MaxBufferedWord + 1];
        var count = 0;
        var length = FoldAscii(span, folded);

        // A possessive's key leaves its s out ("boss's" keys as "boss" does), its fold does not (see EnglishInflection.Key).
        var possessive = EnglishInflection.IsPossessive(span);
        if (length >= 0 && filtered && (length == 0 || (!filter.Passes(folded[..length]) && !(possessive && filter.Passes(folded[..(length - 1)])))))
        {
            return 0;
        }

        ReadOnlySpan<char> fold = length >= 0 ? folded[..length] : EnglishInflection.Fold(span);
        if (anyExact && index.Find(WordMatch.Exact, fold) is >= 0 and var e)
        {
            found[count++] = e;
        }

        foreach (var prefixLength in prefixLengths)
        {
            if (prefixLength > fold.Length)
            {
                break;
            }

            var slot = PrefixSlot(fold, prefixLength);
            if ((prefixFilter[slot >> 6] & (1UL << (int)(slot & 63))) != 0 && index.Find(WordMatch.Prefix, fold[..prefixLength]) is >= 0 and var p)
            {
                found[count++] = p;
            }
        }

        var stem = possessive && fold.Length > 0 ? fold[..^1] : fold;
        var stemLength = EnglishInflection.StemLengths(stem, out var appendY, out var second);
        ReadOnlySpan<char> key = stem[..stemLength];
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

        if (index.Find(WordMatch.Inflected, key) is >= 0 and var i)
        {
            found[count++] = i;
        }

        // "staffed" keys as "staf" and, with its doubled consonant, as "staff"; "Iraqis" as "iraqis" and "iraqi"
        // (EnglishInflection.SecondKey).
        if (second > 0 && index.Find(WordMatch.Inflected, stem[..second]) is >= 0 and var d)
        {
            found[count++] = d;
        }

        return count;
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
            if (c == '’')
            {
                continue;
            }

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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWordChar(char c) => WordTokenizer.IsWordChar(c);

    private static bool IsApostrophe(char c) => WordTokenizer.IsApostrophe(c);

    /// <summary>Whether the character before <paramref name="at"/> (a word character) belongs to the same word, as <see cref="WordTokenizer"/> splits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool InWordBefore(ReadOnlySpan<char> t, int at) =>
        at > 0 && (IsWordChar(t[at - 1]) || (IsApostrophe(t[at - 1]) && at > 1 && IsWordChar(t[at - 2])));

    private static List<KeywordHit> Explain(Scan scan, List<ClauseSpan> spans)
    {
        var hits = new List<KeywordHit>(spans.Count);
        if (spans.Count > 1)
        {
            spans.Sort(scan.SpanOrder);
        }

        // Sorted, a span given twice (an OR of the same term, NEAR occurrences sharing a word) is next to itself.
        for (var i = 0; i < spans.Count; i++)
        {
            var span = spans[i];
            if (i > 0 && scan.Same(span, spans[i - 1]))
            {
                continue;
            }

            var first = scan.Hits[span.First];
            var last = scan.Hits[span.Last];
            hits.Add(new KeywordHit(span.Clause, first.Field, scan.Text(first.Field), first.Start, last.Start + last.Length - first.Start));
        }

        return hits;
    }

    /// <summary>A NEAR and the NEARs it joins, each looking at no more than <paramref name="most"/> pairs in an article.</summary>
    private static NearCondition CompileNear(NearNode near, PatternTable table, long most) => new(
        near.Left is NearNode l ? CompileNear(l, table, most) : (Positional)CompileNode(near.Left, table),
        near.Right is NearNode r ? CompileNear(r, table, most) : (Positional)CompileNode(near.Right, table),
        near.MaxWordsBetween,
        most);

    /// <summary>How many NEARs a chain has.</summary>
    private static int Nears(ExpressionNode node) => node is NearNode near ? 1 + Nears(near.Left) + Nears(near.Right) : 0;

    private static Condition CompileNode(ExpressionNode node, PatternTable table) => node switch
    {
        TermNode term => new TermCondition(term.Clause, Interned(term.Words, table), term.Field),
        AndNode and => new AndCondition(CompileAll(and.Operands, table)),
        OrNode or => new OrCondition(CompileAll(or.Operands, table)),
        NotNode not => new NotCondition(CompileNode(not.Operand, table)),
        NearNode near => CompileNear(near, table, NearCondition.MostPairs / Nears(near)),
        _ => throw new ArgumentOutOfRangeException(nameof(node), node, "Unknown expression node."),
    };

    /// <summary>
    /// Word patterns one of which occurs whenever <paramref name="node"/> holds with a hit, or null when it
    /// never does (a negation holds only when its words are absent, so it contributes no hit). A phrase needs
    /// all its words, so its longest needle is enough; AND and NEAR need every operand, so the operand with
    /// the longest shortest needle is enough (long needles are rarer and search faster); OR needs any.
    /// </summary>
    private static List<WordPattern>? Triggers(ExpressionNode node)
    {
        switch (node)
        {
            case TermNode term:
                return Anchor(term) is { } anchor ? [anchor] : null;
            case NotNode:
                return null;
            case OrNode or:
                List<WordPattern>? all = null;
                foreach (var operand in or.Operands)
                {
                    if (Triggers(operand) is { } triggers)
                    {
                        (all ??= []).AddRange(triggers);
                    }
                }

                return all;
            case AndNode and:
                List<WordPattern>? chosen = null;
                foreach (var operand in and.Operands)
                {
                    chosen = Better(chosen, Triggers(operand));
                }

                return chosen;
            case NearNode near:
                return Better(Triggers(near.Left), Triggers(near.Right));
            default:
                throw new ArgumentOutOfRangeException(nameof(node), node, "Unknown expression node.");
        }

        // The one whose shortest needle is longer; between equals, the one with fewer; between those, the first.
        static List<WordPattern>? Better(List<WordPattern>? first, List<WordPattern>? second)
        {
            if (first is null || second is null)
            {
                return first ?? second;
            }

            var (a, b) = (Shortest(first), Shortest(second));
            return b > a || (b == a && second.Count < first.Count) ? second : first;
        }

        static int Shortest(List<WordPattern> triggers)
        {
            var shortest = int.MaxValue;
            foreach (var trigger in triggers)
            {
                shortest = Math.Min(shortest, NeedleLength(trigger));
            }

            return shortest;
        }
    }

    /// <summary>A term's word with the longest needle (the first of equals): what a phrase is triggered by. Null for no words.</summary>
    private static WordPattern? Anchor(TermNode term)
    {
        WordPattern? anchor = null;
        foreach (var word in term.Words)
        {
            if (anchor is null || NeedleLength(word) > NeedleLength(anchor))
            {
                anchor = word;
            }
        }

        return anchor;
    }

    /// <summary>The length of <see cref="Needle"/>, without making it.</summary>
    private static int NeedleLength(WordPattern pattern) =>
        pattern.Match == WordMatch.Inflected && pattern.Key.Length >= 3 && pattern.Key[^1] == 'y' ? pattern.Key.Length - 1 : pattern.Key.Length;

    private static int[] Interned(IReadOnlyList<WordPattern> words, PatternTable table)
    {
        var ids = new int[words.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = table.Intern(words[i]);
        }

        return ids;
    }

    private static Condition[] CompileAll(IReadOnlyList<ExpressionNode> nodes, PatternTable table)
    {
        var conditions = new Condition[nodes.Count];
        for (var i = 0; i < conditions.Length; i++)
        {
            conditions[i] = CompileNode(nodes[i], table);
        }

        return conditions;
    }

    /// <summary>
    /// Characters the fold of every word <paramref name="pattern"/> matches starts with: an exact fold or a
    /// prefix itself; an inflected key itself, or without its final "y" (<see cref="EnglishInflection.StemLength"/>
    /// only shortens a fold, then may append "y": "agencies" keys as "agency").
    /// </summary>
    private static string Needle(WordPattern pattern) =>
        pattern.Match == WordMatch.Inflected && pattern.Key.Length >= 3 && pattern.Key[^1] == 'y' ? pattern.Key[..^1] : pattern.Key;

    /// <summary>
    /// For the needle search: per trigger needle, each character that may come right after it in a word one of its
    /// patterns matches (<see cref="WordStartSearch.WordEnds"/> where the word may end there). An inflected key's
    /// words are among its forms (<see cref="EnglishInflection.Forms"/>, which the word filter relies on too), an
    /// exact fold's word is the fold; a prefix may go on with anything, so its needle has no entry.
    /// </summary>
    private static Dictionary<string, string> Follows(IEnumerable<WordPattern> triggers)
    {
        var follows = new Dictionary<string, string>(StringComparer.Ordinal);
        var anything = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pattern in triggers)
        {
            var needle = Needle(pattern);
            if (pattern.Match == WordMatch.Prefix)
            {
                anything.Add(needle);
                continue;
            }

            IEnumerable<string> words = pattern.Match == WordMatch.Exact ? [pattern.Key] : EnglishInflection.Forms(pattern.Key);
            var next = words.Where(w => w.StartsWith(needle, StringComparison.Ordinal))
                .Select(w => w.Length > needle.Length ? w[needle.Length] : WordStartSearch.WordEnds);
            follows[needle] = string.Concat(follows.GetValueOrDefault(needle, string.Empty).Concat(next).Distinct().Order());
        }

        // Only what the search can compare: a needle it takes, followed by letters and digits it takes.
        static bool Comparable(KeyValuePair<string, string> follow) =>
            WordStartSearch.CanSearchFor(follow.Key) && follow.Value.Length > 0
            && follow.Value.All(WordStartSearch.CanFollow);
        return follows.Where(f => !anything.Contains(f.Key) && Comparable(f)).ToDictionary(StringComparer.Ordinal);
    }

    private sealed record CompiledWatch(Watch Watch, Condition Root);

    /// <summary>The distinct word patterns of all watches, each with an id and the watches that use it.</summary>
    private sealed class PatternTable
    {
        public Dictionary<string, int> Inflected { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Exact { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> Prefix { get; } = new(StringComparer.Ordinal);

        /// <summary>(pattern id, watch) for each watch a pattern makes a candidate, in the order watches compile.</summary>
        private readonly List<(int Pattern, int Watch)> triggers = [];

        /// <summary>Pattern id → how many watches it makes candidates, and the last one (-1 for none).</summary>
        private readonly List<(int Count, int Last)> users = [];

        public int Intern(WordPattern pattern)
        {
            var table = pattern.Match switch
            {
                WordMatch.Exact => Exact,
                WordMatch.Prefix => Prefix,
                _ => Inflected,
            };
            if (!table.TryGetValue(pattern.Key, out var id))
            {
                id = Patterns.Count;
                table[pattern.Key] = id;
                users.Add((0, -1));
                Patterns.Add(pattern);
            }

            return id;
        }

        /// <summary>Makes <paramref name="watch"/> a candidate whenever <paramref name="pattern"/> is seen.</summary>
        public void Trigger(WordPattern pattern, int watch)
        {
            var id = Intern(pattern);
            if (users[id].Last != watch)
            {
                users[id] = (users[id].Count + 1, watch);
                triggers.Add((id, watch));
            }
        }

        /// <summary>Pattern id → the watches it makes candidates, in order (empty unless it is one of their triggers).</summary>
        public int[][] WatchesByPattern()
        {
            var byPattern = new int[users.Count][];
            for (var id = 0; id < byPattern.Length; id++)
            {
                byPattern[id] = users[id].Count == 0 ? [] : new int[users[id].Count];
            }

            var filled = new int[users.Count];
            foreach (var (pattern, watch) in triggers)
            {
                byPattern[pattern][filled[pattern]++] = watch;
            }

            return byPattern;
        }

        /// <summary>The <see cref="Needle"/> of each pattern whose id passes <paramref name="include"/>.</summary>
        public IEnumerable<string> Needles(Func<int, bool> include) =>
            Patterns.Where((_, id) => include(id)).Select(Needle);

        /// <summary>Every pattern, at its id.</summary>
        public List<WordPattern> Patterns { get; } = [];
    }

    /// <summary>A word that some pattern has: its field, where in the field, and its word number across the article.</summary>
    private readonly record struct Hit(ArticleField Field, int Start, int Length, int Word);

    /// <summary>
    /// A matched term or phrase: the clause, the field it is scoped to (null for all), and the first and last hit
    /// it covers. The scope is part of the clause: <c>title:sanctions OR sanctions</c> is two clauses, so a title
    /// "Sanctions" is two hits of it, though both report the keyword "sanctions".
    /// </summary>
    private readonly record struct ClauseSpan(string Clause, ArticleField? Scope, int First, int Last);

    /// <summary>Where a positional expression holds: the first and last hit it covers.</summary>
    private readonly record struct Occurrence(int First, int Last)
    {
        public long Key => ((long)First << 32) | (uint)Last;
    }

    /// <summary>
    /// Where a positional expression holds in one article: each place once (<see cref="Items"/>, in order of first
    /// word, then last), and for a NEAR what its sides found, so that the hits can be collected afterwards from
    /// the places that made the whole expression hold (<see cref="Positional.Collect"/>). A chain over a word the
    /// article repeats reaches the same place in very many ways ("a a a a", <c>a NEAR a NEAR a</c>); each place is
    /// kept once, so what a chain costs grows with the places, not with the ways.
    /// </summary>
    private sealed class Found(List<Occurrence> items)
    {
        public static readonly Found None = new([]);

        public List<Occurrence> Items { get; } = items;

        public Found? Left { get; init; }

        public Found? Right { get; init; }

        /// <summary>For a NEAR, the pairs of its sides' places it looked at (see <see cref="NearCondition.MostPairs"/>).</summary>
        public long Pairs { get; init; }

        /// <summary>For a NEAR, where each place is in <see cref="Items"/>, by <see cref="Occurrence.Key"/>.</summary>
        public Dictionary<long, int>? Index { get; init; }
    }

    /// <summary>
    /// One article's hits, in text order, and which hits each word pattern has. Recorded as (pattern, hit)
    /// pairs while the words are passed, then grouped by pattern once (<see cref="Seal"/>). Its arrays are
    /// kept for the next article matched on the same thread (<see cref="Rent"/>, <see cref="Return"/>): an
    /// article with common watched words records hundreds of thousands of hits, and allocating for each was
    /// most of what matching it cost.
    /// </summary>
    private sealed class Scan
    {
        [ThreadStatic]
        private static Scan? kept;

        private readonly List<int> seen = [];
        private Article article = null!;
        private KeywordMatcher matcher = null!;
        private Hit[] hits = new Hit[64];
        private int hitCount;
        private int[] pairPatterns = new int[64];
        private int[] pairHits = new int[64];
        private int pairCount;

        // Pattern id → where its hits start in byPattern, and how many; zero for every pattern not in `seen`.
        private int[] starts = [];
        private int[] counts = [];
        private int[] byPattern = new int[64];

        // Candidate watches, one bit each; all clear between articles.
        private ulong[] candidates = [];

        // Set when the hits were recorded without word numbers (see Unnumbered): the most words apart that matter.
        private int unnumberedReach;

        // Set when the hits were collected leaving these patterns out (see Unnumbered).
        private bool[]? lazy;

        // Orders clause spans by where they are in the article (see Explain).
        private Comparison<ClauseSpan>? spanOrder;

        public ReadOnlySpan<Hit> Hits => hits.AsSpan(0, hitCount);

        /// <summary>The patterns with at least one hit, after <see cref="Seal"/>.</summary>
        public List<int> SeenPatterns => seen;

        public static Scan Rent(Article article, KeywordMatcher matcher, int patterns, int watches)
        {
            var scan = kept ?? new Scan();
            kept = null;
            scan.article = article;
            scan.matcher = matcher;
            if (scan.counts.Length < patterns)
            {
                scan.counts = new int[patterns];
                scan.starts = new int[patterns];
            }

            if (scan.candidates.Length < (watches + 63) / 64)
            {
                scan.candidates = new ulong[(watches + 63) / 64];
            }

            return scan;
        }

        /// <summary>
        /// Clears what this article recorded and keeps the arrays for the next one on this thread, unless an
        /// exceptionally long article grew them past <see cref="MaxKeptHits"/> (they would be held for as long as the thread lives).
        /// </summary>
        public void Return()
        {
            foreach (var pattern in seen)
            {
                counts[pattern] = 0;
            }

            seen.Clear();
            hitCount = pairCount = 0;
            unnumberedReach = 0;
            lazy = null;
            article = null!;
            matcher = null!;
            if (hits.Length <= MaxKeptHits && pairPatterns.Length <= MaxKeptHits)
            {
                kept = this;
            }
        }

        /// <summary>Hits a kept scan may have room for: 64K (about 1 MB of arrays); an article of 5,000 words records at most 5,000.</summary>
        private const int MaxKeptHits = 1 << 16;

        public void Add(ReadOnlySpan<int> patterns, Hit hit)
        {
            if (hitCount == hits.Length)
            {
                Array.Resize(ref hits, hits.Length * 2);
            }

            if (pairCount + patterns.Length > pairPatterns.Length)
            {
                Array.Resize(ref pairPatterns, Math.Max(pairPatterns.Length * 2, pairCount + patterns.Length));
                Array.Resize(ref pairHits, pairPatterns.Length);
            }

            var id = hitCount;
            hits[hitCount++] = hit;
            foreach (var pattern in patterns)
            {
                pairPatterns[pairCount] = pattern;
                pairHits[pairCount++] = id;
            }
        }

        /// <summary>Groups the recorded hits by pattern, each group in text order.</summary>
        public void Seal()
        {
            for (var i = 0; i < pairCount; i++)
            {
                if (counts[pairPatterns[i]]++ == 0)
                {
                    seen.Add(pairPatterns[i]);
                }
            }

            // starts[p] is first the end of p's group; filling backwards moves it to the group's start.
            var end = 0;
            foreach (var pattern in seen)
            {
                end += counts[pattern];
                starts[pattern] = end;
            }

            if (byPattern.Length < pairCount)
            {
                byPattern = new int[Math.Max(byPattern.Length * 2, pairCount)];
            }

            for (var i = pairCount - 1; i >= 0; i--)
            {
                byPattern[--starts[pairPatterns[i]]] = pairHits[i];
            }
        }

        /// <summary>The hits of <paramref name="pattern"/>, ascending (empty when it has none).</summary>
        public ReadOnlySpan<int> Seen(int pattern) => counts[pattern] == 0 ? [] : byPattern.AsSpan(starts[pattern], counts[pattern]);

        public void Candidate(int watch) => candidates[watch >> 6] |= 1UL << watch;

        /// <summary>The next candidate watch at or after <paramref name="from"/>, clearing the ones passed over; -1 when none is left.</summary>
        public int NextCandidate(int from)
        {
            for (var i = from >> 6; i < candidates.Length; i++)
            {
                if (candidates[i] != 0)
                {
                    var bit = System.Numerics.BitOperations.TrailingZeroCount(candidates[i]);
                    candidates[i] &= candidates[i] - 1;
                    return (i << 6) + bit;
                }
            }

            return -1;
        }

        public int Word(int hit)
        {
            if (unnumberedReach > 0)
            {
                Number();
            }

            return hits[hit].Word;
        }

        /// <summary>
        /// The hits were recorded without word numbers, by a search that reads only the words with patterns; no
        /// phrase or <c>NEAR</c> compares two hits more than <paramref name="reach"/> words apart.
        /// </summary>
        public void Unnumbered(int reach, bool[]? leftOut)
        {
            unnumberedReach = reach;
            lazy = leftOut;
        }

        /// <summary>
        /// Whether <paramref name="pattern"/> was left out of the hits (collected without it): its words are then
        /// found beside the hits of the other words of its phrases (<see cref="Beside"/>).
        /// </summary>
        public bool LeftOut(int pattern) => lazy is { } l && l[pattern];

        /// <summary>
        /// The word <paramref name="words"/> words after the hit <paramref name="at"/> (before it when negative), in
        /// the same field, recorded as a hit when it has <paramref name="pattern"/>: its index, or -1. Its word number
        /// is the anchor's plus <paramref name="words"/>, which is what the word pass would have given it.
        /// </summary>
        public int Beside(int at, int words, int pattern)
        {
            var anchor = hits[at];
            var text = Text(anchor.Field).AsSpan();
            int start = anchor.Start, end = anchor.Start + anchor.Length;
            for (var k = words; k < 0; k++)
            {
                // Back over what separates the words, then to the start of the word before.
                var p = start - 1;
                while (p >= 0 && !IsWordChar(text[p]))
                {
                    p--;
                }

                if (p < 0)
                {
                    return -1;
                }

                end = p + 1;
                start = p;
                while (InWordBefore(text, start))
                {
                    start--;
                }
            }

            for (var k = 0; k < words; k++)
            {
                start = end;
                while (start < text.Length && !IsWordChar(text[start]))
                {
                    start++;
                }

                if (start == text.Length)
                {
                    return -1;
                }

                end = WordTokenizer.WordEnd(text, start);
            }

            Span<int> found = stackalloc int[matcher.MostPatternsPerWord];
            var count = matcher.Patterns(text[start..end], found);
            if (!found[..count].Contains(pattern))
            {
                return -1;
            }

            if (hitCount == hits.Length)
            {
                Array.Resize(ref hits, hits.Length * 2);
            }

            hits[hitCount] = new Hit(anchor.Field, start, end - start, anchor.Word + words);
            return hitCount++;
        }

        /// <summary>Of two hits, the one earlier in the article.</summary>
        public int Earlier(int a, int b) => Compare(a, b) <= 0 ? a : b;

        /// <summary>Of two hits, the one later in the article.</summary>
        public int Later(int a, int b) => Compare(a, b) <= 0 ? b : a;

        /// <summary>Clause spans in article order: by where their first hit is, then their last, then the clause and its scope.</summary>
        public Comparison<ClauseSpan> SpanOrder => spanOrder ??= (x, y) =>
        {
            var c = Compare(x.First, y.First);
            return c != 0 ? c
                : (c = Compare(x.Last, y.Last)) != 0 ? c
                : (c = string.CompareOrdinal(x.Clause, y.Clause)) != 0 ? c
                : ScopeOrder(x.Scope).CompareTo(ScopeOrder(y.Scope));
        };

        /// <summary>Whether two clause spans cover the same words with the same clause in the same scope.</summary>
        public bool Same(ClauseSpan x, ClauseSpan y) =>
            Compare(x.First, y.First) == 0 && Compare(x.Last, y.Last) == 0 && x.Clause == y.Clause && x.Scope == y.Scope;

        private static int ScopeOrder(ArticleField? scope) => scope is { } field ? (int)field : -1;

        private int Compare(int a, int b) => a == b ? 0 : hits[a].Field != hits[b].Field ? hits[a].Field.CompareTo(hits[b].Field) : hits[a].Start.CompareTo(hits[b].Start);

        /// <summary>
        /// Numbers the hits by counting the words between each and the one before it, but no more than the reach:
        /// two hits are then exactly as many words apart as in the text when that is at most the reach, and more than
        /// the reach apart when they are further (each gap counts for at most reach + 1, and a gap beyond the reach
        /// alone is already more). A new field begins more than the reach from the last. Phrases and <c>NEAR</c>
        /// compare nothing else, so they find what they would with every word numbered.
        /// </summary>
        private void Number()
        {
            var reach = unnumberedReach;
            unnumberedReach = 0;
            var word = 0;
            var field = (ArticleField)(-1);
            var after = 0;
            var text = string.Empty;
            for (var i = 0; i < hitCount; i++)
            {
                var hit = hits[i];
                if (hit.Field != field)
                {
                    (field, text, after) = (hit.Field, Text(hit.Field), 0);
                    word += reach + 1;
                }

                word += 1 + WordTokenizer.CountWords(text.AsSpan(after, hit.Start - after), reach);
                hits[i] = hit with { Word = word };
                after = hit.Start + hit.Length;
            }
        }

        /// <summary>The hit of <paramref name="pattern"/> at word number <paramref name="word"/>, or -1.</summary>
        public int Find(int pattern, int word)
        {
            if (unnumberedReach > 0)
            {
                Number();
            }

            var list = Seen(pattern);
            int lo = 0, hi = list.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (Word(list[mid]) < word)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo < list.Length && hits[list[lo]].Word == word ? list[lo] : -1;
        }

        public string Text(ArticleField field) => field switch
        {
            ArticleField.Title => article.Title,
            ArticleField.Standfirst => article.Standfirst ?? string.Empty,
            _ => article.Body,
        };
    }

    private abstract class Condition
    {
        /// <summary>Whether the condition holds; when it does, adds the clause spans that make it hold.</summary>
        public abstract bool Evaluate(Scan scan, List<ClauseSpan> spans);
    }

    private abstract class Positional : Condition
    {
        /// <summary>Every place the expression holds, each once, ordered by first word, then last.</summary>
        public abstract Found Occurrences(Scan scan);

        /// <summary>Adds the clause spans of the places in <paramref name="found"/> that are <paramref name="wanted"/> (all when null).</summary>
        public abstract void Collect(Scan scan, Found found, bool[]? wanted, List<ClauseSpan> spans);

        public override bool Evaluate(Scan scan, List<ClauseSpan> spans)
        {
            var found = Occurrences(scan);
            if (found.Items.Count == 0)
            {
                return false;
            }

            Collect(scan, found, null, spans);
            return true;
        }
    }

    private sealed class TermCondition(string clause, int[] patterns, ArticleField? field) : Positional
    {
        public override bool Evaluate(Scan scan, List<ClauseSpan> spans)
        {
            if (patterns.Length > 1)
            {
                return base.Evaluate(scan, spans);
            }

            // One word: every hit of its pattern in scope is an occurrence; no positions are needed.
            var list = scan.Seen(patterns[0]);
            var any = false;
            foreach (var at in list)
            {
                if (field is not { } only || scan.Hits[at].Field == only)
                {
                    spans.Add(new ClauseSpan(clause, field, at, at));
                    any = true;
                }
            }

            return any;
        }

        public override void Collect(Scan scan, Found found, bool[]? wanted, List<ClauseSpan> spans)
        {
            for (var i = 0; i < found.Items.Count; i++)
            {
                if (wanted is null || wanted[i])
                {
                    spans.Add(new ClauseSpan(clause, field, found.Items[i].First, found.Items[i].Last));
                }
            }
        }

        public override Found Occurrences(Scan scan)
        {
            var found = new List<Occurrence>();
            Find(scan, found);

            // In order of first word, as a NEAR that has this term on its right needs (see NearCondition.Pairs).
            found.Sort((a, b) => scan.Word(a.First).CompareTo(scan.Word(b.First)));

            return found.Count == 0 ? Found.None : new Found(found);
        }

        private void Find(Scan scan, List<Occurrence> found)
        {
            // Anchor on the word seen least often ("the" in "the ferry" is everywhere), and stop at once if one is
            // unseen. Words left out of collected hits are looked for beside the anchor's.
            var anchor = -1;
            for (var k = 0; k < patterns.Length; k++)
            {
                if (scan.LeftOut(patterns[k]))
                {
                    continue;
                }

                var seen = scan.Seen(patterns[k]).Length;
                if (seen == 0)
                {
                    return;
                }

                if (anchor < 0 || seen < scan.Seen(patterns[anchor]).Length)
                {
                    anchor = k;
                }
            }

            foreach (var at in scan.Seen(patterns[anchor]))
            {
                var where = scan.Hits[at].Field;
                if (field is { } only && where != only)
                {
                    continue;
                }

                if (patterns.Length == 1)
                {
                    found.Add(new Occurrence(at, at));
                    continue;
                }

                var start = scan.Word(at) - anchor;
                int first = at, last = at;
                var whole = start >= 0;
                for (var k = 0; k < patterns.Length && whole; k++)
                {
                    if (k == anchor)
                    {
                        continue;
                    }

                    var hit = scan.LeftOut(patterns[k]) ? scan.Beside(at, k - anchor, patterns[k]) : scan.Find(patterns[k], start + k);
                    whole = hit >= 0 && scan.Hits[hit].Field == where;
                    first = k == 0 ? hit : first;
                    last = k == patterns.Length - 1 ? hit : last;
                }

                if (whole)
                {
                    found.Add(new Occurrence(first, last));
                }
            }
        }
    }

    /// <summary>
    /// Hashes <see cref="Occurrence.Key"/>s well: a long's own hash folds its halves together with XOR, and the first
    /// and last hits of nearby places differ in a few low bits, so a NEAR's places would share a few hundred hashes.
    /// </summary>
    private sealed class PlaceKeys : IEqualityComparer<long>
    {
        public static readonly PlaceKeys Instance = new();

        public bool Equals(long x, long y) => x == y;

        public int GetHashCode(long key) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> 32);
    }

    private sealed class NearCondition(Positional left, Positional right, int maxBetween, long most) : Positional
    {
        /// <summary>
        /// The most pairs of a left and a right place the NEARs of one chain look at in one article, together; each
        /// NEAR of the chain looks at no more than its share (<c>most</c>). Only an article that repeats a
        /// chain's words hundreds of times within reach of each other comes near it (a thousand-word article of one
        /// word, <c>a NEAR/100 a NEAR/100 a</c>, has about 20 million); there the pairs each NEAR looks at first (in
        /// text order) decide, which bounds the time one article can take. The places those pairs make are places the
        /// chain holds, so a chain over a word repeated that often still holds, with fewer hits than it could show.
        /// </summary>
        public const long MostPairs = 1 << 22;

        public override Found Occurrences(Scan scan)
        {
            var lefts = left.Occurrences(scan);
            if (lefts.Items.Count == 0)
            {
                return Found.None;
            }

            var rights = right.Occurrences(scan);
            if (rights.Items.Count == 0)
            {
                return Found.None;
            }

            var index = new Dictionary<long, int>(PlaceKeys.Instance);
            var items = new List<Occurrence>();
            var pairs = Pairs(scan, lefts.Items, rights.Items, most, (l, r) =>
            {
                var place = new Occurrence(scan.Earlier(lefts.Items[l].First, rights.Items[r].First), scan.Later(lefts.Items[l].Last, rights.Items[r].Last));
                if (index.TryAdd(place.Key, items.Count))
                {
                    items.Add(place);
                }
            });
            if (items.Count == 0)
            {
                return Found.None;
            }

            // The places in order, as a NEAR that has this one on its right needs (see Pairs), and where each now is.
            items.Sort((a, b) =>
            {
                var c = scan.Word(a.First).CompareTo(scan.Word(b.First));
                return c != 0 ? c : scan.Word(a.Last).CompareTo(scan.Word(b.Last));
            });
            for (var i = 0; i < items.Count; i++)
            {
                index[items[i].Key] = i;
            }

            return new Found(items) { Left = lefts, Right = rights, Pairs = pairs, Index = index };
        }

        public override void Collect(Scan scan, Found found, bool[]? wanted, List<ClauseSpan> spans)
        {
            var lefts = found.Left!;
            var rights = found.Right!;
            var leftWanted = new bool[lefts.Items.Count];
            var rightWanted = new bool[rights.Items.Count];

            // The same pairs as when the places were found: a side's place is a hit's when it is in a wanted place.
            Pairs(scan, lefts.Items, rights.Items, found.Pairs, (l, r) =>
            {
                if (wanted is null || wanted[found.Index![new Occurrence(scan.Earlier(lefts.Items[l].First, rights.Items[r].First), scan.Later(lefts.Items[l].Last, rights.Items[r].Last)).Key]])
                {
                    leftWanted[l] = true;
                    rightWanted[r] = true;
                }
            });

            left.Collect(scan, lefts, leftWanted, spans);
            right.Collect(scan, rights, rightWanted, spans);
        }

        /// <summary>
        /// Calls <paramref name="near"/> with each left and right place that are near each other: in the same field,
        /// not sharing a word, with at most <c>maxBetween</c> words between them. First every right place after a left
        /// one, then every left place after a right one, each found from where it may start (both sides are ordered by
        /// first word), so that nearly every pair looked at is near: places that share words are never looked at, and a
        /// chain whose places overlap by the thousand (a repeated word) still finds near pairs before its budget ends.
        /// Looks at no more than <paramref name="most"/> pairs; returns how many it looked at.
        /// </summary>
        private long Pairs(Scan scan, List<Occurrence> lefts, List<Occurrence> rights, long most, Action<int, int> near)
        {
            long pairs = 0;
            for (var pass = 0; pass < 2; pass++)
            {
                var (firsts, seconds) = pass == 0 ? (lefts, rights) : (rights, lefts);
                for (var i = 0; i < firsts.Count; i++)
                {
                    var last = scan.Word(firsts[i].Last);
                    var field = scan.Hits[firsts[i].First].Field;
                    for (var k = FirstStartingAtOrAfter(scan, seconds, last + 1); k < seconds.Count && scan.Word(seconds[k].First) <= last + maxBetween + 1; k++)
                    {
                        if (pairs++ == most)
                        {
                            return most;
                        }

                        if (scan.Hits[seconds[k].First].Field == field)
                        {
                            if (pass == 0)
                            {
                                near(i, k);
                            }
                            else
                            {
                                near(k, i);
                            }
                        }
                    }
                }
            }

            return pairs;
        }

        private static int FirstStartingAtOrAfter(Scan scan, List<Occurrence> sorted, int word)
        {
            int lo = 0, hi = sorted.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (scan.Word(sorted[mid].First) < word)
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
