using System.Globalization;
using System.Text;
using System.Xml;

namespace NewsClaims.Web.Features.Feeds;

public sealed record AtomLink(string Href, string Rel = "alternate", string? Type = null, string? Title = null);

/// <summary>One entry; <see cref="ContentHtml"/> is HTML already escaped or sanitised by whoever built it.</summary>
public sealed record AtomEntry(
    string Id, string Title, DateTimeOffset Updated, DateTimeOffset? Published, IReadOnlyList<AtomLink> Links,
    string? AuthorName, string? AuthorUri, string ContentHtml, string? Category = null);

/// <summary>An Atom feed (RFC 4287) with absolute links; the feed's author is the site, each entry's the person who spoke or wrote.</summary>
public sealed record AtomFeed(string Id, string Title, string? Subtitle, DateTimeOffset Updated, IReadOnlyList<AtomLink> Links, IReadOnlyList<AtomEntry> Entries)
{
    public const string ContentType = "application/atom+xml; charset=utf-8";
    private const string Atom = "http://www.w3.org/2005/Atom";

    public async Task WriteAsync(Stream output, CancellationToken ct)
    {
        var settings = new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false) };
        await using var xml = XmlWriter.Create(output, settings);
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "feed", Atom);
        await xml.WriteElementStringAsync(null, "id", Atom, Id);
        await xml.WriteElementStringAsync(null, "title", Atom, Clean(Title));
        if (Subtitle is not null)
        {
            await xml.WriteElementStringAsync(null, "subtitle", Atom, Clean(Subtitle));
        }

        await xml.WriteElementStringAsync(null, "updated", Atom, Timestamp(Updated));
        foreach (var link in Links)
        {
            await WriteLinkAsync(xml, link);
        }

        await WriteAuthorAsync(xml, "NewsClaims", null);
        await xml.WriteStartElementAsync(null, "generator", Atom);
        await xml.WriteStringAsync("NewsClaims");
        await xml.WriteEndElementAsync();
        foreach (var entry in Entries)
        {
            ct.ThrowIfCancellationRequested();
            await xml.WriteStartElementAsync(null, "entry", Atom);
            await xml.WriteElementStringAsync(null, "id", Atom, entry.Id);
            await xml.WriteElementStringAsync(null, "title", Atom, Clean(entry.Title));
            await xml.WriteElementStringAsync(null, "updated", Atom, Timestamp(entry.Updated));
            if (entry.Published is { } published)
            {
                await xml.WriteElementStringAsync(null, "published", Atom, Timestamp(published));
            }

            foreach (var link in entry.Links)
            {
                await WriteLinkAsync(xml, link);
            }

            if (entry.AuthorName is not null)
            {
                await WriteAuthorAsync(xml, entry.AuthorName, entry.AuthorUri);
            }

            if (entry.Category is not null)
            {
                await xml.WriteStartElementAsync(null, "category", Atom);
                await xml.WriteAttributeStringAsync(null, "term", null, entry.Category);
                await xml.WriteEndElementAsync();
            }

            await xml.WriteStartElementAsync(null, "content", Atom);
            await xml.WriteAttributeStringAsync(null, "type", null, "html");
            await xml.WriteStringAsync(Clean(entry.ContentHtml));
            await xml.WriteEndElementAsync();
            await xml.WriteEndElementAsync();
        }

        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
    }

    /// <summary>RFC 3339, UTC, whole seconds.</summary>
    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static async Task WriteLinkAsync(XmlWriter xml, AtomLink link)
    {
        await xml.WriteStartElementAsync(null, "link", Atom);
        await xml.WriteAttributeStringAsync(null, "rel", null, link.Rel);
        if (link.Type is not null)
        {
            await xml.WriteAttributeStringAsync(null, "type", null, link.Type);
        }

        await xml.WriteAttributeStringAsync(null, "href", null, link.Href);
        if (link.Title is not null)
        {
            await xml.WriteAttributeStringAsync(null, "title", null, Clean(link.Title));
        }

        await xml.WriteEndElementAsync();
    }

    private static async Task WriteAuthorAsync(XmlWriter xml, string name, string? uri)
    {
        await xml.WriteStartElementAsync(null, "author", Atom);
        await xml.WriteElementStringAsync(null, "name", Atom, Clean(name));
        if (uri is not null)
        {
            await xml.WriteElementStringAsync(null, "uri", Atom, uri);
        }

        await xml.WriteEndElementAsync();
    }

    /// <summary>Drops the few characters XML 1.0 cannot carry (control characters, lone surrogates) rather than failing the feed.</summary>
    private static string Clean(string text)
    {
        StringBuilder? kept = null;
        for (var i = 0; i < text.Length; i++)
        {
            var pair = i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]);
            if (!pair && !XmlConvert.IsXmlChar(text[i]))
            {
                kept ??= new StringBuilder(text, 0, i, text.Length);
                continue;
            }

            kept?.Append(text, i, pair ? 2 : 1);
            i += pair ? 1 : 0;
        }

        return kept?.ToString() ?? text;
    }
}
