using System.Text.RegularExpressions;

namespace Ingest.Domain.Parsing;

/// <summary>
/// Data-driven page-boilerplate rules, read from the embedded <c>boilerplate.txt</c>.
/// A <c>line:</c> rule drops one line; a <c>tail:</c> rule drops that line and the rest of the page.
/// </summary>
public sealed class BoilerplateRules
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);
    private readonly Regex? lineRule;
    private readonly Regex? tailRule;

    private BoilerplateRules(Regex? lineRule, Regex? tailRule)
    {
        this.lineRule = lineRule;
        this.tailRule = tailRule;
    }

    /// <summary>The rules shipped with the app.</summary>
    public static BoilerplateRules Default { get; } = Load();

    /// <summary>Longest line a rule is tried on: boilerplate is short, article paragraphs are not.</summary>
    public const int MaxBoilerplateLineLength = 200;

    public static BoilerplateRules Parse(string ruleText)
    {
        var lines = new List<string>();
        var tails = new List<string>();
        var number = 0;
        foreach (var raw in ruleText.Split('\n'))
        {
            number++;
            var rule = raw.Trim();
            if (rule.Length == 0 || rule.StartsWith('#'))
            {
                continue;
            }

            if (rule.StartsWith("line:", StringComparison.Ordinal))
            {
                lines.Add(rule["line:".Length..].Trim());
            }
            else if (rule.StartsWith("tail:", StringComparison.Ordinal))
            {
                tails.Add(rule["tail:".Length..].Trim());
            }
            else
            {
                throw new FormatException($"Boilerplate rule on line {number} must start with 'line:' or 'tail:': {rule}");
            }
        }

        return new BoilerplateRules(Compile(lines), Compile(tails));
    }

    public BoilerplateKind Classify(string trimmedLine)
    {
        if (trimmedLine.Length > MaxBoilerplateLineLength)
        {
            return BoilerplateKind.None;
        }

        if (tailRule?.IsMatch(trimmedLine) == true)
        {
            return BoilerplateKind.Tail;
        }

        return lineRule?.IsMatch(trimmedLine) == true ? BoilerplateKind.Line : BoilerplateKind.None;
    }

    // Interpreted, not RegexOptions.Compiled: the compiled form is JIT-compiled inside the first match,
    // which counts against MatchTimeout and can exceed it on a cold, busy host. Lines are short either way.
    private static Regex? Compile(List<string> patterns) => patterns.Count == 0
        ? null
        : new Regex(
            "^(?:" + string.Join("|", patterns.Select(p => "(?:" + p + ")")) + ")$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            MatchTimeout);

    private static BoilerplateRules Load()
    {
        using var stream = typeof(BoilerplateRules).Assembly.GetManifestResourceStream("Ingest.Domain.Parsing.boilerplate.txt")
            ?? throw new InvalidOperationException("The embedded boilerplate rules are missing from Ingest.Domain.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}

public enum BoilerplateKind
{
    None,
    Line,
    Tail,
}
