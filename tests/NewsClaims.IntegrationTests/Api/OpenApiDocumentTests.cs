using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsClaims.Core.Annotations;
using NewsClaims.Data.Identity;
using NewsClaims.IntegrationTests.Reader;
using Xunit.Abstractions;

namespace NewsClaims.IntegrationTests.Api;

/// <summary>
/// The OpenAPI document is the API's contract: every <c>/api</c> endpoint the site routes is in it with its request and
/// response schemas, and every documented GET, called on real data, answers as its schema says.
/// </summary>
public sealed partial class OpenApiDocumentTests(ReaderSiteFixture site, ITestOutputHelper output) : IClassFixture<ReaderSiteFixture>
{
    [Fact]
    public async Task Should_document_every_api_endpoint_the_site_routes()
    {
        var document = await DocumentAsync();
        var documented = Operations(document).Select(o => $"{o.Method} {o.Path}").ToHashSet();
        var routed = site.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => $"{m} /{Normalise(e.RoutePattern.RawText!.TrimStart('/'))}"))
            .ToHashSet();

        Assert.Contains("GET /api/v1/speakers/{slug}/statements", routed);
        Assert.Contains("POST /api/v1/articles", routed);
        var missing = routed.Except(documented).Order().ToList();
        Assert.True(missing.Count == 0, "Routed but not in /openapi/v1.json:\n" + string.Join("\n", missing));
    }

    [Fact]
    public async Task Should_give_every_operation_a_response_schema_and_every_write_a_request_schema()
    {
        var document = await DocumentAsync();
        var gaps = new List<string>();
        foreach (var (method, path, operation) in Operations(document))
        {
            var success = operation["responses"]!.AsObject().Where(r => r.Key.StartsWith('2')).ToList();
            if (success.Count == 0 || success.Any(r => r.Value?["content"] is not JsonObject content || content.Any(c => c.Value?["schema"] is null)))
            {
                gaps.Add($"{method} {path}: no success response with a schema");
            }

            if (method is "POST" or "PUT" or "PATCH" && operation["requestBody"]?["content"] is not JsonObject { Count: > 0 })
            {
                gaps.Add($"{method} {path}: no request body schema");
            }
        }

        Assert.True(gaps.Count == 0, string.Join("\n", gaps));
    }

    [Fact]
    public async Task Should_answer_every_documented_get_as_its_schema_says()
    {
        var document = await DocumentAsync();
        var definitions = Definitions(document);
        var values = await PathValuesAsync();
        var client = site.Factory.CreateClient(new() { AllowAutoRedirect = false });
        var editor = await EditorClientAsync();
        var failures = new List<string>();
        var checkedCount = 0;

        foreach (var (_, path, operation) in Operations(document).Where(o => o.Method == "GET"))
        {
            // Editor-only reads (they name the bearer scheme) are called as an editor.
            var caller = operation["security"] is JsonArray { Count: > 0 } ? editor : client;
            var url = RouteValue().Replace(path, m => values.TryGetValue($"{Resource(path)}:{m.Groups[1].Value}", out var v) ? v : m.Value);
            if (url.Contains('{', StringComparison.Ordinal))
            {
                failures.Add($"{path}: the test has no value for a route parameter; add one to PathValuesAsync");
                continue;
            }

            url += RequiredQuery(operation);
            using var response = await caller.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"GET {url} → {(int)response.StatusCode}: {Shorten(body)}");
                continue;
            }

            var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
            var content = operation["responses"]!["200"]?["content"]?.AsObject();
            if (content is null || !content.ContainsKey(mediaType))
            {
                failures.Add($"GET {url}: answered {mediaType}, documented {string.Join(", ", content?.Select(c => c.Key) ?? [])}");
                continue;
            }

            if (mediaType == "application/x-ndjson")
            {
                // JSON Lines: OpenAPI 3.1 cannot give a schema per line, so each line must at least be a JSON object.
                var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                if (lines.Length == 0 || lines.Any(l => JsonNode.Parse(l) is not JsonObject))
                {
                    failures.Add($"GET {url}: not JSON Lines of objects");
                }
            }
            else if (mediaType.EndsWith("json", StringComparison.Ordinal))
            {
                var schema = Schema(content[mediaType]!["schema"]!, definitions);
                var result = schema.Evaluate(JsonNode.Parse(body), new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
                if (!result.IsValid)
                {
                    failures.Add($"GET {url} does not match its schema:\n{string.Join("\n", Errors(result).Take(10))}");
                }
            }

            checkedCount++;
        }

        output.WriteLine($"{checkedCount} documented GETs answered as documented.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(checkedCount >= 10, $"only {checkedCount} GETs checked");
    }

    [Fact]
    public async Task Should_serve_the_interactive_docs_from_the_site_itself()
    {
        var client = site.Factory.CreateClient();
        var page = await client.GetAsync("/docs/v1");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);
        // Scalar's script is served by the site (no third-party host), and only its own inline script may run.
        Assert.DoesNotContain("cdn.jsdelivr.net", html, StringComparison.Ordinal);
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Matches("script-src 'self' 'nonce-[A-Za-z0-9+/=]+'", policy);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json")).StatusCode);
    }

    /// <summary>The errors that made the answer invalid: a branch of a <c>oneOf</c> that did not match is not one of them.</summary>
    private static IEnumerable<string> Errors(EvaluationResults result)
    {
        if (result.IsValid)
        {
            yield break;
        }

        foreach (var error in result.Errors ?? new Dictionary<string, string>())
        {
            yield return $"  {result.InstanceLocation} ({result.EvaluationPath}): {error.Value}";
        }

        foreach (var detail in result.Details.SelectMany(Errors))
        {
            yield return detail;
        }
    }

    /// <summary>A client with the bearer token of a new editor account, as <c>POST /api/v1/auth/login</c> gives it.</summary>
    private async Task<HttpClient> EditorClientAsync()
    {
        var email = $"openapi-{Guid.NewGuid():N}@example.test";
        const string password = "Correct-Horse-Battery-Staple-9";
        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<EditorAccount>>();
            var account = new EditorAccount { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "OpenAPI check" };
            Assert.True((await users.CreateAsync(account, password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(account, NewsClaimsRoles.Editor)).Succeeded);
        }

        var client = site.Factory.CreateClient(new() { AllowAutoRedirect = false });
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        login.EnsureSuccessStatusCode();
        var token = JsonNode.Parse(await login.Content.ReadAsStringAsync())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<JsonObject> DocumentAsync()
    {
        var client = site.Factory.CreateClient();
        var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static IEnumerable<(string Method, string Path, JsonObject Operation)> Operations(JsonObject document) =>
        document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()
            .Where(o => o.Key is "get" or "post" or "put" or "patch" or "delete")
            .Select(o => (o.Key.ToUpperInvariant(), p.Key, o.Value!.AsObject())));

    /// <summary>Route constraints (<c>{id:long}</c>) are not part of the documented path.</summary>
    private static string Normalise(string pattern) => Constraint().Replace(pattern, "{$1}");

    private static string Resource(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(2) ?? "";

    private static string RequiredQuery(JsonObject operation)
    {
        var required = operation["parameters"]?.AsArray()
            .Where(p => p!["in"]!.GetValue<string>() == "query" && p["required"]?.GetValue<bool>() == true)
            .Select(p => p!["name"]!.GetValue<string>())
            .ToList() ?? [];
        return required.Count == 0 ? "" : "?" + string.Join("&", required.Select(n => $"{n}={(n is "q" or "text" ? "intelligent" : "1")}"));
    }

    /// <summary>Real values for every route parameter, per resource (the third path segment).</summary>
    private async Task<Dictionary<string, string>> PathValuesAsync()
    {
        await using var db = site.CreateContext();
        var article = await db.Statements.Where(s => s.SpeakerId != null).Select(s => s.ArticleId).FirstAsync();
        var statement = site.ClaimedStatementId;
        var annotation = await db.Annotations.Where(a => a.Visibility == AnnotationVisibility.Published).Select(a => a.Id).FirstAsync();
        return new()
        {
            ["speakers:slug"] = site.TimelineSlug,
            ["articles:id"] = article.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["statements:id"] = statement.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["claims:id"] = site.ClaimId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["annotations:id"] = annotation.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The document's component schemas as JSON Schema 2020-12 <c>$defs</c>, so response schemas can be evaluated on their own.</summary>
    private static JsonObject Definitions(JsonObject document) =>
        JsonNode.Parse(Rebase(document["components"]?["schemas"]?.ToJsonString() ?? "{}"))!.AsObject();

    private static JsonSchema Schema(JsonNode responseSchema, JsonObject definitions)
    {
        var schema = JsonNode.Parse(Rebase(responseSchema.ToJsonString()))!.AsObject();
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        schema["$defs"] = definitions.DeepClone();
        return JsonSchema.FromText(schema.ToJsonString());
    }

    private static string Rebase(string json) => json.Replace("\"#/components/schemas/", "\"#/$defs/", StringComparison.Ordinal);

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex RouteValue();

    [GeneratedRegex(@"\{([A-Za-z]+)(?::[^}]*)?\}")]
    private static partial Regex Constraint();
}
