using System.Globalization;
using System.IO.Pipelines;
using System.Text.Json;
using NewsClaims.Core.Common;
using NewsClaims.Data.Exports;

namespace NewsClaims.Web.Features.Exports;

/// <summary>
/// Editors' notes as one W3C Web Annotation collection (JSON-LD). A note on words of an article carries both its
/// selectors. In the everything scope each note also says whether it is published or a draft.
/// </summary>
public static class AnnotationCollection
{
    public const string ContentType = "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"; charset=utf-8";

    public static async Task WriteAsync(PipeWriter output, string origin, ExportScope scope, IAsyncEnumerable<IReadOnlyList<AnnotationExportRow>> batches, CancellationToken ct)
    {
        await using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteString("@context", "http://www.w3.org/ns/anno.jsonld");
        json.WriteString("id", origin + "/annotations/export.jsonld");
        json.WriteString("type", "AnnotationCollection");
        json.WriteString("label", "NewsClaims editors' notes");
        json.WriteStartArray("items");
        await foreach (var batch in batches.WithCancellation(ct))
        {
            foreach (var a in batch)
            {
                Write(json, origin, scope, a);
            }

            await json.FlushAsync(ct);
            await output.FlushAsync(ct);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(ct);
        await output.FlushAsync(ct);
    }

    private static void Write(Utf8JsonWriter json, string origin, ExportScope scope, AnnotationExportRow a)
    {
        json.WriteStartObject();
        json.WriteString("id", $"{origin}/annotations/{a.Id.ToString(CultureInfo.InvariantCulture)}");
        json.WriteString("type", "Annotation");
        json.WriteString("motivation", a.ParentId is null ? a.Motivation.ToString().ToLowerInvariant() : "replying");
        json.WriteString("created", a.CreatedAt);
        json.WriteString("modified", a.UpdatedAt);
        if (scope == ExportScope.All)
        {
            json.WriteString("status", KnowledgeBaseExport.Text(a.Visibility));
        }

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
        WriteTarget(json, origin, a);
        json.WriteEndObject();
    }

    private static void WriteTarget(Utf8JsonWriter json, string origin, AnnotationExportRow a)
    {
        var source = a.ParentId is { } parent ? $"{origin}/annotations/{parent}"
            : a.StatementId is { } statement ? $"{origin}/statements/{statement}"
            : a.ClaimId is { } claim ? $"{origin}/claims/{claim}"
            : a.PersonSlug is not null ? $"{origin}/speakers/{Uri.EscapeDataString(a.PersonSlug)}"
            : $"{origin}/articles/{a.ArticleId}";
        if (a.Selector is not { } selector || a.ParentId is not null)
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
        if (selector.Position is { } position && a.AnchorStatus == AnchorStatus.Anchored)
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
