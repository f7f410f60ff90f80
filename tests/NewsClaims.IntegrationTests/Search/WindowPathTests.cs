using NewsClaims.Data.Search;
using NewsClaims.IntegrationTests.Infrastructure;
using Npgsql;

namespace NewsClaims.IntegrationTests.Search;

/// <summary>
/// How a search finds its window of most recent matches: the rule that chooses the way, and the two ways giving the
/// same statements in the same order (a wrong choice may cost time, never results).
/// </summary>
[Collection(SearchCollection.Name)]
public sealed class WindowPathTests(SearchFixture site)
{
    [Theory]
    [InlineData("harbour plan", new[] { "harbour", "plan" }, false)]
    [InlineData("harbour -plan", new[] { "harbour" }, false)]
    [InlineData("\"harbour plan\" or ostrovia", new[] { "harbour", "plan", "ostrovia" }, true)]
    [InlineData("déjà vu", new[] { "déjà", "vu" }, false)]
    public void Should_price_the_required_words_and_see_alternatives(string query, string[] words, bool alternatives)
    {
        var priced = WindowPaths.WordsToPrice(query);

        Assert.NotNull(priced);
        Assert.Equal(words, priced.Value.Words);
        Assert.Equal(alternatives, priced.Value.Alternatives);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2024")]
    [InlineData("-harbour")]
    [InlineData("a or b or c or d or e or f or g")]
    public void Should_leave_the_choice_to_postgresql_when_there_is_nothing_to_price(string query) =>
        Assert.Null(WindowPaths.WordsToPrice(query));

    [Fact]
    public void Should_take_every_match_when_the_rarest_required_word_is_below_the_square_root_bound()
    {
        // √(500 × 1,000,000) ≈ 22,360 matches: below, every match; above, newest first.
        Assert.Equal(WindowPath.EveryMatch, WindowPaths.Choose([143_000, 6_400], [1, 1], false, 1_000_000, 500));
        Assert.Equal(WindowPath.PlannerChooses, WindowPaths.Choose([143_000, 98_000], [1, 1], false, 1_000_000, 500));
        Assert.Equal(WindowPath.EveryMatch, WindowPaths.Choose([22_000], [1], false, 1_000_000, 500));
        Assert.Equal(WindowPath.PlannerChooses, WindowPaths.Choose([23_000], [1], false, 1_000_000, 500));
    }

    [Fact]
    public void Should_add_up_alternatives_and_ignore_stop_words()
    {
        Assert.Equal(WindowPath.PlannerChooses, WindowPaths.Choose([15_000, 15_000], [1, 1], true, 1_000_000, 500));
        Assert.Equal(WindowPath.EveryMatch, WindowPaths.Choose([5_000, 5_000], [1, 1], true, 1_000_000, 500));

        // "the budget": the stop word's estimate (1 row) bounds nothing; "budget" alone decides.
        Assert.Equal(WindowPath.PlannerChooses, WindowPaths.Choose([1, 143_000], [0, 1], false, 1_000_000, 500));
        Assert.Equal(WindowPath.PlannerChooses, WindowPaths.Choose([1], [0], false, 1_000_000, 500));

        // An alternative that is only a stop word leaves the bound unknown.
        Assert.Equal(WindowPath.PlannerChooses, WindowPaths.Choose([1, 10], [0, 1], true, 1_000_000, 500));
    }

    [Theory]
    [InlineData("harbour")]
    [InlineData("harbour or ostrovia")]
    [InlineData("\"back down\"")]
    public async Task Should_find_the_same_window_either_way(string query)
    {
        const string where = "s.document @@ websearch_to_tsquery('public.nc_english'::regconfig, @q)";
        var newestFirst = await WindowAsync(WindowPaths.Source(WindowPath.PlannerChooses, where, 3), query);
        var everyMatch = await WindowAsync(WindowPaths.Source(WindowPath.EveryMatch, where, 3), query);

        Assert.NotEmpty(newestFirst);
        Assert.Equal(newestFirst, everyMatch);
    }

    [Fact]
    public async Task Should_ask_postgresql_for_a_words_estimate_once_in_ten_minutes()
    {
        var clock = new FixedTimeProvider(DateTimeOffset.UtcNow);
        var estimates = new WordEstimates(clock);
        await using var connection = await site.OpenConnectionAsync();
        await using (var analyse = new NpgsqlCommand("ANALYZE statement_search", connection))
        {
            await analyse.ExecuteNonQueryAsync();
        }

        await using var count = new NpgsqlCommand("SELECT count(*) FROM statement_search", connection);
        var statements = (long)(await count.ExecuteScalarAsync())!;
        var first = await estimates.ForAsync(connection, ["harbour", "the"], ["nc_english"], CancellationToken.None);

        Assert.Equal(statements, first.Statements);
        Assert.Equal([1, 0], first.Lexemes);
        Assert.True(first.Matches[0] >= 1);

        // Known words are answered from memory: no round trip (the connection is closed), same figures.
        await connection.CloseAsync();
        clock.Advance(TimeSpan.FromMinutes(9));
        var again = await estimates.ForAsync(connection, ["harbour"], ["nc_english"], CancellationToken.None);
        Assert.Equal(first.Matches[0], again.Matches[0]);

        // A new word, or a known one after ten minutes, goes to PostgreSQL.
        await Assert.ThrowsAsync<InvalidOperationException>(() => estimates.ForAsync(connection, ["ostrovia"], ["nc_english"], CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(2));
        await Assert.ThrowsAsync<InvalidOperationException>(() => estimates.ForAsync(connection, ["harbour"], ["nc_english"], CancellationToken.None));
        await connection.OpenAsync();
        var renewed = await estimates.ForAsync(connection, ["harbour"], ["nc_english"], CancellationToken.None);
        Assert.Equal(first.Matches[0], renewed.Matches[0]);
    }

    private async Task<List<long>> WindowAsync(string source, string query)
    {
        await using var connection = await site.OpenConnectionAsync();
        await using var command = new NpgsqlCommand($"WITH {source} SELECT statement_id FROM m ORDER BY statement_id DESC", connection);
        command.Parameters.AddWithValue("q", query);
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }
}
