using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NewsClaims.Extraction;

namespace NewsClaims.Data.Import;

/// <summary>
/// The one pipeline every article goes through, whatever channel it came from: normalise, check, deduplicate,
/// extract, link speakers, group repeated quotes, store. Articles are written whole or not at all: a batch of
/// whole articles per transaction, and when a batch fails, one article per transaction, so one bad article
/// never takes the others down. Re-running any import is idempotent: what is stored is found again as a duplicate.
/// </summary>
public sealed class ArticleImporter(
    NewsClaimsDbContext db,
    StatementExtractor extractor,
    TimeProvider clock,
    IOptions<ImportOptions> options,
    ILogger<ArticleImporter> logger)
{
    public ImportOptions Options => options.Value;

    /// <summary>Imports one article in its own transaction.</summary>
    public async Task<ImportOutcome> ImportAsync(ArticleSubmission submission, string? importedById, CancellationToken ct)
    {
        var results = await ImportAsync([ImportItem.Of("article", submission)], importedById, ct);
        return results[0].Outcome;
    }

    /// <summary>Imports a few items (an upload, a form, an API call) and says what became of each, in order.</summary>
    public async Task<IReadOnlyList<ImportResult>> ImportAsync(IReadOnlyList<ImportItem> items, string? importedById, CancellationToken ct)
    {
        var today = Today();
        var prepared = items.Select(i => Prepare(i, today)).ToList();
        return await new ImportBatch(db, extractor, clock, Options, logger).WriteAsync(prepared, importedById, ct);
    }

    /// <summary>
    /// Imports a stream of items in batches, preparing the next batch on all cores while the current one is
    /// written; memory holds two batches at most. Articles already stored are recognised before the engine runs,
    /// so re-running an import costs little. Reports each result as it is known. The statements' search rows are
    /// built on another connection while the next batch is written (<see cref="SearchBacklog"/>) and all of them
    /// before this returns; if that fails, the articles stay imported and a <see cref="SearchBacklogException"/> says
    /// their search rows are still queued.
    /// </summary>
    public async Task<ImportSummary> ImportManyAsync(
        IEnumerable<ImportItem> items, string? importedById, Action<ImportResult> report, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        var summary = new ImportSummary();
        var connectionString = db.Database.GetConnectionString();
        await using var cleaner = await GinPendingCleaner.StartAsync(connectionString, logger, ct);
        var backlog = SearchBacklogWorker.Start(connectionString, cleaner.Active ? GinPendingCleaner.TransactionLimitKilobytes : null, logger);
        var writer = new ImportBatch(db, extractor, clock, Options, logger) { Bulk = true, DeferGinMerges = cleaner.Active };
        var today = Today();
        Task? writing = null;

        // The drainer and the cleaner start on a batch as soon as it commits, not when the next batch is prepared.
        async Task WriteAsync(List<(PreparedArticle? Article, string Origin, string? Problem)> prepared)
        {
            await WriteAndReportAsync(writer, prepared, importedById, summary, report, ct);
            backlog.BatchWritten();
            cleaner.BatchWritten();
        }

        foreach (var chunk in items.Chunk(Math.Max(1, Options.BatchSize)))
        {
            ct.ThrowIfCancellationRequested();
            var prepared = await Task.Run(() => PrepareBatchAsync(chunk, today, connectionString, ct), ct);
            if (writing is not null)
            {
                await writing;
            }

            writing = WriteAsync(prepared);
        }

        if (writing is not null)
        {
            await writing;
        }

        // Every statement searchable before returning: the last batches' search rows, and any left by others.
        await backlog.CompleteAsync(ct);
        return summary;
    }

    /// <summary>What an import would store, without storing anything: the paste form's preview.</summary>
    public async Task<ImportPreview> PreviewAsync(ArticleSubmission submission, CancellationToken ct)
    {
        var (article, _, problem) = Prepare(ImportItem.Of("article", submission), Today());
        if (article is null)
        {
            return ImportPreview.Refused(problem!);
        }

        return await new ImportBatch(db, extractor, clock, Options, logger).PreviewAsync(article, ct);
    }

    private static async Task WriteAndReportAsync(
        ImportBatch writer, List<(PreparedArticle? Article, string Origin, string? Problem)> prepared, string? importedById,
        ImportSummary summary, Action<ImportResult> report, CancellationToken ct)
    {
        foreach (var result in await writer.WriteAsync(prepared, importedById, ct))
        {
            summary.Count(result.Outcome);
            report(result);
        }
    }

    /// <summary>
    /// Normalises a chunk in parallel, asks the database (on a connection of its own, as the previous batch may
    /// still be writing) which articles are already stored, and runs the engine on the rest only. The writer
    /// checks again under its lock; this is only to spare the engine.
    /// </summary>
    private async Task<List<(PreparedArticle? Article, string Origin, string? Problem)>> PrepareBatchAsync(
        ImportItem[] chunk, DateOnly today, string? connectionString, CancellationToken ct)
    {
        var prepared = new (PreparedArticle? Article, string Origin, string? Problem)[chunk.Length];
        Parallel.For(0, chunk.Length, new ParallelOptions { CancellationToken = ct }, i =>
        {
            var (article, problem) = PreparedArticle.Prepare(chunk[i], Options, today);
            prepared[i] = (article, chunk[i].Origin, problem);
        });

        var stored = connectionString is null ? [] : await StoredKeysAsync(connectionString, prepared.Select(p => p.Article).OfType<PreparedArticle>().ToList(), ct);
        Parallel.For(0, chunk.Length, new ParallelOptions { CancellationToken = ct }, i =>
        {
            if (prepared[i].Article is { } article && !stored.Contains(article.ContentHash) && (article.Url is null || !stored.Contains(article.Url)))
            {
                var (extracted, problem) = article.Extract(extractor);
                prepared[i] = (extracted, prepared[i].Origin, problem);
            }
        });
        return [.. prepared];
    }

    private static async Task<HashSet<string>> StoredKeysAsync(string connectionString, List<PreparedArticle> articles, CancellationToken ct)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (articles.Count == 0)
        {
            return keys;
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            """
            SELECT content_hash FROM articles WHERE content_hash = ANY(@hashes)
            UNION ALL SELECT canonical_url FROM articles WHERE canonical_url = ANY(@urls)
            UNION ALL SELECT content_hash FROM article_revisions WHERE content_hash = ANY(@hashes)
            """,
            connection);
        command.Parameters.AddWithValue("hashes", articles.Select(a => a.ContentHash).Distinct().ToArray());
        command.Parameters.AddWithValue("urls", articles.Where(a => a.Url is not null).Select(a => a.Url!).Distinct().ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            keys.Add(reader.GetString(0).Trim());
        }

        return keys;
    }

    private (PreparedArticle? Article, string Origin, string? Problem) Prepare(ImportItem item, DateOnly today)
    {
        var (article, problem) = PreparedArticle.Prepare(item, Options, today);
        if (article is null)
        {
            return (null, item.Origin, problem);
        }

        var (extracted, extractProblem) = article.Extract(extractor);
        return (extracted, item.Origin, extractProblem);
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}

/// <summary>Counts of a bulk import, as its summary line says them.</summary>
public sealed class ImportSummary
{
    private int _imported;
    private int _duplicates;
    private int _rejected;
    private long _statements;

    public int Imported => _imported;

    public int Duplicates => _duplicates;

    public int Rejected => _rejected;

    public long Statements => _statements;

    public int Total => _imported + _duplicates + _rejected;

    internal void Count(ImportOutcome outcome)
    {
        switch (outcome)
        {
            case ImportOutcome.Imported imported:
                Interlocked.Increment(ref _imported);
                Interlocked.Add(ref _statements, imported.StatementCount);
                break;
            case ImportOutcome.Duplicate:
                Interlocked.Increment(ref _duplicates);
                break;
            default:
                Interlocked.Increment(ref _rejected);
                break;
        }
    }
}

/// <summary>Whether a failed write is the article's fault (bad data: retried alone, then rejected) or the database's.</summary>
internal static class WriteFailure
{
    public static bool IsDataError(Exception ex) =>
        Unwrap(ex) is PostgresException { SqlState: var state } && (state.StartsWith("22", StringComparison.Ordinal) || state.StartsWith("23", StringComparison.Ordinal));

    public static bool IsConflict(Exception ex) =>
        Unwrap(ex) is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.UniqueViolation };

    public static string Describe(Exception ex) => Unwrap(ex) is PostgresException pg ? pg.MessageText : ex.Message;

    private static Exception Unwrap(Exception ex) =>
        ex is DbUpdateException { InnerException: DbException inner } ? inner : ex;
}
