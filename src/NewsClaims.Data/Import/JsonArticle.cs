using System.Globalization;
using System.Text.Json;

namespace NewsClaims.Data.Import;

/// <summary>
/// One article as a JSON object, the shape of an import line and of <c>POST /api/v1/articles</c>:
/// <c>{"id"?, "text", "title"?, "published"?, "outlet"?, "url"?, "author"?, "language"?, "reportedVia"?}</c>.
/// Common corpus spellings are accepted too: <c>body</c>/<c>content</c> for the text, <c>publisher</c> for the
/// outlet, <c>publication_date</c>/<c>date</c> for the published date, <c>doc_id</c> for the id.
/// </summary>
public static class JsonArticle
{
    private static readonly string[] TextFields = ["text", "body", "content"];
    private static readonly string[] PublishedFields = ["published", "publication_date", "publishedOn", "date"];
    private static readonly string[] OutletFields = ["outlet", "publisher", "source"];
    private static readonly string[] ReportedViaFields = ["reportedVia", "reported_via"];

    /// <summary>Reads one object; a wrong type, a missing text or an impossible date makes a clear problem, never an exception.</summary>
    public static ImportItem Read(JsonElement json, string origin)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            return ImportItem.Unreadable(origin, $"expected a JSON object, found {Describe(json.ValueKind)}");
        }

        try
        {
            var id = Id(json);
            var where = id is null ? origin : $"{origin} (id {id})";
            var text = String(json, TextFields);
            if (text is null)
            {
                return ImportItem.Unreadable(where, "missing \"text\": the article's body");
            }

            var submission = new ArticleSubmission(
                String(json, ["title", "headline"]) ?? string.Empty,
                text,
                Url: String(json, ["url", "link"]),
                Outlet: String(json, OutletFields),
                Author: Author(json),
                Published: Date(json),
                Language: String(json, ["language", "lang"]),
                ReportedVia: String(json, ReportedViaFields));
            return ImportItem.Of(where, submission);
        }
        catch (FormatException ex)
        {
            return ImportItem.Unreadable(origin, ex.Message);
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json cannot read a string holding a lone UTF-16 surrogate escape ("\ud800") as text.
            return ImportItem.Unreadable(origin, "a string holds an invalid \\u escape (a lone UTF-16 surrogate)");
        }
    }

    /// <summary>Parses UTF-8 JSON text holding one article object.</summary>
    public static ImportItem Parse(ReadOnlyMemory<byte> utf8, string origin)
    {
        // The JSON reader checks UTF-8 only when a string is read; checking first gives the byte offset.
        if (!System.Text.Unicode.Utf8.IsValid(utf8.Span) && !ArticleFiles.TryDecode(utf8.Span, out _, out var problem))
        {
            return ImportItem.Unreadable(origin, problem);
        }

        try
        {
            using var document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 32 });
            return Read(document.RootElement, origin);
        }
        catch (JsonException ex)
        {
            return ImportItem.Unreadable(origin, $"not valid JSON: {FirstSentence(ex.Message)}");
        }
    }

    internal static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message.TrimEnd('.');
    }

    private static string? Id(JsonElement json)
    {
        foreach (var name in new[] { "id", "doc_id" })
        {
            if (json.TryGetProperty(name, out var id))
            {
                return id.ValueKind switch
                {
                    JsonValueKind.String => id.GetString(),
                    JsonValueKind.Number => id.GetRawText(),
                    _ => null,
                };
            }
        }

        return null;
    }

    private static string? String(JsonElement json, string[] names)
    {
        foreach (var name in names)
        {
            if (!json.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            return value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : throw new FormatException($"\"{name}\" must be a string, not {Describe(value.ValueKind)}");
        }

        return null;
    }

    private static string? Author(JsonElement json)
    {
        if (!json.TryGetProperty("author", out var author) || author.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return author.ValueKind switch
        {
            JsonValueKind.String => author.GetString(),
            JsonValueKind.Array when author.EnumerateArray().All(a => a.ValueKind == JsonValueKind.String) =>
                string.Join(", ", author.EnumerateArray().Select(a => a.GetString())),
            _ => throw new FormatException($"\"author\" must be a string or a list of strings, not {Describe(author.ValueKind)}"),
        };
    }

    private static DateOnly? Date(JsonElement json)
    {
        foreach (var name in PublishedFields)
        {
            var value = String(json, [name]);
            if (value is null)
            {
                continue;
            }

            var trimmed = value.Trim();
            if (trimmed.Length == 0)
            {
                return null;
            }

            // "2025-12-20" or a full timestamp "2025-12-20T08:30:00Z", whose date part is taken as written.
            var datePart = trimmed.Length > 10 && trimmed[10] is 'T' or ' ' ? trimmed[..10] : trimmed;
            return DateOnly.TryParseExact(datePart, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw new FormatException($"\"{name}\": \"{Shorten(value)}\" is not a real date in the form YYYY-MM-DD");
        }

        return null;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        JsonValueKind.String => "a string",
        _ => "null",
    };
}
