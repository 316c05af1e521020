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
    public static string Key(ReadOnlySpan<char> word) => Stem(Fold(word));

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

            folded.Append(char.ToLowerInvariant(c));
        }

        return folded.ToString();
    }

    /// <summary>Strips a regular English suffix from an already folded word.</summary>
    public static string Stem(string w)
    {
        if (w.Length <= 3 || !char.IsLetter(w[^1]) || Invariant.Contains(w))
        {
            return w;
        }

        string stem;
        if (w.EndsWith("ies", StringComparison.Ordinal) || w.EndsWith("ied", StringComparison.Ordinal))
        {
            stem = w.Length > 4 ? w[..^3] + "y" : w;
        }
        else if (w.EndsWith("ing", StringComparison.Ordinal) && HasVowel(w.AsSpan(0, w.Length - 3)) && w.Length - 3 >= 3)
        {
            stem = Undouble(w[..^3]);
        }
        else if (w.EndsWith("ed", StringComparison.Ordinal) && !w.EndsWith("eed", StringComparison.Ordinal)
            && HasVowel(w.AsSpan(0, w.Length - 2)) && w.Length - 2 >= 3)
        {
            stem = Undouble(w[..^2]);
        }
        else if (w.EndsWith("sses", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal)
            || w.EndsWith("ches", StringComparison.Ordinal) || w.EndsWith("xes", StringComparison.Ordinal) || w.EndsWith("zes", StringComparison.Ordinal))
        {
            stem = w[..^2];
        }
        else if (w[^1] == 's' && w[^2] is not ('s' or 'u' or 'i'))
        {
            stem = w[..^1];
        }
        else
        {
            stem = w;
        }

        // "-eed" is "-ee" + "d" ("agreed") or a base form ("exceed"); either way it keys as "-ee",
        // so "agree"/"agreed" and "exceed"/"exceeds"/"exceeded" each share a key.
        if (stem.EndsWith("eed", StringComparison.Ordinal) && !Invariant.Contains(stem))
        {
            stem = stem[..^1];
        }

        // A final silent e goes too, so "escalate", "escalates" and "escalated" share a key.
        return stem.Length > 3 && stem[^1] == 'e' && stem[^2] is not ('e' or 'i' or 'o' or 'y') ? stem[..^1] : stem;
    }

    /// <summary>Words that look inflected but are not: stripping them would match unrelated words.</summary>
    private static readonly HashSet<string> Invariant =
    [
        "news", "series", "species", "always", "perhaps", "whereas", "sometimes", "does", "goes",
        "chaos", "bias", "atlas", "canvas", "lens", "thus", "during", "nothing", "something", "anything",
        "everything", "morning", "evening", "king", "ring", "thing", "spring", "string", "wing", "bring",
        "sing", "swing", "sting", "ceiling", "need", "speed", "feed", "seed", "bed", "red", "shed", "bled",
    ];

    private static readonly System.Buffers.SearchValues<char> Vowels = System.Buffers.SearchValues.Create("aeiouy");

    private static bool HasVowel(ReadOnlySpan<char> s) => s.IndexOfAny(Vowels) >= 0;

    private static string Undouble(string s) =>
        s.Length > 3 && s[^1] == s[^2] && s[^1] is not ('l' or 's' or 'z' or 'e' or 'o') && !"aeiou".Contains(s[^1], StringComparison.Ordinal)
            ? s[..^1]
            : s;
}
