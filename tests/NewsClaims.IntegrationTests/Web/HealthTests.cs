using System.Net;
using NewsClaims.Data.LocalPostgres;

namespace NewsClaims.IntegrationTests.Web;

/// <summary>/health answers from the database's real state: this class owns a server it can stop.</summary>
public sealed class HealthTests : IAsyncLifetime
{
    private LocalPostgresServer _server = null!;

    public async Task InitializeAsync() => _server = await LocalPostgresServer.StartThrowawayAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Should_answer_200_while_the_database_answers_and_503_once_it_stops()
    {
        await using var factory = new NewsClaimsWebFactory(_server.ConnectionString);
        using var client = factory.CreateClient();

        var healthy = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        Assert.Equal("Healthy", await healthy.Content.ReadAsStringAsync());

        await _server.StopAsync();

        var started = DateTimeOffset.UtcNow;
        var unhealthy = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unhealthy.StatusCode);
        Assert.Equal("Unhealthy", await unhealthy.Content.ReadAsStringAsync());
        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(5), "an unreachable database must not make /health hang");
    }
}
