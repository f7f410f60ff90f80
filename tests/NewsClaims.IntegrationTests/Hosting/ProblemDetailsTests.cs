using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using NewsClaims.Data.Identity;
using NewsClaims.IntegrationTests.Infrastructure;

namespace NewsClaims.IntegrationTests.Hosting;

/// <summary>The live site on Kestrel, with an editor and a reader, for the error-shape tests.</summary>
public sealed class ProblemSiteFixture : DatabaseFixture
{
    public HostingSite Site { get; private set; } = null!;

    public string EditorEmail { get; } = $"editor-{Guid.NewGuid():N}@example.test";

    public string ReaderEmail { get; } = $"reader-{Guid.NewGuid():N}@example.test";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Site = HostingSite.Start(ConnectionString, new Dictionary<string, string?> { ["Hosting:RequestTimeoutSeconds"] = "1" });
        await Site.CreateAccountAsync(EditorEmail, NewsClaimsRoles.Editor);
        await Site.CreateAccountAsync(ReaderEmail, null);
    }

    public override async Task DisposeAsync()
    {
        await Site.DisposeAsync();
        await base.DisposeAsync();
    }
}

/// <summary>
/// Every error under /api is an RFC 9457 problem with the same members and the request id the log shows,
/// whichever part of the pipeline produced it; pages keep the error page, which shows the same id.
/// </summary>
public sealed partial class ProblemDetailsTests(ProblemSiteFixture fixture) : IClassFixture<ProblemSiteFixture>
{
    private HostingSite Site => fixture.Site;

    [Fact]
    public async Task Should_answer_an_unknown_api_route_with_a_404_problem_even_to_a_browser()
    {
        using var client = Site.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/no-such-thing?token=abc");
        request.Headers.Accept.ParseAdd("text/html");

        var problem = await ProblemAsync(await client.SendAsync(request), HttpStatusCode.NotFound);

        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.5", problem.GetProperty("type").GetString());
        Assert.Equal("/api/v1/no-such-thing", problem.GetProperty("instance").GetString());
    }

    [Fact]
    public async Task Should_answer_a_method_the_route_does_not_take_with_a_405_problem()
    {
        using var client = Site.Client();

        using var response = await client.DeleteAsync("/api/v1/search?q=harbour");

        var problem = await ProblemAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Contains("DELETE", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("GET", response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("/api/v1/auth/login")]
    [InlineData("/api/v1/articles")]
    public async Task Should_answer_malformed_json_with_a_400_problem(string path)
    {
        using var client = await Site.SignedInClientAsync(fixture.EditorEmail);

        using var response = await client.PostAsync(path, new StringContent("{\"email\": \"x@example.test\", \"title\": ", Encoding.UTF8, "application/json"));

        await ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/api/v1/auth/login")]
    [InlineData("/api/v1/articles")]
    public async Task Should_answer_a_body_that_is_not_json_with_a_415_problem(string path)
    {
        using var client = await Site.SignedInClientAsync(fixture.EditorEmail);

        using var response = await client.PostAsync(path, new StringContent("email=x&password=y", Encoding.UTF8, "application/x-www-form-urlencoded"));

        await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Should_answer_a_missing_token_with_401_and_a_reader_token_with_403_problems()
    {
        using var anonymous = Site.Client();
        using var reader = await Site.SignedInClientAsync(fixture.ReaderEmail);
        var article = new { title = "Refused", text = "The mayor said nothing would be stored." };

        var unauthorized = await ProblemAsync(await anonymous.PostAsJsonAsync("/api/v1/articles", article), HttpStatusCode.Unauthorized);
        await ProblemAsync(await reader.PostAsJsonAsync("/api/v1/articles", article), HttpStatusCode.Forbidden);

        Assert.Contains("Bearer", unauthorized.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_answer_a_body_over_the_site_limit_with_a_413_problem()
    {
        using var client = Site.Client();
        // 5 MB: over the site's 4 MB default (the sign-in endpoint has no larger limit of its own).
        var body = "{\"email\": \"x@example.test\", \"password\": \"" + new string('p', 5 * 1024 * 1024) + "\"}";

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        // As curl and browsers do for large bodies: the server refuses on the declared length, before the body is sent.
        request.Headers.ExpectContinue = true;
        using var response = await client.SendAsync(request);

        await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Should_answer_an_article_over_the_import_limit_with_a_413_problem_and_accept_one_just_under_it()
    {
        using var client = await Site.SignedInClientAsync(fixture.EditorEmail);
        // The article body limit is Import:MaxBodyBytes (2 MB); the JSON around it must still get through.
        var fits = new { title = "A long report", text = "The mayor said the harbour would reopen. " + new string('w', (2 * 1024 * 1024) - 200) };
        var tooLarge = new { title = "A longer report", text = new string('w', 5 * 1024 * 1024) };

        using var accepted = await client.PostAsJsonAsync("/api/v1/articles", fits);
        using var refused = await client.PostAsJsonAsync("/api/v1/articles", tooLarge);

        Assert.True(accepted.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{(int)accepted.StatusCode}: {await accepted.Content.ReadAsStringAsync()}");
        await ProblemAsync(refused, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Should_answer_a_conflict_with_a_409_problem()
    {
        using var client = Site.Client();

        await ProblemAsync(await client.GetAsync("/api/v1/hosting-probe/conflict"), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Should_answer_an_unexpected_exception_with_a_500_problem_that_hides_the_exception_and_logs_it_under_the_request_id()
    {
        using var client = Site.Client();

        using var response = await client.GetAsync("/api/v1/hosting-probe/throw");

        var body = await response.Content.ReadAsStringAsync();
        var problem = await ProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.DoesNotContain("secret-internal-detail", body, StringComparison.Ordinal);
        var requestId = problem.GetProperty("requestId").GetString()!;
        Assert.Contains(Site.Log.ForRequest(requestId), e => e.Exception?.Message.Contains("secret-internal-detail", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Should_answer_a_request_slower_than_the_timeout_with_a_504_problem()
    {
        using var client = Site.Client();

        using var response = await client.GetAsync("/api/v1/hosting-probe/slow?milliseconds=5000");

        await ProblemAsync(response, HttpStatusCode.GatewayTimeout);
    }

    [Fact]
    public async Task Should_answer_invalid_input_to_an_api_controller_with_a_validation_problem()
    {
        using var client = Site.Client();

        using var response = await client.GetAsync("/api/v1/hosting-probe/slow?milliseconds=not-a-number");

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("milliseconds", out _), problem.ToString());
    }

    [Fact]
    public async Task Should_show_the_request_id_on_the_error_page_and_log_it_with_the_request()
    {
        using var client = Site.Client();

        using var missing = await client.GetAsync("/no/such/page");
        using var failing = await client.GetAsync("/hosting-probe/throw");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, failing.StatusCode);
        foreach (var response in new[] { missing, failing })
        {
            var html = await response.Content.ReadAsStringAsync();
            Assert.StartsWith("text/html", response.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
            Assert.DoesNotContain("secret-internal-detail", html, StringComparison.Ordinal);
            var requestId = WebUtility.HtmlDecode(RequestIdOnPage().Match(html).Groups[1].Value);
            Assert.NotEmpty(requestId);
            var completion = await Site.Log.CompletionAsync(requestId);
            Assert.NotNull(completion);
            Assert.Equal(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), LogCapture.Text(completion, "StatusCode"));
        }
    }

    /// <summary>Asserts the RFC 9457 shape and that the request id is the one the log recorded the request under; returns the problem.</summary>
    private async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        foreach (var member in new[] { "type", "title", "detail", "instance", "requestId", "traceId" })
        {
            Assert.True(problem.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0, $"'{member}' missing in {body}");
        }

        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.StartsWith("/api/", problem.GetProperty("instance").GetString(), StringComparison.Ordinal);
        var requestId = problem.GetProperty("requestId").GetString()!;
        var completion = await Site.Log.CompletionAsync(requestId);
        Assert.True(completion is not null, $"no request log line with RequestId {requestId}");
        Assert.Equal(((int)expected).ToString(System.Globalization.CultureInfo.InvariantCulture), LogCapture.Text(completion, "StatusCode"));
        return problem;
    }

    [GeneratedRegex("Request id: <code>([^<]+)</code>")]
    private static partial Regex RequestIdOnPage();
}
