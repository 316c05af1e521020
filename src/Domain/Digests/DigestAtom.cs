using System.Globalization;
using System.Text;
using System.Xml;

namespace Ingest.Domain.Digests;

/// <summary>
/// An Atom 1.0 feed (RFC 4287) of recent digests, newest first: one entry per digest, its id the
/// digest id, its content the HTML rendering (article text encoded twice over: as HTML, then as XML).
/// </summary>
public static class DigestAtom
{
    private const string AtomNamespace = "http://www.w3.org/2005/Atom";

    public static string Render(IReadOnlyList<Digest> digests, Uri feedUri, string title, DateTimeOffset now)
    {
        var output = new StringBuilder();
        using (var xml = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8, OmitXmlDeclaration = false }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", AtomNamespace);
            xml.WriteElementString("id", AtomNamespace, feedUri.AbsoluteUri);
            xml.WriteElementString("title", AtomNamespace, title);
            xml.WriteElementString("updated", AtomNamespace, Timestamp(digests.Count > 0 ? digests.Max(d => d.CreatedAt) : now));
            xml.WriteStartElement("link", AtomNamespace);
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("href", feedUri.AbsoluteUri);
            xml.WriteEndElement();
            xml.WriteStartElement("author", AtomNamespace);
            xml.WriteElementString("name", AtomNamespace, "Ingest");
            xml.WriteEndElement();
            foreach (var digest in digests.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id, StringComparer.Ordinal))
            {
                xml.WriteStartElement("entry", AtomNamespace);
                xml.WriteElementString("id", AtomNamespace, $"urn:ingest:digest:{digest.WatchId}:{digest.Id}");
                xml.WriteElementString("title", AtomNamespace, DigestText.Subject(digest));
                xml.WriteElementString("updated", AtomNamespace, Timestamp(digest.CreatedAt));
                xml.WriteStartElement("category", AtomNamespace);
                xml.WriteAttributeString("term", digest.WatchId);
                xml.WriteAttributeString("label", digest.WatchName);
                xml.WriteEndElement();
                xml.WriteStartElement("summary", AtomNamespace);
                xml.WriteString(string.Join("; ", digest.Items.Take(5).Select(i => i.Title)));
                xml.WriteEndElement();
                xml.WriteStartElement("content", AtomNamespace);
                xml.WriteAttributeString("type", "html");
                xml.WriteString(DigestHtml.Render(digest));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        // StringBuilder output is UTF-16; the feed is served as UTF-8.
        return output.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
