using System.Net;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Ingest.Domain.Articles;
using Ingest.Domain.Matching;
using Ingest.Domain.Parsing;

namespace Ingest.ParseBenchmarks;

/// <summary>
/// Parsing one article of about 5 KB from its bytes, as ingestion does (format detection, decoding,
/// parsing, hashing), in each format. The article is invented here; every format carries the same text.
/// </summary>
[MemoryDiagnoser]
public class ArticleParsing
{
    private const string Headline = "Harbour board approves winter ferry timetable after months of dispute";
    private const string Publisher = "Harbour Gazette";
    private const string Standfirst = "Islanders will get two extra crossings a day from November.";

    private readonly NewsDocumentParser parser = new();
    private readonly PlainTextNewsParser textParser = new();
    private readonly List<string> blocks = [Standfirst, .. Paragraphs];
    private readonly ParseLimits limits = ParseLimits.Default;
    private byte[] text = [];
    private byte[] html = [];
    private byte[] json = [];
    private byte[] rss = [];
    private string decodedText = string.Empty;

    public static IReadOnlyList<string> Paragraphs { get; } = Enumerable.Range(1, 24)
        .Select(i => $"Paragraph {i}: the harbour board heard from residents of the outer islands, who said the last boat left before most hospital shifts ended, and from the operator, who said extra sailings meant higher vehicle fares.")
        .ToList();

    [GlobalSetup]
    public void Setup()
    {
        text = Encoding.UTF8.GetBytes($"{Headline} – {Publisher}\n\n{Standfirst}\n{string.Join("\n", Paragraphs)}\n");
        decodedText = Encoding.UTF8.GetString(text);
        var body = string.Concat(Paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"));
        html = Encoding.UTF8.GetBytes(
            $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{Headline} | {Publisher}</title>"
            + $"<meta property=\"og:title\" content=\"{Headline}\"><meta property=\"og:site_name\" content=\"{Publisher}\">"
            + "<meta property=\"article:published_time\" content=\"2025-03-03T08:30:00Z\"><script>var x = 1;</script></head><body>"
            + "<nav><a href=\"/\">Home</a></nav><div class=\"cookie-notice\">We use cookies.</div><main><article>"
            + $"<h1>{Headline}</h1><div class=\"share-bar\">Share</div><p>{Standfirst}</p>{body}</article></main><footer>© 2025</footer></body></html>");
        json = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["title"] = Headline,
            ["description"] = Standfirst,
            ["content"] = string.Join("\n\n", Paragraphs),
            ["url"] = "https://news.example/ferry",
            ["publishedAt"] = "2025-03-03T08:30:00Z",
            ["source"] = new Dictionary<string, object?> { ["name"] = Publisher },
            ["author"] = "Morag Dunn",
        }));
        rss = Encoding.UTF8.GetBytes(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>"
            + $"<title>{Publisher}</title><item><title>{Headline}</title><link>https://news.example/ferry</link>"
            + $"<pubDate>Mon, 03 Mar 2025 08:30:00 GMT</pubDate><description>{Standfirst}</description>"
            + $"<content:encoded><![CDATA[{body}]]></content:encoded></item></channel></rss>");
    }

    [Benchmark(Baseline = true, Description = "text")]
    public NewsDocument Text() => parser.Parse(text, limits);

    [Benchmark(Description = "text: detect only")]
    public NewsFormat TextDetect() => NewsDocumentParser.Detect(text);

    [Benchmark(Description = "text: decode only")]
    public DecodeResult TextDecode() => NewsTextDecoder.Decode(text);

    [Benchmark(Description = "text: parse decoded string only")]
    public ParseResult TextParseOnly() => textParser.Parse(decodedText);

    [Benchmark(Description = "text: content hash only")]
    public string TextHash() => ContentHash.Compute(Headline, blocks);

    [Benchmark(Description = "text: word count only")]
    public int TextWords() => blocks.Sum(WordTokenizer.Count) + WordTokenizer.Count(Headline);

    [Benchmark(Description = "text: boilerplate rules only")]
    public int TextRules() => blocks.Count(p => BoilerplateRules.Default.Classify(p) != BoilerplateKind.None);

    [Benchmark(Description = "html")]
    public NewsDocument Html() => parser.Parse(html, limits);

    [Benchmark(Description = "json")]
    public NewsDocument Json() => parser.Parse(json, limits);

    [Benchmark(Description = "rss (1 item)")]
    public NewsDocument Rss() => parser.Parse(rss, limits);
}
