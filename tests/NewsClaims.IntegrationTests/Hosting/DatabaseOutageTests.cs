using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using NewsClaims.Web.Hosting;
using Npgsql;

namespace NewsClaims.IntegrationTests.Hosting;

/// <summary>
/// With PostgreSQL stopped, pages and API answer 503 with Retry-After at once (not after Npgsql's 15 s), health says
/// so, liveness does not; started again, the same site serves within seconds, without a restart.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private RestartablePostgres _postgres = null!;

    public async Task InitializeAsync() => _postgres = await RestartablePostgres.StartAsync();

    public async Task DisposeAsync() => await _postgres.DisposeAsync();

    [Fact]
    public async Task Should_answer_503_within_two_seconds_while_the_database_is_down_and_recover_within_five_once_it_is_back()
    {
        await using var site = HostingSite.Start(_postgres.ConnectionString);
        using var client = site.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(UncachedPage())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/search?q=harbour")).StatusCode);
        await AssertHealthAsync(client, ready: true);

        await _postgres.StopAsync();

        // A page: the error page with the request id.
        var clock = Stopwatch.StartNew();
        using var page = await client.GetAsync(UncachedPage());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"the page took {clock.Elapsed}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.True(page.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 }, $"Retry-After was {page.Headers.RetryAfter}");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Temporarily unavailable", html, StringComparison.Ordinal);
        Assert.Contains("Request id: <code>", html, StringComparison.Ordinal);

        // A search answered before the outage is still answered from the reader cache.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/search?q=harbour")).StatusCode);

        // The API: a problem.
        clock.Restart();
        using var api = await client.GetAsync(UncachedSearch());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"the API took {clock.Elapsed}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.True(api.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 }, $"Retry-After was {api.Headers.RetryAfter}");
        using (var problem = JsonDocument.Parse(await api.Content.ReadAsStringAsync()))
        {
            Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
            var requestId = problem.RootElement.GetProperty("requestId").GetString()!;
            Assert.Contains(site.Log.ForRequest(requestId), e => e.MessageTemplate.Text.StartsWith("Database unavailable", StringComparison.Ordinal));
        }

        await AssertHealthAsync(client, ready: false);

        await _postgres.StartAgainAsync();
        clock.Restart();
        HttpStatusCode status;
        do
        {
            status = (await client.GetAsync(UncachedPage())).StatusCode;
            if (status != HttpStatusCode.OK)
            {
                await Task.Delay(100);
            }
        }
        while (status != HttpStatusCode.OK && clock.Elapsed < TimeSpan.FromSeconds(5));

        Assert.True(status == HttpStatusCode.OK, $"still {(int)status} {clock.Elapsed} after the database came back");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(UncachedSearch())).StatusCode);
        await AssertHealthAsync(client, ready: true);
    }

    [Fact]
    public async Task Should_answer_503_within_about_two_seconds_when_the_database_host_accepts_but_never_answers()
    {
        // A "database" that takes the connection and says nothing: only the connection timeout ends the wait.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var held = new List<TcpClient>();
        var accepting = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    held.Add(await silent.AcceptTcpClientAsync());
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
            }
        });
        var connectionString = $"Host=127.0.0.1;Port={((IPEndPoint)silent.LocalEndpoint).Port};Username=app;Database=outage";
        await using var site = HostingSite.Start(connectionString);
        using var client = site.Client();

        var clock = Stopwatch.StartNew();
        using var api = await client.GetAsync("/api/v1/search?q=harbour");
        var apiTime = clock.Elapsed;
        clock.Restart();
        using var health = await client.GetAsync("/health");
        var healthTime = clock.Elapsed;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.True(apiTime < TimeSpan.FromSeconds(3), $"the API took {apiTime}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.True(healthTime < TimeSpan.FromSeconds(3.5), $"/health took {healthTime}");
        silent.Stop();
        await accepting;
        held.ForEach(c => c.Dispose());
    }

    [Theory]
    [InlineData("Host=db;Username=app", "2", "30")]
    [InlineData("Host=db;Username=app;Timeout=9", "9", "30")]
    [InlineData("Host=db;Username=app;Command Timeout=120", "2", "120")]
    [InlineData("Host=db;Username=app;Timeout=7;Command Timeout=0", "7", "0")]
    public void Should_shorten_the_connection_timeout_only_where_the_connection_string_does_not_set_it(string given, string timeout, string commandTimeout)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:ConnectTimeoutSeconds"] = "2",
            ["Database:CommandTimeoutSeconds"] = "30",
        }).Build();

        var result = new NpgsqlConnectionStringBuilder(DatabaseUnavailable.WithTimeouts(given, config));

        Assert.Equal(int.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture), result.Timeout);
        Assert.Equal(int.Parse(commandTimeout, System.Globalization.CultureInfo.InvariantCulture), result.CommandTimeout);
        Assert.Equal("db", result.Host);
    }

    /// <summary>The people index with a query never asked before: reader pages are output-cached (and keep being served while the database is down).</summary>
    private static string UncachedPage() => $"/speakers?q=outage-{Guid.NewGuid():N}";

    /// <summary>A search no one asked before, so the reader cache cannot answer it.</summary>
    private static string UncachedSearch() => $"/api/v1/search?q=harbour&probe={Guid.NewGuid():N}";

    private static async Task AssertHealthAsync(HttpClient client, bool ready)
    {
        var expected = ready ? HttpStatusCode.OK : HttpStatusCode.ServiceUnavailable;
        using var health = await client.GetAsync("/health");
        using var readiness = await client.GetAsync("/health/ready");
        using var liveness = await client.GetAsync("/health/live");

        Assert.Equal(expected, health.StatusCode);
        Assert.Equal(ready ? "Healthy" : "Unhealthy", await health.Content.ReadAsStringAsync());
        Assert.Equal(expected, readiness.StatusCode);
        using var readyJson = JsonDocument.Parse(await readiness.Content.ReadAsStringAsync());
        Assert.Equal(ready ? "Healthy" : "Unhealthy", readyJson.RootElement.GetProperty("status").GetString());
        Assert.Equal(ready ? "Healthy" : "Unhealthy", readyJson.RootElement.GetProperty("checks").GetProperty("postgresql").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, liveness.StatusCode);
        using var liveJson = JsonDocument.Parse(await liveness.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", liveJson.RootElement.GetProperty("status").GetString());
        Assert.False(liveJson.RootElement.GetProperty("checks").TryGetProperty("postgresql", out _), "liveness must not depend on the database");
    }
}
