using System.Net;
using System.Text.Json;
using NewsClaims.Data.Identity;
using NewsClaims.IntegrationTests.Infrastructure;
using Serilog.Events;

namespace NewsClaims.IntegrationTests.Hosting;

/// <summary>Every log line of a request names its request id and trace id; one line per request says what happened, without query strings or bodies.</summary>
public sealed class RequestLoggingTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private HostingSite _site = null!;

    public Task InitializeAsync()
    {
        // Debug, so the health probes' lines reach the sink and their level can be seen.
        _site = HostingSite.Start(database.ConnectionString, new Dictionary<string, string?> { ["Serilog:MinimumLevel:Default"] = "Debug" });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task Should_log_one_line_per_request_with_method_path_status_time_and_account_under_the_request_id()
    {
        var email = $"logged-{Guid.NewGuid():N}@example.test";
        var accountId = await _site.CreateAccountAsync(email, NewsClaimsRoles.Editor);
        using var client = await _site.SignedInClientAsync(email);

        using var response = await client.PostAsync("/api/v1/articles?password=hunter2-secret&token=abc-secret",
            new StringContent("{\"title\": \"body-secret\"", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var requestId = problem.RootElement.GetProperty("requestId").GetString()!;
        var completion = await _site.Log.CompletionAsync(requestId);
        Assert.NotNull(completion);
        Assert.Equal("POST", LogCapture.Text(completion, "RequestMethod"));
        Assert.Equal("/api/v1/articles", LogCapture.Text(completion, "RequestPath"));
        Assert.Equal("400", LogCapture.Text(completion, "StatusCode"));
        Assert.NotNull(LogCapture.Text(completion, "Elapsed"));
        Assert.Equal(accountId, LogCapture.Text(completion, "UserId"));
        Assert.Equal(LogEventLevel.Information, completion.Level);

        var traceId = LogCapture.Text(completion, "TraceId");
        Assert.False(string.IsNullOrEmpty(traceId));
        Assert.Contains(traceId, problem.RootElement.GetProperty("traceId").GetString(), StringComparison.Ordinal);
        var lines = _site.Log.ForRequest(requestId);
        Assert.All(lines, e => Assert.Equal(traceId, LogCapture.Text(e, "TraceId")));
        Assert.DoesNotContain(_site.Log.Events, e => Rendered(e).Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_log_health_probes_at_debug_only()
    {
        using var client = _site.Client();

        using var health = await client.GetAsync("/health/live");
        using var page = await client.GetAsync("/speakers");
        await Task.Delay(300);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var probes = _site.Log.Events.Where(e => LogCapture.Text(e, "RequestPath") == "/health/live").ToList();
        Assert.NotEmpty(probes);
        Assert.All(probes, e => Assert.True(e.Level <= LogEventLevel.Debug, $"{e.Level}: {e.RenderMessage()}"));
        Assert.Contains(_site.Log.Events, e => LogCapture.Text(e, "RequestPath") == "/speakers" && e.Level == LogEventLevel.Information);
    }

    private static string Rendered(LogEvent e) =>
        e.RenderMessage() + " " + string.Join(" ", e.Properties.Select(p => p.Value.ToString())) + " " + e.Exception;
}
