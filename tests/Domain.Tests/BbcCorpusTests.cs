using Ingest.Domain.Articles;
using Ingest.Domain.Parsing;

namespace Ingest.Domain.Tests;

/// <summary>
/// The BBC corpus in ../shared/corpus/bbc: 2,225 real articles in the drop shape this project ingests.
/// Read in place, never copied; skipped when the shared folder is absent.
/// </summary>
public sealed class BbcCorpusTests
{
    private const int ExpectedArticleCount = 2225;

    private static readonly Lazy<List<CorpusEntry>> Corpus = new(ReadCorpus);

    private static List<CorpusEntry> ReadCorpus()
    {
        var parser = new PlainTextNewsParser();
        return Directory.EnumerateDirectories(SharedData.BbcCorpusPath)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.txt"))
            .Where(f => !string.Equals(Path.GetFileName(f), "README.TXT", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(f =>
            {
                var decoded = NewsTextDecoder.Decode(File.ReadAllBytes(f));
                return new CorpusEntry(Path.GetRelativePath(SharedData.BbcCorpusPath, f), decoded, decoded.Text is null ? null : parser.Parse(decoded.Text));
            })
            .ToList();
    }

    private sealed record CorpusEntry(string File, DecodeResult Decoded, ParseResult? Parsed);

    private static IEnumerable<(string File, Article Article)> Articles() =>
        Corpus.Value.Where(c => c.Parsed?.Article is not null).Select(c => (c.File, c.Parsed!.Article!));

    [SharedFact(SharedData.BbcCorpus)]
    public void Corpus_HasEveryArticleFile()
    {
        Assert.Equal(ExpectedArticleCount, Corpus.Value.Count);
    }

    [SharedFact(SharedData.BbcCorpus)]
    public void Decode_EveryArticle_Succeeds()
    {
        var failures = Corpus.Value.Where(c => c.Decoded.Error is not null).Select(c => $"{c.File}: {c.Decoded.Error}").ToList();

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [SharedFact(SharedData.BbcCorpus)]
    public void Parse_EveryArticle_SucceedsWithTitleAndBody()
    {
        var failures = Corpus.Value
            .Where(c => c.Parsed?.Article is not { Title.Length: > 0, Paragraphs.Count: > 0 })
            .Select(c => $"{c.File}: {c.Decoded.Error ?? c.Parsed?.Error ?? "empty title or body"}")
            .ToList();

        Assert.True(failures.Count == 0, $"{failures.Count} article(s) failed:\n" + string.Join("\n", failures.Take(20)));
        Assert.All(Articles(), a => Assert.True(a.Article.Paragraphs.All(p => p.Length > 0) && a.Article.WordCount > 0, a.File));
    }

    [SharedFact(SharedData.BbcCorpus)]
    public void Parse_BbcHeadlines_RarelySplitOffAPublisher()
    {
        var split = Articles().Where(a => a.Article.Publisher is not null).Select(a => $"{a.File}: \"{a.Article.Title}\" / \"{a.Article.Publisher}\"").ToList();

        // BBC headlines carry no publisher suffix. A few quote headlines ("Choose hope over fear - Kennedy")
        // end in a one-word speaker that reads like a publisher; more than 1% means splitting regressed.
        Assert.True(split.Count * 100 < Corpus.Value.Count, $"{split.Count} of {Corpus.Value.Count} headlines lost a 'publisher':\n" + string.Join("\n", split));
        var multiWord = Articles().Where(a => a.Article.Publisher?.Contains(' ', StringComparison.Ordinal) == true).Select(a => a.File).ToList();
        Assert.True(multiWord.Count == 0, "Headline text split off as a publisher: " + string.Join(", ", multiWord));
    }

    [SharedFact(SharedData.BbcCorpus)]
    public void Parse_EveryArticle_KeepsWholeHeadlineInTitleAndPublisher()
    {
        Assert.All(Corpus.Value.Where(c => c.Parsed?.Article is not null), c =>
        {
            var article = c.Parsed!.Article!;
            var headline = c.Decoded.Text!.ReplaceLineEndings("\n").Split('\n').First(l => l.Trim().Length > 0).Trim();
            if (article.Publisher is null)
            {
                Assert.Equal(headline, article.Title);
            }
            else
            {
                Assert.StartsWith(article.Title, headline, StringComparison.Ordinal);
                Assert.EndsWith(article.Publisher, headline, StringComparison.Ordinal);
            }
        });
    }

    [SharedFact(SharedData.BbcCorpus)]
    public void Parse_ArticlesSharingAnId_HaveTheSameText()
    {
        // The corpus holds some byte-identical re-publications; those must share an id, and nothing else may.
        var texts = Corpus.Value.Where(c => c.Parsed?.Article is not null).ToDictionary(c => c.File, c => Canonical(c.Decoded.Text!));
        var collisions = Articles()
            .GroupBy(a => a.Article.Id)
            .Where(g => g.Select(a => texts[a.File]).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(g => string.Join(", ", g.Select(a => a.File)))
            .ToList();

        Assert.True(collisions.Count == 0, "Different articles share an id:\n" + string.Join("\n", collisions.Take(20)));
    }

    [SharedFact(SharedData.BbcCorpus)]
    public void Parse_ByteIdenticalFiles_ShareAnId()
    {
        var byContent = Corpus.Value
            .Where(c => c.Parsed?.Article is not null)
            .GroupBy(c => c.Decoded.Text!, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .ToList();

        Assert.NotEmpty(byContent);
        Assert.All(byContent, g => Assert.Single(g.Select(c => c.Parsed!.Article!.Id).Distinct()));
    }

    private static string Canonical(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
