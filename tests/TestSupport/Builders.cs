using System.Text;
using Ingest.Domain.Matching;
using Ingest.Domain.Watches;

namespace Ingest.TestSupport;

/// <summary>Builds plain-text news drops in the reference shape, from text the tests write themselves.</summary>
public sealed class NewsDropBuilder
{
    private string headline = "Harbour authority approves new ferry terminal";
    private string? publisher = "Coastal Courier";
    private string standfirst = "The terminal will double passenger capacity by 2030, officials say.";
    private readonly List<string> paragraphs =
    [
        "The harbour authority voted on Monday to approve a new ferry terminal on the eastern quay.",
        "Construction is expected to begin next spring, the authority's chair told reporters.",
    ];

    private readonly List<string> tail = [];

    public NewsDropBuilder WithHeadline(string value, string? byPublisher = null)
    {
        headline = value;
        publisher = byPublisher;
        return this;
    }

    public NewsDropBuilder WithStandfirst(string value)
    {
        standfirst = value;
        return this;
    }

    public NewsDropBuilder WithParagraph(string value)
    {
        paragraphs.Add(value);
        return this;
    }

    public NewsDropBuilder WithPageFurniture(params string[] lines)
    {
        tail.AddRange(lines);
        return this;
    }

    public string Build()
    {
        var text = new StringBuilder();
        text.Append(headline);
        if (publisher is not null)
        {
            text.Append(" – ").Append(publisher);
        }

        text.Append("\n\n").Append(standfirst).Append('\n');
        foreach (var paragraph in paragraphs)
        {
            text.Append(paragraph).Append('\n');
        }

        foreach (var line in tail)
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    public byte[] BuildUtf8() => Encoding.UTF8.GetBytes(Build());
}

public static class WatchBuilder
{
    /// <summary>A watch from a legacy keyword list: any keyword hits.</summary>
    public static Watch Keywords(string id, params string[] keywords) => new(id, id, WatchExpression.FromKeywords(keywords));

    public static Watch Expression(string id, string expression, int minimumHits = 1) => new(id, id, expression, MinimumHits: minimumHits);
}
