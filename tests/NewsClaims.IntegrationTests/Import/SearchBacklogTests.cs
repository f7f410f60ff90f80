using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsClaims.Data.Import;
using NewsClaims.Data.Search;
using NewsClaims.IntegrationTests.Infrastructure;
using NewsClaims.IntegrationTests.Web;
using Npgsql;

namespace NewsClaims.IntegrationTests.Import;

/// <summary>
/// Bulk imports queue their statements' search upkeep in <c>statement_search_backlog</c> and drain it on another
/// connection: what they leave must be exactly what the synchronous path leaves, nothing may stay queued when
/// ImportManyAsync returns, leftovers (an import killed between a batch and its drain) are drained by the next import
/// and by the site, a failed drain loses nothing, and small imports stay synchronous.
/// </summary>
public sealed class SearchBacklogTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    // Small batches, so returning speakers gain aliases in later batches while earlier batches may still be queued.
    private readonly ServiceProvider _services = ImportTestKit.Services(database.ConnectionString, o => o.BatchSize = 7);

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Should_leave_exactly_what_the_synchronous_path_leaves_and_nothing_queued()
    {
        // Two fresh databases, so the same batches in the same order get the same ids: one imported in bulk, one
        // through the synchronous path (site, upload, API).
        var items = Items("same", 70);
        var (bulkName, bulkConnectionString) = await database.Server.CloneTemplateAsync("SearchBacklogBulk");
        var (syncName, syncConnectionString) = await database.Server.CloneTemplateAsync("SearchBacklogSync");
        try
        {
            using (var bulk = ImportTestKit.Services(bulkConnectionString, o => o.BatchSize = 7))
            {
                Assert.Equal(70, (await ImportManyAsync(bulk, items)).Imported);
            }

            using (var sync = ImportTestKit.Services(syncConnectionString))
            {
                foreach (var chunk in items.Chunk(7))
                {
                    Assert.All(await sync.ImportAsync(chunk), r => Assert.IsType<ImportOutcome.Imported>(r.Outcome));
                }
            }

            await using var bulkConnection = new NpgsqlConnection(bulkConnectionString);
            await bulkConnection.OpenAsync();
            await using var syncConnection = new NpgsqlConnection(syncConnectionString);
            await syncConnection.OpenAsync();
            var expected = await ExactStateAsync(syncConnection);
            Assert.True(expected.Rows.Count > 150, $"only {expected.Rows.Count} search rows");
            Assert.Contains(expected.Rows, r => r.Contains("'tidewat'", StringComparison.Ordinal));
            AssertSame(expected, await ExactStateAsync(bulkConnection));

            Assert.Equal(0L, await ScalarAsync<long>(bulkConnection, "SELECT count(*) FROM statement_search_backlog"));
            Assert.True(await ScalarAsync<long>(bulkConnection, "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM statement_search_backlog_id_seq") >= 10, "the bulk import queued nothing");
            Assert.False(await ScalarAsync<bool>(syncConnection, "SELECT is_called FROM statement_search_backlog_id_seq"), "the synchronous path queued");
        }
        finally
        {
            await database.Server.DropDatabaseAsync(bulkName);
            await database.Server.DropDatabaseAsync(syncName);
        }
    }

    [Fact]
    public async Task Should_drain_what_an_earlier_import_left_queued_when_the_next_import_starts()
    {
        var items = Items("leftover", 21);
        await ImportManyAsync(_services, items);
        await using var connection = await database.OpenConnectionAsync();
        var complete = await ExactStateAsync(connection);
        var queued = await UndrainAsync(connection, "leftover-4", "leftover-17");

        await using var listener = await database.OpenConnectionAsync();
        var notified = new List<string>();
        listener.Notification += (_, e) => notified.Add(e.Payload);
        await ExecuteAsync(listener, $"LISTEN {NewsClaims.Data.ReaderChanges.Channel}");

        // Nothing new to import (every article is a duplicate): the import still drains what it finds queued.
        var summary = await ImportManyAsync(_services, items);
        Assert.Equal(21, summary.Duplicates);
        Assert.Equal(0L, await ScalarAsync<long>(connection, "SELECT count(*) FROM statement_search_backlog"));
        AssertSame(complete, await ExactStateAsync(connection));

        // The reader caches hear of the drain's commit, as of any change to what readers see.
        while (await listener.WaitAsync(TimeSpan.FromSeconds(1)))
        {
        }

        Assert.Contains("statement_search", notified);
        Assert.True(queued > 0);
    }

    [Fact]
    public async Task Should_keep_rows_queued_when_a_drain_fails_and_say_so()
    {
        var items = Items("failing", 14);
        await ImportManyAsync(_services, items);
        await using var connection = await database.OpenConnectionAsync();
        var complete = await ExactStateAsync(connection);
        await UndrainAsync(connection, "failing-3");
        var undrained = await ExactStateAsync(connection);

        // Break the lexicon step after the refresh has run in the same transaction.
        await ExecuteAsync(connection, """
            CREATE OR REPLACE FUNCTION public.search_lexicon_add(ids bigint[]) RETURNS void
            LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'lexicon unavailable'; END $$;
            """);
        try
        {
            var failure = await Assert.ThrowsAsync<SearchBacklogException>(() => ImportManyAsync(_services, items));
            Assert.Contains("lexicon unavailable", failure.Message, StringComparison.Ordinal);
            Assert.Equal(1L, await ScalarAsync<long>(connection, "SELECT count(*) FROM statement_search_backlog"));
            AssertSame(undrained, await ExactStateAsync(connection));
        }
        finally
        {
            await ExecuteAsync(connection, SearchSchema.CheaperLexiconWordFilter);
        }

        await ImportManyAsync(_services, items);
        Assert.Equal(0L, await ScalarAsync<long>(connection, "SELECT count(*) FROM statement_search_backlog"));
        AssertSame(complete, await ExactStateAsync(connection));
    }

    [Fact]
    public async Task Should_be_drained_by_the_site_at_start_and_while_it_runs()
    {
        var items = Items("site", 14);
        await ImportManyAsync(_services, items);
        await using var connection = await database.OpenConnectionAsync();
        var complete = await ExactStateAsync(connection);
        await UndrainAsync(connection, "site-2", "site-9");

        await using var site = new NewsClaimsWebFactory(database.ConnectionString);
        await using var factory = site.WithWebHostBuilder(b => b.UseSetting("Search:BacklogDrainSeconds", "1"));
        _ = factory.Services; // starts the host and its background services
        await UntilDrainedAsync(connection);
        AssertSame(complete, await ExactStateAsync(connection));

        // Left while the site runs: drained at one of its next ticks.
        await UndrainAsync(connection, "site-5");
        await UntilDrainedAsync(connection);
        AssertSame(complete, await ExactStateAsync(connection));
    }

    [Fact]
    public async Task Should_build_the_search_rows_of_a_small_import_in_its_own_transaction()
    {
        await using var connection = await database.OpenConnectionAsync();
        var sequence = await ScalarAsync<string>(connection, "SELECT last_value || '/' || is_called FROM statement_search_backlog_id_seq");
        var article = (await _services.ImportAsync(new ArticleSubmission(
            "Ferry timetable changes",
            "Harbour master Odile Brackwater said the Lunport ferry would sail twice daily from March.\n\n“Passengers asked for it,” Brackwater said.",
            null, "Coastal Wire", null, new DateOnly(2025, 3, 3), "en"))).ArticleId();

        // Searchable at commit: no drainer ran (none was started), nothing was queued.
        Assert.Equal(0L, await ScalarAsync<long>(connection, $"SELECT count(*) FROM statements s WHERE s.article_id = {article} AND NOT EXISTS (SELECT 1 FROM statement_search x WHERE x.statement_id = s.id)"));
        Assert.True(await ScalarAsync<long>(connection, $"SELECT count(*) FROM statement_search WHERE article_id = {article}") >= 1);
        Assert.True(await ScalarAsync<long>(connection, "SELECT coalesce(max(occurrences), 0) FROM search_lexicon WHERE word = 'brackwater'") >= 1);
        Assert.Equal(0L, await ScalarAsync<long>(connection, "SELECT count(*) FROM statement_search_backlog"));
        Assert.Equal(sequence, await ScalarAsync<string>(connection, "SELECT last_value || '/' || is_called FROM statement_search_backlog_id_seq"));
    }

    private static void AssertSame((List<string> Rows, List<string> Lexicon) expected, (List<string> Rows, List<string> Lexicon) actual)
    {
        Assert.Equal(expected.Rows, actual.Rows);
        Assert.Equal(expected.Lexicon, actual.Lexicon);
    }

    private static List<ImportItem> Items(string prefix, int count) =>
        [.. Enumerable.Range(1, count).Select(n => JsonArticle.Parse(ImportTestKit.Utf8(Line(prefix, n)), $"{prefix} line {n}"))];

    private static async Task<ImportSummary> ImportManyAsync(ServiceProvider services, IEnumerable<ImportItem> items)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ArticleImporter>().ImportManyAsync(items, null, _ => { }, CancellationToken.None);
    }

    /// <summary>
    /// Puts stored articles back in the state a killed import leaves between a batch's commit and its drain: their
    /// statements' search rows and lexicon counts removed, their ids queued. Returns the statements queued.
    /// </summary>
    private static async Task<int> UndrainAsync(NpgsqlConnection connection, params string[] ids)
    {
        await using var command = new NpgsqlCommand(
            """
            WITH queued AS (
                SELECT array_agg(s.id ORDER BY s.id) AS ids
                FROM statements s JOIN articles a ON a.id = s.article_id
                WHERE a.title = ANY (@titles)),
            words AS (
                SELECT w.word, count(*) AS n
                FROM statements s
                JOIN queued q ON s.id = ANY (q.ids)
                LEFT JOIN people p ON p.id = s.speaker_id
                CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector('simple', public.f_unaccent(s.text || ' ' || coalesce(p.name, ''))))) AS w(word)
                WHERE length(w.word) BETWEEN 3 AND 40 AND w.word ~ '^[[:alpha:]]+$'
                GROUP BY w.word),
            uncounted AS (
                UPDATE search_lexicon l SET occurrences = l.occurrences - words.n FROM words WHERE l.word = words.word RETURNING l.word),
            unbuilt AS (
                DELETE FROM statement_search x USING queued q WHERE x.statement_id = ANY (q.ids) RETURNING x.statement_id)
            INSERT INTO statement_search_backlog (statement_ids)
            SELECT ids FROM queued
            WHERE (SELECT count(*) FROM uncounted) > 0 AND (SELECT count(*) FROM unbuilt) > 0
            RETURNING cardinality(statement_ids)
            """,
            connection);
        command.Parameters.AddWithValue("titles", ids.Select(Title).ToArray());
        var queued = (int)(await command.ExecuteScalarAsync())!;
        await ExecuteAsync(connection, "DELETE FROM search_lexicon WHERE occurrences = 0");
        return queued;
    }

    private static async Task UntilDrainedAsync(NpgsqlConnection connection)
    {
        for (var waited = 0; await ScalarAsync<long>(connection, "SELECT count(*) FROM statement_search_backlog") > 0; waited += 100)
        {
            Assert.True(waited < 30_000, "the site did not drain the backlog within 30 s");
            await Task.Delay(100);
        }
    }

    private static string Title(string id) => $"Tide bulletin {id}";

    /// <summary>An invented article per number; every seventh returns to one harbour master under a new name.</summary>
    private static string Line(string prefix, int n) => JsonSerializer.Serialize(new
    {
        id = $"{prefix}-{n}",
        title = Title($"{prefix}-{n}"),
        outlet = n % 2 == 0 ? "The Lunport Ledger" : "Coastal Wire",
        published = new DateOnly(2025, 2, 1).AddDays(n % 200).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        text = n % 7 == 0
            ? $"Harbour master Ilse Tidewater said the tides at {prefix} pier {n} were unusually kind.\n\n" +
              $"“We will open {prefix} pier {n} on Friday,” Captain Tidewater said.\n\n" +
              $"Tidewater warned that the breakwater at {prefix} pier {n} needed repairs."
            : $"Harbour master Elin Vos{n} said {prefix} berth {n} would reopen after repairs to the quay wall.\n\n" +
              $"“We expect the first ships at {prefix} berth {n} within a week,” Vos{n} said on Monday.\n\n" +
              $"Port engineer Tamsin Oyelowo{n % 5} warned that the dredging budget for {prefix} berth {n} was running short.",
    });

    /// <summary>Every search row, every column, the document exactly as stored (positions too), and the whole lexicon, sorted.</summary>
    private static async Task<(List<string> Rows, List<string> Lexicon)> ExactStateAsync(NpgsqlConnection connection)
    {
        var rows = await ReadAsync(connection, """
            SELECT concat_ws('|', s.statement_id, s.article_id, s.speaker_id, s.outlet_id, s.published_on, s.year, s.kind, s.status,
                   s.language, s.config, s.folded_text, s.document::text)
            FROM statement_search s ORDER BY s.statement_id
            """);
        var lexicon = await ReadAsync(connection, "SELECT word || ':' || occurrences FROM search_lexicon ORDER BY word");
        return (rows, lexicon);
    }

    private static async Task<List<string>> ReadAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
