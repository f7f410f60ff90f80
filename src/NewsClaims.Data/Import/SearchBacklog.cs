using Microsoft.Extensions.Logging;
using Npgsql;

namespace NewsClaims.Data.Import;

/// <summary>
/// Builds the search rows and lexicon counts that bulk import batches queued in <c>statement_search_backlog</c>
/// (see <see cref="Search.SearchSchema.Backlog"/>), so the writer does not wait for them: a batch only inserts one
/// row of statement ids, and the drain runs on a connection of its own, on the other core, while the next batch is
/// written. Each transaction claims a few queued rows (<c>FOR UPDATE SKIP LOCKED</c>, so the importer and the site
/// can drain together), builds their statements' missing search rows, adds their words to the lexicon once per queued
/// row and deletes the rows: all or nothing, so a failed drain leaves the rows queued and nothing counted twice.
/// <para>
/// The drain builds only the rows that are missing (<c>statement_search_fill</c>: the refresh with
/// <c>ON CONFLICT DO NOTHING</c>). A search row that exists already was written since the batch committed by a trigger
/// reacting to a later change (an alias the next batch added to a speaker, an editor's edit), from data at least as
/// new as the drain's; overwriting it, as an upsert computed before waiting for that transaction would, could put an
/// older document back. Edits and deletions between a batch's commit and its drain are therefore read as they are
/// (a deleted statement has no row to build, and its words are not counted).
/// </para>
/// </summary>
public static class SearchBacklog
{
    /// <summary>The transaction setting that makes the statements' insert trigger queue instead of building.</summary>
    public const string Setting = "newsclaims.search_backlog";

    /// <summary>The setting for a transaction, as a SQL expression for a SELECT list.</summary>
    public const string QueueForThisTransaction = "set_config('" + Setting + "', 'on', true)";

    /// <summary>Queued rows per transaction: one bulk batch queues one row, so a drain normally handles one.</summary>
    public const int RowsPerTransaction = 4;

    private const int Attempts = 8;

    /// <summary>Whether anything waits to be drained (one index probe).</summary>
    public static async Task<bool> PendingAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM statement_search_backlog)", connection);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The newest queued row, or 0: a drain up to it covers everything committed before this call.</summary>
    public static async Task<long> LastQueuedAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT coalesce(max(id), 0) FROM statement_search_backlog", connection);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// Drains the queued rows up to <paramref name="upTo"/> (all when null), transaction by transaction, and returns
    /// how many it drained. Rows another drainer holds are skipped, unless <paramref name="waitForOthers"/>: then
    /// it waits until they are gone, so on return every row up to <paramref name="upTo"/> has been drained by
    /// someone. Throws when a transaction fails for another reason than a conflict (retried) or fails too often;
    /// what it had not drained stays queued.
    /// </summary>
    /// <param name="ginPendingListLimitKilobytes">
    /// When an importer's <see cref="GinPendingCleaner"/> merges the GIN pending lists after each batch: the limit of
    /// the drain's transactions, so the drain appends to the lists and leaves merging them to the cleaner.
    /// </param>
    public static async Task<int> DrainAsync(
        string connectionString, long? upTo, bool waitForOthers, ILogger logger, CancellationToken ct, int? ginPendingListLimitKilobytes = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var limit = upTo ?? await LastQueuedAsync(connection, ct);
        var drained = 0;
        var conflicts = 0;
        while (true)
        {
            int claimed;
            try
            {
                claimed = await DrainOnceAsync(connection, limit, ginPendingListLimitKilobytes, ct);
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected && ++conflicts < Attempts)
            {
                // Rows and lexicon words are locked in one order, so this should not happen; if it does, try again.
                logger.LogDebug("Search backlog drain conflicted ({Reason}); retrying", ex.MessageText);
                await Task.Delay(TimeSpan.FromMilliseconds(20 * conflicts), ct);
                continue;
            }

            if (claimed > 0)
            {
                drained += claimed;
                conflicts = 0;
                continue;
            }

            if (!waitForOthers || !await AnyQueuedAsync(connection, limit, ct))
            {
                return drained;
            }

            // Rows up to the limit are held by another drainer (the site, another import): wait for its commit.
            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
        }
    }

    private static async Task<bool> AnyQueuedAsync(NpgsqlConnection connection, long upTo, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM statement_search_backlog WHERE id <= @upTo)", connection);
        command.Parameters.AddWithValue("upTo", upTo);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>One transaction: claims up to <see cref="RowsPerTransaction"/> rows and builds what they queued. Returns the rows drained.</summary>
    private static async Task<int> DrainOnceAsync(NpgsqlConnection connection, long upTo, int? ginPendingListLimitKilobytes, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (ginPendingListLimitKilobytes is { } limit)
        {
            await using var set = new NpgsqlCommand("SELECT set_config('gin_pending_list_limit', @limit, true)", connection, transaction);
            set.Parameters.AddWithValue("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await set.ExecuteNonQueryAsync(ct);
        }

        var rows = new List<long>();
        var statementIds = new List<long>();
        await using (var claim = new NpgsqlCommand(
            "SELECT id, statement_ids FROM statement_search_backlog WHERE id <= @upTo ORDER BY id LIMIT @limit FOR UPDATE SKIP LOCKED",
            connection,
            transaction))
        {
            claim.Parameters.AddWithValue("upTo", upTo);
            claim.Parameters.AddWithValue("limit", RowsPerTransaction);
            await using var reader = await claim.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                rows.Add(reader.GetInt64(0));
                statementIds.AddRange(reader.GetFieldValue<long[]>(1));
            }
        }

        if (rows.Count == 0)
        {
            await transaction.RollbackAsync(ct);
            return 0;
        }

        // The statement trigger's two steps (the missing rows only), then the rows go: the lexicon once per queued row,
        // as each INSERT would have added it. The reader caches are told at commit, as for any change readers see.
        await using (var build = new NpgsqlCommand(
            $"""
            SELECT public.statement_search_fill(@ids);
            SELECT public.search_lexicon_add(b.statement_ids) FROM (SELECT statement_ids FROM statement_search_backlog WHERE id = ANY (@rows) ORDER BY id) b;
            DELETE FROM statement_search_backlog WHERE id = ANY (@rows);
            SELECT pg_notify('{ReaderChanges.Channel}', 'statement_search');
            """,
            connection,
            transaction))
        {
            build.Parameters.AddWithValue("ids", statementIds.Distinct().Order().ToArray());
            build.Parameters.AddWithValue("rows", rows.ToArray());
            build.CommandTimeout = 0;
            await build.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return rows.Count;
    }
}

/// <summary>
/// A bulk import's drainer (<see cref="ArticleImporter.ImportManyAsync"/>): drains what earlier runs left when the
/// import starts, then what each batch queued once it commits, while the next batch is written. A drain that fails
/// is logged and the rows stay queued for the next one; <see cref="CompleteAsync"/> drains everything queued up to
/// the last batch and throws if that fails, so an import that returns has left every statement searchable.
/// </summary>
internal sealed class SearchBacklogWorker
{
    private readonly string? _connectionString;
    private readonly int? _ginPendingListLimitKilobytes;
    private readonly ILogger _logger;
    private readonly FoldedRuns _drains;

    private SearchBacklogWorker(string? connectionString, int? ginPendingListLimitKilobytes, ILogger logger)
    {
        _connectionString = connectionString;
        _ginPendingListLimitKilobytes = ginPendingListLimitKilobytes;
        _logger = logger;
        _drains = new FoldedRuns(DrainAsync);
    }

    /// <summary>Starts draining what is already queued (left by a killed import, say).</summary>
    /// <param name="ginPendingListLimitKilobytes">Set when a <see cref="GinPendingCleaner"/> merges the GIN pending lists after each batch.</param>
    public static SearchBacklogWorker Start(string? connectionString, int? ginPendingListLimitKilobytes, ILogger logger)
    {
        var worker = new SearchBacklogWorker(connectionString, ginPendingListLimitKilobytes, logger);
        worker.BatchWritten();
        return worker;
    }

    /// <summary>A batch committed: drain it now, or right after the drain that is running.</summary>
    public void BatchWritten()
    {
        if (_connectionString is null)
        {
            return;
        }

        _drains.Ask();
    }

    /// <summary>Waits for the running drain, then drains everything queued so far, waiting for other drainers' rows too.</summary>
    public async Task CompleteAsync(CancellationToken ct)
    {
        if (_connectionString is null)
        {
            return;
        }

        await _drains.Current;
        try
        {
            await SearchBacklog.DrainAsync(_connectionString, upTo: null, waitForOthers: true, _logger, ct, _ginPendingListLimitKilobytes);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            throw new SearchBacklogException(
                "The articles were imported, but building the search rows of their statements failed and is still queued: "
                + "they become searchable when the site drains the queue or the import runs again. " + ex.Message,
                ex);
        }
    }

    private async Task DrainAsync()
    {
        try
        {
            await SearchBacklog.DrainAsync(_connectionString!, upTo: null, waitForOthers: false, _logger, CancellationToken.None, _ginPendingListLimitKilobytes);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // The rows stay queued: the next batch's drain, or the last one, tries them again.
            _logger.LogWarning(ex, "Building the search rows an import batch queued failed; they stay queued and are tried again");
        }
    }
}

/// <summary>An import stored its articles but could not make all their statements searchable (they stay queued).</summary>
public sealed class SearchBacklogException(string message, Exception inner) : Exception(message, inner);
