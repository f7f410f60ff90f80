using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NewsClaims.IntegrationTests.Import;
using Npgsql;
using Xunit.Abstractions;

namespace NewsClaims.IntegrationTests.Hosting;

/// <summary>
/// A seeded fuzz run over every <c>/api/</c> endpoint of the real site, found from its own routing table so endpoints
/// added later are covered without touching this class: malformed JSON, wrong JSON types, deep nesting, a 20 MB body,
/// wrong content types, invalid UTF-8, a 64 KB query string, path traversal and NUL bytes in route values, random query
/// parameters and wrong methods, each anonymous, with an editor's bearer token, a reader's and a forged one. No request
/// may get a 5xx (all failures are collected and reported with their request), and nothing may be stored.
/// <c>NEWSCLAIMS_FUZZ_SEED</c> and <c>NEWSCLAIMS_FUZZ_CASES</c> change the seed and the number of requests.
/// </summary>
public sealed partial class ApiFuzzTests(ImportSiteFixture site, ITestOutputHelper output) : IClassFixture<ImportSiteFixture>
{
    private const int DefaultSeed = 20261201;
    private const int DefaultCases = 900;

    // A path with an encoded NUL is refused while the URL is decoded, before routing (Kestrel: 400).
    private const int RefusedByUrlDecoder = -400;

    // The tables an API request could write to.
    private static readonly string[] WatchedTables =
    [
        "articles", "article_revisions", "statements", "people", "person_aliases", "person_roles", "outlets", "quote_groups",
        "claims", "claim_statements", "annotations", "audit_entries", "asp_net_users",
    ];

    private static readonly byte[] HugeBody = HugeJson(20 * 1024 * 1024);

    private enum Strategy
    {
        MalformedJson,
        WrongJsonTypes,
        DeepNesting,
        HugeBody,
        WrongContentType,
        InvalidUtf8,
        NastyJsonStrings,
        OverlongQuery,
        PathTraversal,
        RandomQuery,
        WrongMethod,
    }

    private enum Caller
    {
        Anonymous,
        Editor,
        Reader,
        ForgedToken,
    }

    [Fact]
    public async Task Should_answer_every_malformed_api_request_without_a_server_error_and_store_nothing()
    {
        var seed = Setting("NEWSCLAIMS_FUZZ_SEED", DefaultSeed);
        var caseCount = Setting("NEWSCLAIMS_FUZZ_CASES", DefaultCases);
        // Rate limits lifted so the cases reach the endpoints (the keys of search's and the site-wide limits).
        await using var factory = site.Factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Search:RateLimit:PermitLimit", "1000000");
            builder.UseSetting("RateLimits:Login:PermitLimit", "1000000");
            builder.UseSetting("RateLimits:ApiWrites:PermitLimit", "1000000");
        });
        var tokens = new Dictionary<Caller, string?>
        {
            [Caller.Anonymous] = null,
            [Caller.Editor] = await TokenAsync(factory, site.EditorEmail),
            [Caller.Reader] = await TokenAsync(factory, site.ReaderEmail),
            [Caller.ForgedToken] = "CfDJ8" + new string('A', 300),
        };

        var endpoints = ApiEndpoints(factory);
        Assert.Contains(endpoints, e => e.Pattern == "/api/v1/search");
        Assert.Contains(endpoints, e => e.Pattern == "/api/v1/articles" && e.Methods.Contains("POST"));
        Assert.Contains(endpoints, e => e.Pattern == "/api/v1/auth/login");
        output.WriteLine($"seed {seed}, {caseCount} cases over {endpoints.Count} endpoints:");
        foreach (var endpoint in endpoints)
        {
            output.WriteLine($"  {string.Join("|", endpoint.Methods)} {endpoint.Pattern}");
        }

        var before = await CountRowsAsync();
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.Timeout = TimeSpan.FromSeconds(60);
        var random = new Random(seed);
        var strategies = Enum.GetValues<Strategy>();
        var callers = Enum.GetValues<Caller>();
        var statuses = new SortedDictionary<int, int>();
        var byStrategy = new Dictionary<Strategy, SortedDictionary<int, int>>();
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < caseCount; i++)
        {
            // Round robin over endpoints, callers and strategies, so every combination comes up; details are random.
            var endpoint = endpoints[i % endpoints.Count];
            var caller = callers[i / endpoints.Count % callers.Length];
            var strategy = strategies[i / (endpoints.Count * callers.Length) % strategies.Length];
            var fuzz = Build(random, endpoint, strategy);
            using var request = new HttpRequestMessage(new HttpMethod(fuzz.Method), fuzz.Url);
            if (fuzz.Body is not null)
            {
                request.Content = new ByteArrayContent(fuzz.Body);
                if (fuzz.ContentType is not null)
                {
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", fuzz.ContentType);
                }
            }

            if (tokens[caller] is { } token)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            int status;
            string answer;
            try
            {
                using var response = await client.SendAsync(request);
                status = (int)response.StatusCode;
                answer = status >= 500 ? await response.Content.ReadAsStringAsync() : string.Empty;
            }
            catch (InvalidOperationException ex) when (ex.Message.Contains("path contains null characters", StringComparison.Ordinal))
            {
                // The test host decodes the path as Kestrel does, and Kestrel answers such a request 400 before the site sees it.
                status = RefusedByUrlDecoder;
                answer = string.Empty;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException or IOException)
            {
                status = 0;
                answer = ex.ToString();
            }

            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var perStrategy = byStrategy.TryGetValue(strategy, out var s) ? s : byStrategy[strategy] = new SortedDictionary<int, int>();
            perStrategy[status] = perStrategy.GetValueOrDefault(status) + 1;
            if (status is 0 or >= 500)
            {
                failures.Add($"case {i} ({strategy}, {caller}): {fuzz.Method} {Shorten(fuzz.Url, 300)} content-type {fuzz.ContentType ?? "(none)"}, " +
                             $"body {Describe(fuzz.Body)} → {(status == 0 ? "no answer" : status.ToString(CultureInfo.InvariantCulture))}\n    {Shorten(answer, 600)}");
            }
        }

        clock.Stop();
        var after = await CountRowsAsync();
        output.WriteLine($"{caseCount} requests in {clock.Elapsed.TotalSeconds:0.0} s; statuses: {Counts(statuses)}");
        foreach (var (strategy, counts) in byStrategy)
        {
            output.WriteLine($"  {strategy,-18} {Counts(counts)}");
        }

        var stored = WatchedTables.Where(t => before[t] != after[t]).Select(t => $"{t}: {before[t]} → {after[t]}").ToList();
        var limited = statuses.GetValueOrDefault(429);
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {caseCount} requests got a server error or no answer (seed {seed}):\n" + string.Join("\n", failures));
        Assert.True(stored.Count == 0, "Malformed requests changed the database: " + string.Join(", ", stored));
        Assert.True(limited * 10 < caseCount, $"{limited} of {caseCount} requests were rate-limited: the cases did not reach the endpoints.");
    }

    private sealed record Endpoint(string Pattern, IReadOnlyList<string> Methods);

    private sealed record FuzzRequest(string Method, string Url, byte[]? Body, string? ContentType);

    /// <summary>Every route under /api, with its methods (a route without method metadata answers GET and POST).</summary>
    private static List<Endpoint> ApiEndpoints(WebApplicationFactory<Program> factory) =>
        [.. factory.Services.GetServices<EndpointDataSource>()
            .SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Select(e => (Pattern: "/" + e.RoutePattern.RawText!.TrimStart('/'), Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods))
            .Where(e => e.Pattern.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
            .GroupBy(e => e.Pattern, StringComparer.Ordinal)
            .Select(g => new Endpoint(g.Key, [.. g.SelectMany(e => e.Methods ?? ["GET", "POST"]).Distinct().Order(StringComparer.Ordinal)]))
            .OrderBy(e => e.Pattern, StringComparer.Ordinal)];

    private static FuzzRequest Build(Random random, Endpoint endpoint, Strategy strategy)
    {
        var method = endpoint.Methods[random.Next(endpoint.Methods.Count)];
        var url = FillRoute(random, endpoint.Pattern, traversal: strategy == Strategy.PathTraversal || random.Next(4) == 0);
        var query = new List<string>();
        if (strategy == Strategy.RandomQuery || random.Next(3) == 0)
        {
            for (var n = random.Next(1, 6); n > 0; n--)
            {
                query.Add(Pick(random, QueryNames) + "=" + Pick(random, NastyEncoded));
            }
        }

        byte[]? body = null;
        string? contentType = "application/json";
        switch (strategy)
        {
            case Strategy.MalformedJson:
                body = Utf8(Pick(random, MalformedJson));
                break;
            case Strategy.WrongJsonTypes:
                body = Utf8(Pick(random, WrongTypes));
                break;
            case Strategy.DeepNesting:
                var depth = random.Next(2) == 0 ? 100 : 20_000;
                body = random.Next(2) == 0
                    ? Utf8(string.Concat(Enumerable.Repeat("[", depth)) + string.Concat(Enumerable.Repeat("]", depth)))
                    : Utf8(string.Concat(Enumerable.Repeat("{\"text\":", depth)) + "1" + string.Concat(Enumerable.Repeat("}", depth)));
                break;
            case Strategy.HugeBody:
                body = HugeBody;
                break;
            case Strategy.WrongContentType:
                body = Utf8(Pick(random, WrongTypes));
                contentType = Pick(random, ContentTypes);
                break;
            case Strategy.InvalidUtf8:
                body = Pick(random, InvalidUtf8);
                break;
            case Strategy.NastyJsonStrings:
                body = Utf8($"{{\"id\":\"{Pick(random, NastyJsonString)}\",\"title\":\"{Pick(random, NastyJsonString)}\",\"url\":\"{Pick(random, NastyJsonString)}\"," +
                            $"\"published\":\"{Pick(random, NastyJsonString)}\",\"text\":{Pick(random, NotAString)},\"email\":\"{Pick(random, NastyJsonString)}\",\"password\":{Pick(random, NotAString)}}}");
                break;
            case Strategy.OverlongQuery:
                query.Add(Pick(random, QueryNames) + "=" + new string((char)('a' + random.Next(26)), 64_000));
                body = Utf8(Pick(random, MalformedJson));
                break;
            case Strategy.PathTraversal:
                url += Pick(random, ["", "/..%2f..%2fetc%2fpasswd", "/%2e%2e/%2e%2e/etc/passwd", "/%00", "/..;/..;/", "%5c..%5c..%5cwindows"]);
                body = Utf8(Pick(random, WrongTypes));
                break;
            case Strategy.RandomQuery:
                body = random.Next(2) == 0 ? null : Utf8(Pick(random, WrongTypes));
                break;
            case Strategy.WrongMethod:
                method = Pick(random, ["PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "HEAD", "GET", "POST"]);
                body = method is "GET" or "HEAD" or "OPTIONS" or "TRACE" ? null : Utf8(Pick(random, WrongTypes));
                break;
        }

        if (body is null)
        {
            contentType = null;
        }

        return new FuzzRequest(method, query.Count == 0 ? url : url + "?" + string.Join("&", query), body, contentType);
    }

    /// <summary>The route with each parameter filled in: a plausible value, or an attack on it (already URL-encoded).</summary>
    private static string FillRoute(Random random, string pattern, bool traversal) =>
        RouteParameter().Replace(pattern, _ => traversal ? Pick(random, NastyRouteValues) : Pick(random, ["1", "0", "mark-rutte", "999999999"]));

    private static readonly string[] NastyRouteValues =
    [
        "..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "..%252F..%252Fetc%252Fpasswd", "%00", "a%00b", "1%00",
        "%FF%FE", "%C0%AF", "%ED%A0%80", "-1", "99999999999999999999999", "1e9", "0x10", "%20", "%0D%0ASet-Cookie:%20x=1",
        "%F0%9F%98%80", "%27%20OR%201%3D1%20--", "%3Cscript%3E", new string('a', 4000), "~", "%2e", "%2e%2e",
    ];

    private static readonly string[] QueryNames =
    [
        "q", "text", "after", "before", "size", "page", "person", "outlet", "year", "kind", "status", "verdict", "lang", "from", "to",
        "sort", "id", "slug", "limit", "format", "callback", "__proto__", "q[]", "%00", "%FF", "a%5B0%5D",
    ];

    private static readonly string[] NastyEncoded =
    [
        "", "%00", "a%00b", "%FF", "%C0%AF", "%ED%A0%80", "%F4%90%80%80", "%", "%zz", "%2", "-1", "0", "2147483648",
        "-2147483649", "9223372036854775808", "NaN", "1e309", "true", "null", "%5B%5D", "%7B%7D", "0001-01-01", "9999-12-31",
        "2025-13-45", "2025-02-30", "AAAA", "%2F%2F%2F", "..%2F..%2Fetc%2Fpasswd", "%F0%9F%98%80", "%22%3E%3Cscript%3E",
        "%27%3B%20DROP%20TABLE%20statements%3B--", "%5C%5C", "*", "%25", "%E2%80%AE", "relevance", "newest", "direct",
        "confirmed", "false", new string('x', 3000), "%20%20%20", "a%26b%3Dc", "%0A%0D",
    ];

    private static readonly string[] MalformedJson =
    [
        "{", "}", "{\"title\":", "{\"text\": \"a\"", "[1,2", "nul", "\"unterminated", "{\"a\":1}}", "{'text':'single quotes'}",
        "{\"text\":\"a\",}", "{text: 1}", "\u0000", "", " ", "{\"text\":\"\\u12\"}", "{\"text\":01}", "{\"a\":NaN}", "{\"a\":Infinity}",
        "/* comment */ {}", "{\"text\":\"a\"} trailing", "\uFEFF{\"text\":1}", "{\"a\":\"\\x41\"}", "[", "]", ",", "{\"\":}",
    ];

    // Valid JSON that is never a valid article, sign-in or other write: wrong types, no text, or the wrong shape.
    private static readonly string[] WrongTypes =
    [
        "[]", "{}", "42", "\"a string\"", "null", "true", "[{\"text\":\"x\"}]", "{\"text\":42}", "{\"text\":[\"a\"]}", "{\"text\":{}}",
        "{\"text\":true}", "{\"title\":\"t\",\"text\":null}", "{\"email\":{},\"password\":[]}", "{\"email\":1,\"password\":2}",
        "{\"email\":null,\"password\":null}", "{\"title\":123,\"text\":false}", "{\"text\":1.5e308}", "{\"author\":{\"a\":1},\"text\":7}",
        "{\"published\":\"2025-02-30\",\"text\":[]}", "{\"id\":{},\"text\":{}}", "{\"text\":-0}", "{\"__proto__\":{\"text\":\"x\"}}",
        "{\"body\":5}", "{\"content\":[]}", "{\"statementIds\":\"x\",\"text\":1}", "{\"version\":\"x\",\"rating\":[]}",
    ];

    private static readonly string[] NastyJsonString =
    [
        "\\ud800", "\\udc00", "\\ud800\\ud800", "\\u0000", "a\\u0000b", "\\uffff", "\\ufffe", "../../etc/passwd", "javascript:alert(1)",
        "2025-02-30", "0000-00-00", "9999999-01-01", "\\u202e", new string('t', 5000), "", " ", "<script>alert(1)</script>",
    ];

    private static readonly string[] NotAString = ["1", "[]", "{}", "true", "null", "-1e400", "[\"\\ud800\"]"];

    private static readonly string[] ContentTypes =
    [
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=",
        "application/json; charset=utf-16", "application/json; charset=bogus", "application/json; charset=\"", "??", "application/*",
        "*/*", "application/octet-stream", "image/png", "application/problem+json", "application/json-patch+json", "",
    ];

    private static readonly byte[][] InvalidUtf8 =
    [
        [0xFF, 0xFE, 0xFD], [0xC0, 0xAF], [0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC3],
        [.. "{\"text\":\""u8, 0xFF, 0xFE, .. "\"}"u8], [.. "{\"title\":\""u8, 0xC0, 0x80, .. "\",\"text\":1}"u8],
        [.. "{\"email\":\""u8, 0xED, 0xA0, 0x80, .. "\",\"password\":\"x\"}"u8], [0x00, 0x00, 0x00, 0x00], [0xEF, 0xBB, 0xBF, 0xFF],
        [0x1F, 0x8B, 0x08, 0x00], [0x25, 0x50, 0x44, 0x46, 0xFF],
    ];

    private static T Pick<T>(Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A JSON article whose text is <paramref name="size"/> bytes long: well-formed, only too large.</summary>
    private static byte[] HugeJson(int size)
    {
        var body = new byte[size];
        var head = "{\"title\":\"Huge\",\"text\":\""u8;
        head.CopyTo(body);
        body.AsSpan(head.Length, size - head.Length - 2).Fill((byte)'a');
        "\"}"u8.CopyTo(body.AsSpan(size - 2));
        return body;
    }

    private static async Task<string> TokenAsync(WebApplicationFactory<Program> factory, string email)
    {
        using var client = factory.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = ImportSiteFixture.Password });
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("accessToken").GetString()!;
    }

    private async Task<Dictionary<string, long>> CountRowsAsync()
    {
        await using var connection = await site.OpenConnectionAsync();
        var counts = new Dictionary<string, long>();
        foreach (var table in WatchedTables)
        {
            await using var command = new NpgsqlCommand($"select count(*) from {table}", connection);
            counts[table] = (long)(await command.ExecuteScalarAsync())!;
        }

        return counts;
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static string Counts(IDictionary<int, int> counts) =>
        string.Join(", ", counts.Select(c => $"{c.Key switch
        {
            0 => "no answer",
            RefusedByUrlDecoder => "400 (NUL in the path, refused by the URL decoder)",
            _ => c.Key.ToString(CultureInfo.InvariantCulture),
        }}: {c.Value}"));

    private static string Describe(byte[]? body) => body switch
    {
        null => "(none)",
        { Length: > 200 } => $"{body.Length:N0} bytes starting {Printable(body.AsSpan(0, 80))}",
        _ => Printable(body),
    };

    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder("\"");
        foreach (var b in bytes)
        {
            text.Append(b is >= 0x20 and < 0x7F ? ((char)b).ToString() : $"\\x{b:X2}");
        }

        return text.Append('"').ToString();
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length] + $"… ({text.Length:N0} chars)";

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
