using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NewsClaims.Data.Import;
using NewsClaims.IntegrationTests.Infrastructure;
using Npgsql;

namespace NewsClaims.IntegrationTests.Import;

/// <summary>
/// Bulk imports keep the search table and lexicon current with statement-level triggers (one refresh per COPY):
/// what they leave must be what a rebuild from scratch computes, and alias edits made elsewhere must still show.
/// </summary>
public sealed class ImportSearchMaintenanceTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    // Small batches, so returning speakers gain aliases in later batches than their first statements.
    private readonly ServiceProvider _services = ImportTestKit.Services(database.ConnectionString, o => o.BatchSize = 7);

    private string _speaker = "NULL";

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Should_leave_the_search_table_and_lexicon_as_a_rebuild_computes_them_after_a_bulk_import()
    {
        Assert.Equal(60, await BulkImportAsync(1, 60));

        await using var connection = await database.OpenConnectionAsync();
        var maintained = await SearchStateAsync(connection);
        Assert.NotEmpty(maintained.Rows);
        Assert.Contains(maintained.Rows, r => r.Contains("tidewat:", StringComparison.Ordinal));

        await using var transaction = await connection.BeginTransactionAsync();

        // Parallel workers return the join's rows interleaved: the rebuild must still write them in statement order.
        // What is queued for the search is rebuilt with everything else, so the queue is emptied.
        await using (var rebuild = new NpgsqlCommand(
            """
            INSERT INTO statement_search_backlog (statement_ids) SELECT ARRAY(SELECT id FROM statements);
            SET LOCAL parallel_setup_cost = 0; SET LOCAL parallel_tuple_cost = 0; SET LOCAL min_parallel_table_scan_size = 0;
            SET LOCAL max_parallel_workers_per_gather = 4; SET LOCAL enable_nestloop = off; SET LOCAL enable_mergejoin = off;
            SELECT public.statement_search_rebuild();
            """, connection, transaction))
        {
            await rebuild.ExecuteScalarAsync();
        }

        var rebuilt = await SearchStateAsync(connection, transaction);
        await using (var order = new NpgsqlCommand(
            "SELECT array_agg(statement_id ORDER BY ctid) = array_agg(statement_id ORDER BY statement_id) FROM statement_search", connection, transaction))
        {
            Assert.True((bool)(await order.ExecuteScalarAsync())!, "the rebuild wrote search rows out of statement order");
        }

        await using (var queued = new NpgsqlCommand("SELECT count(*) FROM statement_search_backlog", connection, transaction))
        {
            Assert.Equal(0L, (long)(await queued.ExecuteScalarAsync())!);
        }

        await transaction.RollbackAsync();

        Assert.Equal(rebuilt.Rows, maintained.Rows);
        Assert.Equal(rebuilt.Lexicon, maintained.Lexicon);
    }

    [Fact]
    public async Task Should_leave_no_gin_pending_list_behind_a_bulk_import()
    {
        // Bulk batches let their GIN entries wait in the pending lists (a 64 MB limit) for the cleaner to merge them on
        // its own connection; the import returns only after the last merge, so the first search finds compact indexes.
        Assert.Equal(30, await BulkImportAsync(100, 30));

        await using var connection = await database.OpenConnectionAsync();
        await using var pending = new NpgsqlCommand(
            """
            CREATE EXTENSION IF NOT EXISTS pgstattuple;
            SELECT c.relname::text, (pgstatginindex(c.oid)).pending_tuples
            FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
            WHERE a.amname = 'gin' AND i.indrelid IN ('statement_search'::regclass, 'search_lexicon'::regclass, 'person_aliases'::regclass)
            ORDER BY 1
            """, connection);
        var lists = new List<(string Index, long Pending)>();
        await using (var reader = await pending.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                lists.Add((reader.GetString(0), reader.GetInt64(1)));
            }
        }

        Assert.True(lists.Count >= 3, $"expected the search tables' GIN indexes, found {lists.Count}");
        Assert.All(lists, l => Assert.Equal((l.Index, 0L), l));
    }

    [Fact]
    public async Task Should_follow_aliases_inserted_renamed_and_deleted_several_rows_at_a_time()
    {
        var article = (await _services.ImportAsync(new ArticleSubmission(
            "Ferry service to resume",
            "Harbour master Marit Quellhaven said the ferry to Lunport would resume on Monday.\n\n“We expect calm seas all week,” Quellhaven said.",
            null, "Coastal Wire", null, new DateOnly(2025, 3, 3), "en"))).ArticleId();

        await using var connection = await database.OpenConnectionAsync();
        _speaker = $"(SELECT min(speaker_id) FROM statements WHERE article_id = {article})";
        var person = _speaker;
        await ExecuteAsync(connection, $"INSERT INTO person_aliases (person_id, alias, normalised_alias) VALUES ({person}, 'Quayside Queen', 'quayside queen'), ({person}, 'Berthmistress', 'berthmistress')");
        Assert.True(await MatchesAsync(connection, "quayside & queen"));
        Assert.True(await MatchesAsync(connection, "berthmistress"));

        await ExecuteAsync(connection, $"""
            UPDATE person_aliases
            SET alias = CASE normalised_alias WHEN 'quayside queen' THEN 'Dockwarden' ELSE 'Pierwarden' END,
                normalised_alias = CASE normalised_alias WHEN 'quayside queen' THEN 'dockwarden' ELSE 'pierwarden' END
            WHERE person_id = {person} AND normalised_alias IN ('quayside queen', 'berthmistress')
            """);
        Assert.False(await MatchesAsync(connection, "berthmistress"));
        Assert.True(await MatchesAsync(connection, "dockwarden"));
        Assert.True(await MatchesAsync(connection, "pierwarden"));

        await ExecuteAsync(connection, $"DELETE FROM person_aliases WHERE person_id = {person} AND normalised_alias IN ('dockwarden', 'pierwarden')");
        Assert.False(await MatchesAsync(connection, "dockwarden"));
        Assert.False(await MatchesAsync(connection, "pierwarden"));
        Assert.True(await MatchesAsync(connection, "quellhaven"));
    }

    /// <summary>An invented article per number; every seventh returns to one harbour master under a new name.</summary>
    /// <summary>Articles <see cref="Line"/> <paramref name="first"/> onwards through the bulk importer; how many it imported.</summary>
    private async Task<int> BulkImportAsync(int first, int count)
    {
        var items = Enumerable.Range(first, count).Select(n => JsonArticle.Parse(ImportTestKit.Utf8(Line(n)), $"line {n}")).ToList();
        await using var scope = _services.CreateAsyncScope();
        var summary = await scope.ServiceProvider.GetRequiredService<ArticleImporter>().ImportManyAsync(items, null, _ => { }, CancellationToken.None);
        return summary.Imported;
    }

    private static string Line(int n) => JsonSerializer.Serialize(new
    {
        id = $"search-{n}",
        title = $"Tide bulletin {n}",
        outlet = n % 2 == 0 ? "The Lunport Ledger" : "Coastal Wire",
        published = new DateOnly(2025, 2, 1).AddDays(n % 200).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        text = n % 7 == 0
            ? $"Harbour master Ilse Tidewater said the tides at pier {n} were unusually kind.\n\n" +
              $"“We will open pier {n} on Friday,” Captain Tidewater said.\n\n" +
              $"Tidewater warned that the breakwater at pier {n} needed repairs."
            : $"Harbour master Elin Vos{n} said berth {n} would reopen after repairs to the quay wall.\n\n" +
              $"“We expect the first ships at berth {n} within a week,” Vos{n} said on Monday.\n\n" +
              $"Port engineer Tamsin Oyelowo{n % 5} warned that the dredging budget for berth {n} was running short.",
    });

    /// <summary>
    /// Every search row (its lexemes with their weights: alias order may differ between refresh and rebuild, which
    /// only moves positions) and the whole lexicon, sorted.
    /// </summary>
    private static async Task<(List<string> Rows, List<string> Lexicon)> SearchStateAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction = null)
    {
        var rows = await ReadAsync(connection, transaction, """
            SELECT concat_ws('|', s.statement_id, s.article_id, s.speaker_id, s.outlet_id, s.published_on, s.year, s.kind, s.status,
                   s.language, s.config, s.folded_text,
                   (SELECT string_agg(v.lexeme || ':' || array_to_string(v.weights, ''), ' ' ORDER BY v.lexeme) FROM unnest(s.document) v))
            FROM statement_search s ORDER BY s.statement_id
            """);
        var lexicon = await ReadAsync(connection, transaction, "SELECT word || ':' || occurrences FROM search_lexicon ORDER BY word");
        return (rows, lexicon);
    }

    private static async Task<List<string>> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private async Task<bool> MatchesAsync(NpgsqlConnection connection, string query)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT EXISTS (SELECT 1 FROM statement_search s WHERE s.speaker_id = {_speaker} AND s.document @@ to_tsquery('public.nc_english', @q))",
            connection);
        command.Parameters.AddWithValue("q", query);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
