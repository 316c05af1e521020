using Ingest.Domain.Parsing;

namespace Ingest.Domain.Tests;

/// <summary>The BBC corpus through format detection: every file is plain text and parses exactly as the plain-text parser reads it.</summary>
public sealed class BbcCorpusDocumentTests
{
    [SharedFact(SharedData.BbcCorpus)]
    public void Parse_EveryBbcArticle_IsDetectedAsTextAndParsedUnchanged()
    {
        var documents = new NewsDocumentParser();
        var text = new PlainTextNewsParser();
        var mismatches = new List<string>();
        foreach (var file in Directory.EnumerateDirectories(SharedData.BbcCorpusPath).SelectMany(d => Directory.EnumerateFiles(d, "*.txt")))
        {
            if (string.Equals(Path.GetFileName(file), "README.TXT", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var bytes = File.ReadAllBytes(file);
            var expected = text.Parse(NewsTextDecoder.Decode(bytes).Text!).Article;
            var document = documents.Parse(bytes, ParseLimits.Default);
            var actual = document.Items.Count == 1 ? document.Items[0].Article : null;
            if (document.Format != NewsFormat.PlainText || actual?.Id != expected?.Id || actual?.Title != expected?.Title || actual?.Publisher != expected?.Publisher)
            {
                mismatches.Add($"{Path.GetRelativePath(SharedData.BbcCorpusPath, file)}: {document.Format} {document.Error ?? (document.Items.Count > 0 ? document.Items[0].Error : null)}");
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} file(s) differ:\n" + string.Join("\n", mismatches.Take(20)));
    }
}
