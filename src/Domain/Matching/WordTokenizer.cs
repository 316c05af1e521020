namespace Ingest.Domain.Matching;

/// <summary>A word in a text: where it starts and how long it is.</summary>
public readonly record struct WordSpan(int Start, int Length);

/// <summary>
/// Splits text into words: runs of letters and digits, with apostrophes allowed inside a word
/// ("Russia’s", "don't"). Hyphens, dashes and all other punctuation separate words.
/// </summary>
public static class WordTokenizer
{
    public static List<WordSpan> Tokenize(string text)
    {
        var words = new List<WordSpan>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (IsWordChar(text[i]) || (IsApostrophe(text[i]) && i + 1 < text.Length && IsWordChar(text[i + 1]))))
            {
                i++;
            }

            words.Add(new WordSpan(start, i - start));
        }

        return words;
    }

    public static int Count(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var word = IsWordChar(c);
            if (word && !inWord)
            {
                count++;
            }

            inWord = word || (inWord && IsApostrophe(c));
        }

        return count;
    }

    public static bool IsWordChar(char c) => c < 0x80
        ? char.IsAsciiLetterOrDigit(c)
        : char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark;

    private static bool IsApostrophe(char c) => c is '\'' or '’';
}
