using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using NewsClaims.Data.Identity;
using NewsClaims.IntegrationTests.Infrastructure;

namespace NewsClaims.IntegrationTests.Hosting;

/// <summary>
/// Sign-in is limited per client address, API writes per account: over the limit, 429 with Retry-After (a problem
/// under /api, the error page for the form). Limits come from the RateLimits section, set low here.
/// </summary>
public sealed partial class RateLimitTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private const int LoginLimit = 3;
    private const int WriteLimit = 2;
    private HostingSite _site = null!;

    public Task InitializeAsync()
    {
        _site = HostingSite.Start(database.ConnectionString, new Dictionary<string, string?>
        {
            ["RateLimits:Login:PermitLimit"] = LoginLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimits:Login:WindowSeconds"] = "60",
            ["RateLimits:ApiWrites:PermitLimit"] = WriteLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimits:ApiWrites:WindowSeconds"] = "60",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task Should_limit_api_sign_in_attempts_per_client_address_with_429_and_retry_after()
    {
        using var client = _site.Client();
        var wrong = new { email = "nobody@example.test", password = "not the password" };
        for (var i = 0; i < LoginLimit; i++)
        {
            using var refused = await client.PostAsJsonAsync("/api/v1/auth/login", wrong);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var limited = await client.PostAsJsonAsync("/api/v1/auth/login", wrong);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 and <= 60 }, $"Retry-After was {limited.Headers.RetryAfter}");
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await limited.Content.ReadAsStringAsync());
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.NotEmpty(problem.RootElement.GetProperty("requestId").GetString()!);
        Assert.Contains("sign-in", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Another client behind the same (loopback, trusted) proxy has its own allowance.
        using var elsewhere = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent.Create(wrong) };
        elsewhere.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var other = await client.SendAsync(elsewhere);
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);

        // Reading is not limited.
        using var read = await client.GetAsync("/api/v1/search?q=harbour");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task Should_limit_the_sign_in_form_and_show_the_wait_on_the_error_page()
    {
        using var client = _site.Client();
        HttpResponseMessage? last = null;
        for (var i = 0; i <= LoginLimit; i++)
        {
            last?.Dispose();
            using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "a@example.test", ["Password"] = "x" }),
            };
            post.Headers.Add("X-Forwarded-For", "198.51.100.20");
            last = await client.SendAsync(post);
            if (i < LoginLimit)
            {
                Assert.NotEqual(HttpStatusCode.TooManyRequests, last.StatusCode);
            }
        }

        using var limited = last!;
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var wait = limited.Headers.RetryAfter?.Delta;
        Assert.True(wait is { TotalSeconds: >= 1 and <= 60 }, $"Retry-After was {limited.Headers.RetryAfter}");
        var html = await limited.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Too many requests</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"Wait {(int)wait!.Value.TotalSeconds} seconds", html, StringComparison.Ordinal);
        Assert.Matches(RequestIdOnPage(), html);
    }

    [Fact]
    public async Task Should_limit_api_writes_per_account_not_per_address()
    {
        var first = $"writer1-{Guid.NewGuid():N}@example.test";
        var second = $"writer2-{Guid.NewGuid():N}@example.test";
        await _site.CreateAccountAsync(first, NewsClaimsRoles.Editor);
        await _site.CreateAccountAsync(second, NewsClaimsRoles.Editor);
        using var one = await SignedInFromAsync(first, "192.0.2.1");
        using var two = await SignedInFromAsync(second, "192.0.2.2");
        var notAnArticle = new { title = "" };

        for (var i = 0; i < WriteLimit; i++)
        {
            using var refused = await one.PostAsJsonAsync("/api/v1/articles", notAnArticle);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        using var limited = await one.PostAsJsonAsync("/api/v1/articles", notAnArticle);
        using var otherAccount = await two.PostAsJsonAsync("/api/v1/articles", notAnArticle);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 and <= 60 }, $"Retry-After was {limited.Headers.RetryAfter}");
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, otherAccount.StatusCode);
    }

    /// <summary>Signs in as if from <paramref name="address"/>, so the sign-in limit of the test's own address is not used up.</summary>
    private async Task<HttpClient> SignedInFromAsync(string email, string address)
    {
        var client = _site.Client();
        using var login = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent.Create(new { email, password = HostingSite.Password }) };
        login.Headers.Add("X-Forwarded-For", address);
        using var response = await client.SendAsync(login);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new("Bearer", json.RootElement.GetProperty("accessToken").GetString());
        return client;
    }

    [GeneratedRegex("Request id: <code>[^<]+</code>")]
    private static partial Regex RequestIdOnPage();
}
