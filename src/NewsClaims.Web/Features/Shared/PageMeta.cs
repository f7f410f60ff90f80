using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsClaims.Web.Features.Shared;

/// <summary>What a page tells search engines and link previews: description, canonical URL, OpenGraph type, schema.org JSON-LD.</summary>
public sealed record PageMeta(string Title, string Description, string CanonicalPath, string OpenGraphType = "website", object? JsonLd = null)
{
    private static readonly JsonSerializerOptions JsonLdOptions = new()
    {
        // The default encoder escapes <, > and &, so article text can never close the script element.
        Encoder = JavaScriptEncoder.Default,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public string? JsonLdText => JsonLd is null ? null : Prune(JsonSerializer.SerializeToNode(JsonLd, JsonLdOptions))?.ToJsonString(JsonLdOptions);

    /// <summary>Drops null values and empty arrays, which schema.org consumers read as claims of "nothing".</summary>
    private static JsonNode? Prune(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (Prune(value) is null || value is JsonArray { Count: 0 })
                    {
                        obj.Remove(key);
                    }
                }

                return obj;
            case JsonArray array:
                foreach (var item in array.ToList())
                {
                    Prune(item);
                }

                return array;
            default:
                return node;
        }
    }

    /// <summary>A description of at most <paramref name="max"/> characters, cut at a word boundary.</summary>
    public static string Shorten(string text, int max = 200)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= max)
        {
            return flat;
        }

        var cut = flat.LastIndexOf(' ', max - 1);
        return flat[..(cut > max / 2 ? cut : max - 1)] + "…";
    }
}

/// <summary>Absolute URLs for canonical links, OpenGraph, JSON-LD and the sitemap, from the request's own scheme and host.</summary>
public static class SiteUrls
{
    public static string Absolute(HttpRequest request, string path) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}{path}";

    public static string Statement(long id) => $"/statements/{id}";

    public static string Article(long id) => $"/articles/{id}";

    public static string Person(string slug) => $"/speakers/{Uri.EscapeDataString(slug)}";

    public static string Claim(long id) => $"/claims/{id}";
}
