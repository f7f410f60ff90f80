using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsClaims.Data;
using NewsClaims.Data.Import;
using NewsClaims.Data.Search;
using NewsClaims.IntegrationTests.Search;
using NewsClaims.Web.Hosting;
using Npgsql;

namespace NewsClaims.IntegrationTests.Hosting;

/// <summary>
/// The site's connections prepare the statements they run again and are not reset on their way back to the pool;
/// so a search's statements stay prepared, and nothing the site does (a search, an import) leaves a setting behind
/// on the connection for the next request.
/// </summary>
[Collection(SearchCollection.Name)]
public sealed class StatementReuseTests(SearchFixture site)
{
    [Theory]
    [InlineData("Host=db;Username=app", 64, 2, true)]
    [InlineData("Host=db;Username=app;Max Auto Prepare=0", 0, 2, true)]
    [InlineData("Host=db;Username=app;Auto Prepare Min Usages=5;No Reset On Close=false", 64, 5, false)]
    public void Should_add_statement_reuse_only_where_the_connection_string_does_not_say(string given, int maxAutoPrepare, int minUsages, bool noReset)
    {
        var result = new NpgsqlConnectionStringBuilder(StatementReuse.WithDefaults(given));
        Assert.Equal(maxAutoPrepare, result.MaxAutoPrepare);
        Assert.Equal(minUsages, result.AutoPrepareMinUsages);
        Assert.Equal(noReset, result.NoResetOnClose);
        Assert.Equal("db", result.Host);
    }

    [Fact]
    public async Task Should_keep_a_searchs_statements_prepared_and_leave_no_setting_behind_after_an_import()
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsClaimsDbContext>();
        string fresh;
        await using (var other = await site.OpenConnectionAsync())
        {
            fresh = await ScalarAsync(other, "SELECT current_setting('synchronous_commit')");
        }

        // Held open, so the search, the import and the checks below share one server session.
        await db.Database.OpenConnectionAsync();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var search = scope.ServiceProvider.GetRequiredService<QuoteSearch>();
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await search.SearchAsync(new SearchRequest { Query = "harbour plan" }, CancellationToken.None)).Total > 0);
        }

        var prepared = await ScalarAsync(connection, "SELECT count(*)::text FROM pg_prepared_statements WHERE statement LIKE '%statement_search%' AND statement NOT LIKE '%pg_prepared_statements%'");
        Assert.True(int.Parse(prepared, System.Globalization.CultureInfo.InvariantCulture) >= 2, $"{prepared} search statements prepared");

        var body = $"The port authority said the Keldmouth breakwater would open in May. {Guid.NewGuid():N}";
        var outcome = await scope.ServiceProvider.GetRequiredService<ArticleImporter>()
            .ImportAsync(PlainTextArticle.Parse($"---\ntitle: Keldmouth breakwater opens in May\n---\n{body}"), null, CancellationToken.None);
        Assert.IsType<ImportOutcome.Imported>(outcome);

        // The import's settings were for its transaction only.
        Assert.Equal(fresh, await ScalarAsync(connection, "SELECT current_setting('synchronous_commit')"));
        Assert.Equal("", await ScalarAsync(connection, $"SELECT coalesce(current_setting('{SearchBacklog.Setting}', true), '')"));
        Assert.Equal("0", await ScalarAsync(connection, "SELECT count(*)::text FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()"));
        await db.Database.CloseConnectionAsync();
    }

    private static async Task<string> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
