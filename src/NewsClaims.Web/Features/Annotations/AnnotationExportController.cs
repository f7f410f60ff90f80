using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Annotations;
using NewsClaims.Data;

namespace NewsClaims.Web.Features.Annotations;

/// <summary>
/// All published notes as one W3C Web Annotation collection (JSON-LD), streamed a page of rows at a time so memory
/// stays flat however many there are. A note on words of an article carries both its selectors.
/// </summary>
public sealed class AnnotationExportController(NewsClaimsDbContext db) : Controller
{
    private const int Page = 500;

    [HttpGet("/annotations/export.jsonld")]
    public async Task Export(CancellationToken ct)
    {
        Response.ContentType = "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"; charset=utf-8";
        var origin = $"{Request.Scheme}://{Request.Host}";
        await using var json = new Utf8JsonWriter(Response.BodyWriter, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteString("@context", "http://www.w3.org/ns/anno.jsonld");
        json.WriteString("id", origin + "/annotations/export.jsonld");
        json.WriteString("type", "AnnotationCollection");
        json.WriteString("label", "NewsClaims editors' notes");
        json.WriteStartArray("items");
        for (long last = 0; ;)
        {
            var rows = await db.Annotations.AsNoTracking()
                .Where(a => a.Id > last && a.Visibility == AnnotationVisibility.Published)
                .OrderBy(a => a.Id).Take(Page)
                .Select(a => new
                {
                    a.Id, a.Motivation, a.Body, a.Tags, a.CreatedAt, a.UpdatedAt, a.ParentId, a.ArticleId, a.StatementId, a.ClaimId,
                    PersonSlug = a.Person != null ? a.Person.Slug : null, a.AnchorStatus, a.Selector,
                    Author = db.Users.Where(u => u.Id == a.AuthorId).Select(u => u.DisplayName).FirstOrDefault(),
                })
                .ToListAsync(ct);
            if (rows.Count == 0)
            {
                break;
            }

            foreach (var a in rows)
            {
                json.WriteStartObject();
                json.WriteString("id", $"{origin}/annotations/{a.Id.ToString(CultureInfo.InvariantCulture)}");
                json.WriteString("type", "Annotation");
                json.WriteString("motivation", a.ParentId is null ? a.Motivation.ToString().ToLowerInvariant() : "replying");
                json.WriteString("created", a.CreatedAt);
                json.WriteString("modified", a.UpdatedAt);
                json.WriteStartObject("creator");
                json.WriteString("type", "Person");
                json.WriteString("name", a.Author ?? "an editor");
                json.WriteEndObject();
                json.WriteStartArray("body");
                json.WriteStartObject();
                json.WriteString("type", "TextualBody");
                json.WriteString("value", a.Body);
                json.WriteString("format", "text/markdown");
                json.WriteEndObject();
                foreach (var tag in a.Tags)
                {
                    json.WriteStartObject();
                    json.WriteString("type", "TextualBody");
                    json.WriteString("purpose", "tagging");
                    json.WriteString("value", tag);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                WriteTarget(json, origin, a.ParentId, a.ArticleId, a.StatementId, a.ClaimId, a.PersonSlug, a.Selector, a.AnchorStatus == Core.Common.AnchorStatus.Anchored);
                json.WriteEndObject();
            }

            last = rows[^1].Id;
            await json.FlushAsync(ct);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }

    private static void WriteTarget(Utf8JsonWriter json, string origin, long? parentId, long? articleId, long? statementId, long? claimId, string? personSlug, AnnotationSelector? selector, bool anchored)
    {
        var source = parentId is { } parent ? $"{origin}/annotations/{parent}"
            : statementId is { } statement ? $"{origin}/statements/{statement}"
            : claimId is { } claim ? $"{origin}/claims/{claim}"
            : personSlug is not null ? $"{origin}/speakers/{Uri.EscapeDataString(personSlug)}"
            : $"{origin}/articles/{articleId}";
        if (selector is null || parentId is not null)
        {
            json.WriteString("target", source);
            return;
        }

        json.WriteStartObject("target");
        json.WriteString("source", source);
        json.WriteStartArray("selector");
        json.WriteStartObject();
        json.WriteString("type", "TextQuoteSelector");
        json.WriteString("exact", selector.Quote.Exact);
        if (selector.Quote.Prefix is { } prefix)
        {
            json.WriteString("prefix", prefix);
        }

        if (selector.Quote.Suffix is { } suffix)
        {
            json.WriteString("suffix", suffix);
        }

        json.WriteEndObject();
        // A note whose words a correction removed keeps its quote; its old offsets no longer point into the text.
        if (selector.Position is { } position && anchored)
        {
            json.WriteStartObject();
            json.WriteString("type", "TextPositionSelector");
            json.WriteNumber("start", position.Start);
            json.WriteNumber("end", position.End);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
