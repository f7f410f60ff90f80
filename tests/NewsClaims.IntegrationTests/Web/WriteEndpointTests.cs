using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NewsClaims.IntegrationTests.Import;

namespace NewsClaims.IntegrationTests.Web;

/// <summary>
/// Every endpoint that changes something, found from the site's own routing table (so a new one cannot be forgotten):
/// an anonymous request is refused, and a signed-in editor's form post without its antiforgery token is refused too.
/// </summary>
public sealed partial class WriteEndpointTests(ImportSiteFixture site) : IClassFixture<ImportSiteFixture>
{
    // Anonymous by design: signing in (and out, which only clears a cookie the caller holds).
    private static readonly HashSet<string> OpenByDesign = ["/api/v1/auth/login", "/account/login", "/account/logout"];

    [Fact]
    public async Task Should_refuse_every_anonymous_write_request()
    {
        var writes = WriteEndpoints();
        Assert.Contains(writes, w => w.Path.StartsWith("/review/", StringComparison.Ordinal));
        Assert.Contains(writes, w => w.Path.StartsWith("/import/", StringComparison.Ordinal));
        Assert.Contains(writes, w => w.Path == "/api/v1/articles");
        var client = site.Factory.CreateClient(new() { AllowAutoRedirect = false });
        var accepted = new List<string>();

        foreach (var (method, path) in writes.Where(w => !OpenByDesign.Contains(w.Path)))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = Body(path) };
            var response = await client.SendAsync(request);
            var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.BadRequest
                          || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/login", StringComparison.Ordinal));
            if (!refused)
            {
                accepted.Add($"{method} {path} → {(int)response.StatusCode}");
            }
        }

        Assert.True(accepted.Count == 0, "Anonymous writes not refused:\n" + string.Join("\n", accepted));
    }

    [Fact]
    public async Task Should_refuse_a_signed_in_editors_form_post_without_its_antiforgery_token()
    {
        var editor = await site.SignedInClientAsync(site.EditorEmail);
        // Every site form, the sign-in and sign-out ones included (login CSRF, forced sign-out).
        var forms = WriteEndpoints().Where(w => !w.Path.StartsWith("/api/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(forms);
        var accepted = new List<string>();

        foreach (var (method, path) in forms)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = Body(path) };
            var response = await editor.SendAsync(request);
            // Admin-only routes refuse an editor before the token is looked at.
            var refused = response.StatusCode == HttpStatusCode.BadRequest
                          || (path.StartsWith("/admin/", StringComparison.Ordinal) && response.StatusCode == HttpStatusCode.Forbidden);
            if (!refused)
            {
                accepted.Add($"{method} {path} → {(int)response.StatusCode}");
            }
        }

        Assert.True(accepted.Count == 0, "Form posts without a token not refused with 400:\n" + string.Join("\n", accepted));
    }

    /// <summary>A plausible body: JSON for the API, a form for the site.</summary>
    private static HttpContent Body(string path) => path.StartsWith("/api/", StringComparison.Ordinal)
        ? JsonContent.Create(new { title = "Harbour note", text = "Someone said something." })
        : new FormUrlEncodedContent(new Dictionary<string, string> { ["version"] = "1", ["reason"] = "x", ["Text"] = "Someone said something." });

    /// <summary>(method, path) of every non-GET route, with each route parameter filled in with 1.</summary>
    private List<(string Method, string Path)> WriteEndpoints()
    {
        var sources = site.Factory.Services.GetServices<EndpointDataSource>();
        return [.. sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, Endpoint: e)))
            .Where(x => x.Method is not ("GET" or "HEAD" or "OPTIONS"))
            .Select(x => (x.Method, Path: "/" + Parameter().Replace(x.Endpoint.RoutePattern.RawText!.TrimStart('/'), "1")))
            .Distinct()];
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
