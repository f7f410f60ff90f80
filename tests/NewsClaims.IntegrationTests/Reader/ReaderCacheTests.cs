using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace NewsClaims.IntegrationTests.Reader;

/// <summary>Anonymous pages and searches come from the output cache until a change evicts them, whichever process made it.</summary>
public sealed class ReaderCacheTests(ReaderSiteFixture site) : IClassFixture<ReaderSiteFixture>
{
    [Fact]
    public async Task Should_answer_a_repeated_anonymous_request_from_the_cache_and_editors_fresh()
    {
        var client = site.Factory.CreateClient();
        var url = $"/claims/{site.RelatedClaimId}?cache-probe={Guid.NewGuid():N}";

        using var first = await client.GetAsync(url);
        using var second = await client.GetAsync(url);
        var withCredentials = new HttpRequestMessage(HttpMethod.Get, url);
        withCredentials.Headers.Authorization = new("Bearer", "any");
        using var editor = await client.SendAsync(withCredentials);

        Assert.False(first.Headers.Age.HasValue, "the first request was rendered");
        Assert.True(second.Headers.Age.HasValue, "the second identical request should come from the cache");
        Assert.False(editor.Headers.Age.HasValue, "a request with credentials must be rendered fresh");
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Should_evict_when_another_process_commits_a_change_readers_see()
    {
        var client = site.Factory.CreateClient();
        var page = $"/claims/{site.RelatedClaimId}";
        var search = "/api/v1/search?tab=claims&q=" + Uri.EscapeDataString("tramline");
        Assert.Contains("The rail line has no budget.", await client.GetStringAsync(page));
        Assert.Equal(0, await ClaimsFoundAsync(client, search));
        Assert.True((await client.GetAsync(page)).Headers.Age.HasValue, "the page should now be cached");

        // As the command-line import or another site instance would: a connection of its own, not the site's
        // DbContext, so only the database's notification can tell the site.
        await using (var connection = await site.OpenConnectionAsync())
        await using (var command = new Npgsql.NpgsqlCommand(
            "UPDATE claims SET text = 'The rail line has no budget for the tramline.' WHERE id = @id", connection))
        {
            command.Parameters.AddWithValue("id", site.RelatedClaimId);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        Assert.True(await EventuallyAsync(async () => (await client.GetStringAsync(page)).Contains("no budget for the tramline", StringComparison.Ordinal)),
            "the cached claim page was not evicted after another process changed the claim");
        Assert.True(await EventuallyAsync(async () => await ClaimsFoundAsync(client, search) == 1),
            "the cached search result was not evicted after another process changed the claim");
    }

    [Fact]
    public async Task Should_listen_again_after_losing_its_connection_and_evict_what_it_missed()
    {
        var client = site.Factory.CreateClient();
        var page = $"/claims/{site.ClaimId}?after-reconnect={Guid.NewGuid():N}";
        await client.GetStringAsync(page);
        await using var connection = await site.OpenConnectionAsync();
        Assert.True(await EventuallyAsync(async () => await ListenersAsync(connection) == 1), "the site is not listening for changes");

        await using (var kill = new Npgsql.NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'newsclaims-reader-changes'", connection))
        {
            Assert.Equal(1L, await kill.ExecuteScalarAsync());
        }

        // Changed while nobody listens: the reconnect itself must evict it.
        await using (var update = new Npgsql.NpgsqlCommand("UPDATE claims SET text = text || ' (revised)' WHERE id = @id", connection))
        {
            update.Parameters.AddWithValue("id", site.ClaimId);
            await update.ExecuteNonQueryAsync();
        }

        Assert.True(await EventuallyAsync(async () => await ListenersAsync(connection) == 1, TimeSpan.FromSeconds(20)), "the site did not listen again");
        Assert.True(await EventuallyAsync(async () => (await client.GetStringAsync(page)).Contains("(revised)", StringComparison.Ordinal)),
            "the change made while the site was not listening is still not shown");
    }

    private static async Task<int> ClaimsFoundAsync(HttpClient client, string search)
    {
        using var body = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(search));
        return body.RootElement.GetProperty("claims").GetProperty("items").GetArrayLength();
    }

    private static async Task<long> ListenersAsync(Npgsql.NpgsqlConnection connection)
    {
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'newsclaims-reader-changes'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Polls for up to ten seconds (or <paramref name="within"/>): a notification arrives after the commit, not with it.</summary>
    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return await condition();
    }

    [Fact]
    public async Task Should_evict_by_itself_when_the_site_saves_a_change_readers_see()
    {
        var client = site.Factory.CreateClient();
        var url = $"/claims/{site.ClaimId}";
        Assert.Contains("Verdict: Mostly false", await client.GetStringAsync(url));

        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsClaims.Data.NewsClaimsDbContext>();
            var claim = await db.Claims.SingleAsync(c => c.Id == site.ClaimId);
            claim.WithdrawVerdict();
            await db.SaveChangesAsync();
        }

        Assert.Contains("Not yet rated", await client.GetStringAsync(url));
    }

    [Fact]
    public async Task Should_cache_each_query_string_separately()
    {
        var client = site.Factory.CreateClient();

        var direct = await client.GetStringAsync($"/speakers/{site.TimelineSlug}?kind=direct");
        var all = await client.GetStringAsync($"/speakers/{site.TimelineSlug}");

        Assert.Contains("40 of 121 statements match", Html.Text(direct));
        Assert.DoesNotContain("40 of 121", Html.Text(all));
    }
}
