using System.Globalization;
using System.Text;

namespace Ingest.Domain.Matching;

/// <summary>
/// Folds a word to a match key: lower case, diacritics and apostrophes removed, and simple English
/// inflections stripped, so "sanction", "sanctions", "sanctioned" and "sanctioning" share one key
/// while "sanctimonious" does not. Deliberately small: it must be fast and predictable, not linguistic.
/// </summary>
public static class EnglishInflection
{
    public static string Key(ReadOnlySpan<char> word) => Stem(Unpossessed(word));

    /// <summary>The word's fold, less a possessive's s: what its keys are cut from.</summary>
    private static string Unpossessed(ReadOnlySpan<char> word)
    {
        var fold = Fold(word);
        return IsPossessive(word) ? fold[..^1] : fold;
    }

    /// <summary>
    /// Whether the word ends in a possessive <c>'s</c> or <c>’s</c> ("Belarus’s", "boss's", "UK's"), whose s its key
    /// leaves out before the suffixes are stripped (the fold, which removes only the apostrophe, keeps it).
    /// </summary>
    public static bool IsPossessive(ReadOnlySpan<char> word) =>
        word.Length >= 3 && word[^1] is 's' or 'S' && WordTokenizer.IsApostrophe(word[^2]);

    /// <summary>Lower-cases and strips diacritics and apostrophes ("Café’s" → "cafes").</summary>
    public static string Fold(ReadOnlySpan<char> word)
    {
        var simple = true;
        foreach (var c in word)
        {
            if (c > 0x7F || c is '\'' || char.IsUpper(c))
            {
                simple = false;
                break;
            }
        }

        if (simple)
        {
            return word.ToString();
        }

        var decomposed = word.ToString().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (c is '\'' or '’' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = CaseFolded(char.ToLowerInvariant(c));
            if (Unaccented(lower) is { } plain)
            {
                folded.Append(plain);
            }
            else
            {
                folded.Append(lower);
            }
        }

        return folded.ToString();
    }

    /// <summary>
    /// Lower-case letters that Unicode case folding writes as another one: Greek final sigma as sigma ("ΟΔΟΣ" and
    /// "οδός" fold alike), the long s as s, the micro sign as mu, and the Greek symbol forms of beta, theta, phi, pi,
    /// kappa, rho and epsilon as those letters.
    /// </summary>
    private static char CaseFolded(char c) => c switch
    {
        'ς' => 'σ',
        'ſ' => 's',
        'µ' => 'μ',
        'ϐ' => 'β',
        'ϑ' => 'θ',
        'ϕ' => 'φ',
        'ϖ' => 'π',
        'ϰ' => 'κ',
        'ϱ' => 'ρ',
        'ϵ' => 'ε',
        _ => c,
    };

    /// <summary>
    /// Latin letters whose mark Unicode does not decompose (a stroke, a ligature), as the letters they are written
    /// without: "Łódź" folds as "lodz", "København" as "kobenhavn", "Straße" as "strasse".
    /// </summary>
    private static string? Unaccented(char c) => c switch
    {
        'ł' => "l",
        'ø' => "o",
        'đ' => "d",
        'ð' => "d",
        'ħ' => "h",
        'ı' => "i",
        'ŧ' => "t",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        _ => null,
    };

    /// <summary>Strips a regular English suffix from an already folded word.</summary>
    public static string Stem(string w)
    {
        var length = StemLength(w, out var appendY);
        return appendY ? string.Concat(w.AsSpan(0, length), "y") : length == w.Length ? w : w[..length];
    }

    /// <summary>
    /// <see cref="Stem"/> without allocating: the stem is the first <c>return</c> characters of
    /// <paramref name="w"/>, followed by "y" when <paramref name="appendY"/> ("agencies" → "agenc" + "y").
    /// </summary>
    public static int StemLength(ReadOnlySpan<char> w, out bool appendY) => StemLengths(w, out appendY, out _);

    /// <summary>
    /// The word's second key, where it has one, for a form its key cannot tell apart from another word's:
    /// <list type="bullet">
    /// <item>when its <c>-ed</c> or <c>-ing</c> follows a doubled consonant, which its key undoubles ("banned" keys as
    /// "ban"), the word keys as well with the consonant kept, so that "staffed" and "boycotting" key as "staff" and
    /// "boycott" too;</item>
    /// <item>a word of four letters or more ending in <c>-is</c> or <c>-us</c>, which keeps its s ("crisis", "status"),
    /// keys as well without it, so that "Iraqis" and "menus" key as "iraqi" and "menu" too;</item>
    /// <item>a four-letter word ending in <c>-ed</c> or <c>-es</c> after an e (not "-eed"), which keeps its ending,
    /// keys as well as the three-letter word: "died" and "ties" as "die" and "tie".</item>
    /// </list>
    /// Null for every other word. The second key is always the word's fold (less a possessive's s) cut short.
    /// </summary>
    public static string? SecondKey(ReadOnlySpan<char> word)
    {
        var stem = Unpossessed(word);
        StemLengths(stem, out _, out var second);
        return second > 0 ? stem[..second] : null;
    }

    /// <summary>
    /// <see cref="StemLength"/>, and in <paramref name="second"/> the length of the word's second key (see
    /// <see cref="SecondKey"/>), a prefix of <paramref name="w"/>, or 0 when there is none.
    /// </summary>
    public static int StemLengths(ReadOnlySpan<char> w, out bool appendY, out int second)
    {
        appendY = false;
        second = 0;
        if (w.Length <= 3 || !char.IsLetter(w[^1]) || InvariantLookup.Contains(w))
        {
            return w.Length;
        }

        int n;
        if (w.Length > 4 && w.EndsWith("ie", StringComparison.Ordinal))
        {
            // "-ie" keys as "-y", which is what "-ies" and "-ied" key as: "movie" and "movies" share "movy".
            appendY = true;
            return w.Length - 2;
        }

        if (w.EndsWith("ies", StringComparison.Ordinal) || w.EndsWith("ied", StringComparison.Ordinal))
        {
            if (w.Length > 4)
            {
                // The stem ends in "y", so neither rule below applies.
                appendY = true;
                return w.Length - 3;
            }

            n = w.Length;
        }
        else if (w.EndsWith("ing", StringComparison.Ordinal) && HasVowel(w[..^3]) && w.Length - 3 >= 3)
        {
            n = UndoubledLength(w[..^3]);
            second = n < w.Length - 3 ? w.Length - 3 : 0;
        }
        else if (w.EndsWith("ed", StringComparison.Ordinal) && !w.EndsWith("eed", StringComparison.Ordinal)
            && HasVowel(w[..^2]) && w.Length - 2 >= 3)
        {
            n = UndoubledLength(w[..^2]);
            second = n < w.Length - 2 ? w.Length - 2 : 0;
        }
        else if (w.EndsWith("sses", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal)
            || w.EndsWith("ches", StringComparison.Ordinal) || w.EndsWith("xes", StringComparison.Ordinal) || w.EndsWith("zes", StringComparison.Ordinal)
            || (w.Length >= 6 && w.EndsWith("oes", StringComparison.Ordinal)))
        {
            // "-oes" as well, in a word of six letters or more: "vetoes" and "heroes" key as "veto" and "hero" ("shoes"
            // and "toes" are "shoe" and "toe" with an s).
            n = w.Length - 2;
        }
        else if (w[^1] == 's' && w[^2] is not ('s' or 'u' or 'i'))
        {
            n = w.Length - 1;
        }
        else
        {
            n = w.Length;

            // "-is" and "-us" keep their s ("crisis", "status"), and so key as well without it ("Iraqis", "menus").
            if (w[^1] == 's' && w[^2] is ('u' or 'i'))
            {
                second = w.Length - 1;
            }
        }

        // "-eed" is "-ee" + "d" ("agreed") or a base form ("exceed"); either way it keys as "-ee",
        // so "agree"/"agreed" and "exceed"/"exceeds"/"exceeded" each share a key. A four-letter "-eed" is a word of its
        // own ("seed", "feed", "weed", "deed"), not "see", "fee", "wee" or "dee" with a d.
        if (n > 4 && w[..n].EndsWith("eed", StringComparison.Ordinal) && !InvariantLookup.Contains(w[..n]))
        {
            n--;
        }

        // A final silent e goes too, so "escalate", "escalates" and "escalated" share a key; and after an o in a word
        // of five letters or more, so that "canoe" keys as "canoes" does ("cano", by the -oes above; "shoe" keeps its e).
        if (n > 3 && w[n - 1] == 'e' && (w[n - 2] is not ('e' or 'i' or 'o' or 'y') || (w[n - 2] == 'o' && n >= 5)))
        {
            n--;
        }

        // A four-letter -ed or -es after an e is a three-letter word with a d or s, which keeps its ending (three letters
        // are left alone): "died", "sued" and "ties" key as well as "die", "sue" and "tie" ("feed" and "sees" do not),
        // and "axes", whose -es after x keys it as "ax", as "axe" too.
        if (w.Length == 4 && w[2] == 'e' && w[1] != 'e' && w[3] is ('d' or 's') && (n == 4 || (w[3] == 's' && n == 2)))
        {
            second = 3;
        }

        // A final double l, s or z counts as one, in every word: "travelled" (British) and "travel", "cancelled" and
        // "cancel", "quizzed" and "quiz", and equally "called" and "call", "bosses" and "boss".
        return n > 3 && w[n - 1] == w[n - 2] && w[n - 1] is 'l' or 's' or 'z' ? n - 1 : n;
    }

    /// <summary>
    /// Every folded word whose <see cref="Key"/> is <paramref name="key"/>, among others whose key is not: the key
    /// with each ending <see cref="StemLength"/> removes (after a doubled final consonant too), and a key ending
    /// in y with its y as -ies or -ied. What the matcher's word filter enters for a key, so that a word of
    /// another length or ending is not looked up ("war" admits "wars", "warred", "warring", not "warning").
    /// </summary>
    public static IEnumerable<string> Forms(string key)
    {
        var forms = new List<string>();
        ForEachForm(key, new FormCollector(forms));
        return forms;
    }

    /// <summary>Receives each of <see cref="Forms"/> in turn, in a buffer that is reused.</summary>
    internal interface IFormVisitor
    {
        void Form(ReadOnlySpan<char> form);
    }

    /// <summary><see cref="Forms"/> without allocating: what the word filter enters for every key.</summary>
    [System.Runtime.CompilerServices.SkipLocalsInit]
    internal static void ForEachForm<TVisitor>(ReadOnlySpan<char> key, TVisitor visitor)
        where TVisitor : IFormVisitor
    {
        // Eight characters are enough for the longest ending and a doubled consonant.
        Span<char> buffer = key.Length <= 120 ? stackalloc char[128] : new char[key.Length + 8];
        key.CopyTo(buffer);
        foreach (var ending in Endings)
        {
            Emit(key, buffer, key.Length, ending, visitor);
        }

        if (key.Length > 0)
        {
            buffer[key.Length] = key[^1];
            if (key[^1] is 'l' or 's' or 'z')
            {
                // The key's last letter doubled, with every ending ("cal" from "call", "calls", "called").
                foreach (var ending in Endings)
                {
                    Emit(key, buffer, key.Length + 1, ending, visitor);
                }
            }
            else
            {
                Emit(key, buffer, key.Length + 1, "ed", visitor);
                Emit(key, buffer, key.Length + 1, "ing", visitor);
            }
        }

        if (key.Length == 3 && key[2] == 'e' && key[1] != 'e')
        {
            // "die" from "died" (see StemLengths: a three-letter word's d, which it keeps).
            Emit(key, buffer, key.Length, "d", visitor);
        }

        if (key.EndsWith("ee", StringComparison.Ordinal))
        {
            foreach (var ending in AfterEe)
            {
                Emit(key, buffer, key.Length, ending, visitor);
            }
        }

        if (key.Length >= 3 && key[^1] == 'y')
        {
            Emit(key, buffer, key.Length - 1, "ies", visitor);
            Emit(key, buffer, key.Length - 1, "ied", visitor);
            Emit(key, buffer, key.Length - 1, "ie", visitor);
        }

        static void Emit(ReadOnlySpan<char> key, Span<char> buffer, int stem, string ending, TVisitor visitor)
        {
            ending.CopyTo(buffer[stem..]);
            var form = buffer[..(stem + ending.Length)];

            // A word of three characters or fewer is its own key.
            if (form.Length > 3 || form.SequenceEqual(key))
            {
                visitor.Form(form);
            }
        }
    }

    private readonly struct FormCollector(List<string> forms) : IFormVisitor
    {
        public void Form(ReadOnlySpan<char> form) => forms.Add(form.ToString());
    }

    /// <summary>What <see cref="StemLength"/> takes off the end of a word to leave its key.</summary>
    private static readonly string[] Endings = ["", "s", "e", "es", "ed", "ing", "eing"];

    /// <summary>After a key ending "ee" ("agree", or "excee" from "exceed"): the d of "-eed", and what follows it.</summary>
    private static readonly string[] AfterEe = ["d", "ds", "ded", "ding", "dded", "dding"];

    /// <summary>Words that look inflected but are not: stripping them would match unrelated words.</summary>
    private static readonly HashSet<string> Invariant = new(StringComparer.Ordinal)
    {
        "news", "series", "species", "always", "perhaps", "whereas", "sometimes", "does", "goes",
        "chaos", "bias", "atlas", "canvas", "lens", "thus", "during", "nothing", "something", "anything",
        "everything", "morning", "evening", "king", "ring", "thing", "spring", "string", "wing", "bring",
        "sing", "swing", "sting", "ceiling", "need", "speed", "feed", "seed", "bed", "red", "shed", "bled",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> InvariantLookup = Invariant.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly System.Buffers.SearchValues<char> Vowels = System.Buffers.SearchValues.Create("aeiouy");

    private static bool HasVowel(ReadOnlySpan<char> s) => s.IndexOfAny(Vowels) >= 0;

    private static int UndoubledLength(ReadOnlySpan<char> s) =>
        s.Length > 3 && s[^1] == s[^2] && s[^1] is not ('l' or 's' or 'z' or 'e' or 'o' or 'a' or 'i' or 'u')
            ? s.Length - 1
            : s.Length;
}
