using Microsoft.Extensions.Logging;
using Npgsql;

namespace NewsClaims.Data.Import;

/// <summary>
/// Moves GIN index work off a bulk import's critical path. Every statement an import writes adds entries to the GIN
/// indexes of its search row (words and trigrams), the lexicon and aliases; PostgreSQL appends them to
/// each index's pending list and, once a list passes <c>gin_pending_list_limit</c> (4 MB by default), the inserting
/// transaction stops to merge it. Bulk batches raise that limit for their own transaction (see
/// <see cref="TransactionLimitKilobytes"/>) and this cleaner merges the lists on a connection of its own after each
/// batch, while the next batch is written: the same work, on the other core. Lists never hold more than about one
/// batch, and the last merge is awaited, so searches after the import find compact indexes. Only indexes the
/// importer's role owns can be merged (<c>gin_clean_pending_list</c> requires it); with none, nothing changes.
/// </summary>
internal sealed class GinPendingCleaner : IAsyncDisposable
{
    /// <summary>The pending-list limit of a bulk batch's transaction: well above one batch's entries.</summary>
    public const int TransactionLimitKilobytes = 64 * 1024;

    private readonly string _connectionString;
    private readonly List<string> _indexes;
    private readonly ILogger _logger;
    private readonly FoldedRuns _merges;

    private GinPendingCleaner(string connectionString, List<string> indexes, ILogger logger)
    {
        _connectionString = connectionString;
        _indexes = indexes;
        _logger = logger;
        _merges = new FoldedRuns(MergeAsync);
    }

    /// <summary>Whether batches may raise their limit: some index the import writes can be merged by this role.</summary>
    public bool Active => _indexes.Count > 0;

    public static async Task<GinPendingCleaner> StartAsync(string? connectionString, ILogger logger, CancellationToken ct)
    {
        if (connectionString is null)
        {
            return new GinPendingCleaner(string.Empty, [], logger);
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            """
            SELECT c.oid::regclass::text
            FROM pg_index i
            JOIN pg_class c ON c.oid = i.indexrelid
            JOIN pg_am a ON a.oid = c.relam
            WHERE a.amname = 'gin'
              AND i.indrelid IN (SELECT to_regclass(t) FROM unnest(ARRAY['public.statements', 'public.statement_search', 'public.search_lexicon', 'public.person_aliases']) AS t)
              AND pg_has_role(c.relowner, 'USAGE')
            ORDER BY 1
            """,
            connection);
        var indexes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            indexes.Add(reader.GetString(0));
        }

        return new GinPendingCleaner(connectionString, indexes, logger);
    }

    /// <summary>Starts a merge after a batch was written, unless one is running (then one more follows it). Called by the writer only.</summary>
    public void BatchWritten()
    {
        if (!Active)
        {
            return;
        }

        _merges.Ask();
    }

    /// <summary>Waits for the running merge and merges what the last batches left.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!Active)
        {
            return;
        }

        await _merges.Current;
        await MergeAsync();
    }

    private async Task MergeAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync();
            foreach (var index in _indexes)
            {
                await using var command = new NpgsqlCommand("SELECT gin_clean_pending_list(@index::regclass)", connection);
                command.Parameters.AddWithValue("index", index);
                await command.ExecuteScalarAsync();
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            // Only housekeeping: autovacuum and later inserts merge the lists anyway.
            _logger.LogWarning(ex, "Merging the GIN pending lists after an import batch failed");
        }
    }
}
