using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using NewsClaims.Core.Articles;
using NewsClaims.Core.Outlets;
using NewsClaims.Core.People;
using NewsClaims.Core.Statements;
using NewsClaims.Extraction;
using CoreKind = NewsClaims.Core.Statements.StatementKind;
using CorePrecision = NewsClaims.Core.Statements.DatePrecision;
using CoreSpan = NewsClaims.Core.Common.TextSpan;

namespace NewsClaims.Data.Import;

/// <summary>
/// Writes prepared articles: in one transaction, under an advisory lock that serialises importers (so two imports
/// never both create the same person or article), it finds duplicates, outlets, people and quote groups with a
/// handful of queries for the whole batch, builds the entities through their own methods, and COPYs them in.
/// </summary>
internal sealed class ImportBatch(NewsClaimsDbContext db, StatementExtractor extractor, TimeProvider clock, ImportOptions options, ILogger logger)
{
    // pg_advisory_xact_lock key shared by every importer ("NCIMPORT" in ASCII).
    private const long ImportLock = 0x4E43_494D_504F_5254;

    // Shorter quotes ("No.", "a disgrace") are too common to say that two articles report the same words.
    private const int MinGroupedQuoteLength = 25;

    // Column sizes of the statements table; longer optional values are left out rather than cut.
    private const int MaxShortText = 500;
    private const int MaxOccasion = 1000;
    private const int MaxRule = 200;

    // default_toast_compression lz4 for the transaction when the server was built with it, else left as it is.
    private const string Lz4Bodies =
        "set_config('default_toast_compression', CASE WHEN EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN 'lz4' ELSE current_setting('default_toast_compression') END, true)";

    /// <summary>
    /// Bulk imports (<see cref="ArticleImporter.ImportManyAsync"/>): batches commit without waiting for the WAL flush, and
    /// queue their statements' search upkeep for a <see cref="SearchBacklogWorker"/>.
    /// </summary>
    public bool Bulk { get; init; }

    /// <summary>Bulk imports: batches raise their GIN pending-list limit, and a <see cref="GinPendingCleaner"/> merges the lists.</summary>
    public bool DeferGinMerges { get; init; }

    public async Task<IReadOnlyList<ImportResult>> WriteAsync(
        IReadOnlyList<(PreparedArticle? Article, string Origin, string? Problem)> prepared, string? importedById, CancellationToken ct)
    {
        var outcomes = new ImportOutcome?[prepared.Count];
        for (var i = 0; i < prepared.Count; i++)
        {
            if (prepared[i].Article is null)
            {
                outcomes[i] = new ImportOutcome.Rejected(prepared[i].Problem ?? "unreadable");
            }
        }

        var pending = Enumerable.Range(0, prepared.Count).Where(i => outcomes[i] is null).ToList();
        if (pending.Count > 0)
        {
            try
            {
                await WriteWithRetryAsync(prepared, pending, outcomes, importedById, ct);
            }
            catch (Exception ex) when (pending.Count > 1 && (WriteFailure.IsDataError(ex) || WriteFailure.IsConflict(ex)))
            {
                logger.LogWarning(ex, "A batch of {Count} articles failed; writing them one per transaction", pending.Count);
                foreach (var index in pending)
                {
                    try
                    {
                        await WriteWithRetryAsync(prepared, [index], outcomes, importedById, ct);
                    }
                    catch (Exception single) when (WriteFailure.IsDataError(single))
                    {
                        logger.LogWarning(single, "Article {Origin} was rejected by the database", prepared[index].Origin);
                        outcomes[index] = new ImportOutcome.Rejected($"the database refused it: {WriteFailure.Describe(single)}");
                    }
                }
            }
        }

        return [.. prepared.Select((p, i) => new ImportResult(p.Origin, outcomes[i]!))];
    }

    public async Task<ImportPreview> PreviewAsync(PreparedArticle article, CancellationToken ct)
    {
        var duplicate = await FindDuplicatesAsync([article], ct);
        var linker = await SpeakerLinker.LoadAsync(db, [article], ct);
        var links = await LinkSpeakersAsync(linker, article, ct);
        var statements = article.Extraction.Statements.Select((s, i) =>
        {
            var (person, basis) = SpeakerOf(linker, article, s, links);
            return new PreviewStatement(
                s.Kind.ToString().ToLowerInvariant(),
                s.Start,
                s.End,
                s.Text,
                person?.Name,
                person is null ? null : basis == LinkBasis.Created ? "new person" : "in the knowledge base",
                s.UnnamedSource,
                s.Cue?.Text,
                s.Place,
                s.When?.Text,
                s.Confidence,
                Publishes(s, person, basis));
        }).ToList();
        return new ImportPreview(null, article.Title, article.Body, article.Url, duplicate.GetValueOrDefault(0)?.ExistingArticleId, statements);
    }

    private async Task WriteWithRetryAsync(
        IReadOnlyList<(PreparedArticle? Article, string Origin, string? Problem)> prepared, List<int> indexes, ImportOutcome?[] outcomes,
        string? importedById, CancellationToken ct)
    {
        // A conflict means someone else (an editor creating a person, say) wrote first: reading again resolves it.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await WriteOnceAsync(prepared, indexes, outcomes, importedById, ct);
                return;
            }
            catch (Exception ex) when (attempt < 3 && WriteFailure.IsConflict(ex))
            {
                logger.LogInformation("Import write conflicted ({Reason}); retrying", WriteFailure.Describe(ex));
                foreach (var index in indexes)
                {
                    outcomes[index] = null;
                }
            }
        }
    }

    private async Task WriteOnceAsync(
        IReadOnlyList<(PreparedArticle? Article, string Origin, string? Problem)> prepared, List<int> indexes, ImportOutcome?[] outcomes,
        string? importedById, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (Bulk)
        {
            // A bulk batch's commit does not wait for the WAL flush: a server crash may lose the last batches whole
            // (never part of an article), and re-running the import, which is idempotent, stores them again. With a
            // GinPendingCleaner it also appends to the GIN pending lists and leaves merging them to the cleaner.
            // Article bodies (stored twice: article and first revision) are compressed with lz4 where the server
            // has it: pglz was most of the cost of COPYing them; reading them back is the same either way. The
            // statements' search rows and lexicon counts are queued for the importer's SearchBacklog drainer
            // instead of built here (they were over half the server's work). Set in the same round trip as the lock.
            await db.Database.ExecuteSqlRawAsync(
                DeferGinMerges
                    ? FormattableString.Invariant($"SELECT pg_advisory_xact_lock({ImportLock}), set_config('synchronous_commit', 'off', true), {Lz4Bodies}, {SearchBacklog.QueueForThisTransaction}, set_config('gin_pending_list_limit', '{GinPendingCleaner.TransactionLimitKilobytes}', true)")
                    : FormattableString.Invariant($"SELECT pg_advisory_xact_lock({ImportLock}), set_config('synchronous_commit', 'off', true), {Lz4Bodies}, {SearchBacklog.QueueForThisTransaction}"),
                ct);
        }
        else
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ImportLock})", ct);
        }

        var articles = indexes.Select(i => prepared[i].Article!).ToList();
        var duplicates = await FindDuplicatesAsync(articles, ct);
        var fresh = new List<(int Index, PreparedArticle Article)>();
        for (var k = 0; k < articles.Count; k++)
        {
            if (duplicates.TryGetValue(k, out var duplicate))
            {
                outcomes[indexes[k]] = duplicate;
                continue;
            }

            // Taken for a duplicate before the engine ran, but gone since: extract it now.
            var (article, problem) = articles[k].IsExtracted ? (articles[k], null) : articles[k].Extract(extractor);
            if (article is null)
            {
                outcomes[indexes[k]] = new ImportOutcome.Rejected(problem!);
                continue;
            }

            fresh.Add((indexes[k], article));
        }

        if (fresh.Count == 0)
        {
            await transaction.CommitAsync(ct);
            return;
        }

        var now = clock.GetUtcNow();
        var outlets = await OutletDirectory.LoadAsync(db, fresh.Select(f => f.Article).ToList(), ct);
        var linker = await SpeakerLinker.LoadAsync(db, fresh.Select(f => f.Article).ToList(), ct);
        var groups = await QuoteGroupDirectory.LoadAsync(db, fresh.Select(f => f.Article), ct);
        var built = new List<(int Index, Article Article)>();
        foreach (var (index, article) in fresh)
        {
            built.Add((index, await BuildAsync(article, importedById, outlets, linker, groups, now, ct)));
        }

        var copy = await StoreAsync(built.Select(b => b.Article).ToList(), outlets, linker, groups, now, ct);
        await transaction.CommitAsync(ct);

        foreach (var (index, article) in built)
        {
            outcomes[index] = new ImportOutcome.Imported(copy.IdOf(article), article.Statements.Count);
        }

        // The same article twice in one batch: the later copy points at the one just stored.
        for (var k = 0; k < articles.Count; k++)
        {
            if (outcomes[indexes[k]] is ImportOutcome.Duplicate { ExistingArticleId: < 0 } inBatch
                && outcomes[indexes[-1 - (int)inBatch.ExistingArticleId]] is ImportOutcome.Imported first)
            {
                outcomes[indexes[k]] = inBatch with { ExistingArticleId = first.ArticleId };
            }
        }

        logger.LogInformation(
            "Imported {Imported} articles with {Statements} statements ({Duplicates} duplicates, {PeopleCreated} new people)",
            built.Count, built.Sum(b => b.Article.Statements.Count), articles.Count - fresh.Count, linker.Created.Count);
    }

    private async Task<Dictionary<int, ImportOutcome.Duplicate>> FindDuplicatesAsync(IReadOnlyList<PreparedArticle> articles, CancellationToken ct)
    {
        var hashes = articles.Select(a => a.ContentHash).Distinct().ToList();
        var urls = articles.Where(a => a.Url is not null).Select(a => a.Url!).Distinct().ToList();
        var stored = await db.Articles.AsNoTracking()
            .Where(a => hashes.Contains(a.ContentHash) || (a.CanonicalUrl != null && urls.Contains(a.CanonicalUrl)))
            .Select(a => new { a.Id, a.ContentHash, a.CanonicalUrl })
            .ToListAsync(ct);

        // An editor may have corrected the text since: its first version still identifies the article.
        var revised = await db.ArticleRevisions.AsNoTracking()
            .Where(r => hashes.Contains(r.ContentHash))
            .Select(r => new { r.ArticleId, r.ContentHash })
            .ToListAsync(ct);

        var byUrl = stored.Where(a => a.CanonicalUrl is not null).GroupBy(a => a.CanonicalUrl!).ToDictionary(g => g.Key, g => g.Min(a => a.Id));
        var byHash = stored.Select(a => (a.ContentHash, a.Id)).Concat(revised.Select(r => (r.ContentHash, Id: r.ArticleId)))
            .GroupBy(x => x.ContentHash).ToDictionary(g => g.Key, g => g.Min(x => x.Id));

        var result = new Dictionary<int, ImportOutcome.Duplicate>();
        var firstInBatch = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k < articles.Count; k++)
        {
            var article = articles[k];
            if (article.Url is { } url && byUrl.TryGetValue(url, out var urlMatch))
            {
                result[k] = new ImportOutcome.Duplicate(urlMatch, $"already imported: an article with the address {url} exists");
            }
            else if (byHash.TryGetValue(article.ContentHash, out var hashMatch))
            {
                result[k] = new ImportOutcome.Duplicate(hashMatch, "already imported: an article with exactly this text exists");
            }
            else if ((article.Url is { } u && firstInBatch.TryGetValue("url:" + u, out var earlier)) || firstInBatch.TryGetValue("hash:" + article.ContentHash, out earlier))
            {
                // The same article twice in one batch: the second refers to the first, whose id is known after the write.
                result[k] = new ImportOutcome.Duplicate(-1 - earlier, "already imported: the same article appears earlier in this import");
            }
            else
            {
                firstInBatch["hash:" + article.ContentHash] = k;
                if (article.Url is { } first)
                {
                    firstInBatch["url:" + first] = k;
                }
            }
        }

        return result;
    }

    private async Task<Article> BuildAsync(
        PreparedArticle prepared, string? importedById, OutletDirectory outlets, SpeakerLinker linker, QuoteGroupDirectory groups,
        DateTimeOffset now, CancellationToken ct)
    {
        var article = new Article(
            prepared.Title,
            prepared.Body,
            importedById,
            language: prepared.Language,
            outlet: outlets.For(prepared.Outlet, prepared.Url),
            canonicalUrl: prepared.Url,
            author: prepared.Author,
            publishedOn: prepared.Published,
            reportedVia: prepared.ReportedVia,
            extractorVersion: StatementExtractor.Version,
            isSample: prepared.IsSample);
        await AddStatementsAsync(article, prepared, linker, groups, now, _ => true, ct);
        return article;
    }

    /// <summary>Adds the engine's statements that <paramref name="wanted"/> accepts to the article, attributed, dated, placed and grouped.</summary>
    private async Task AddStatementsAsync(
        Article article, PreparedArticle prepared, SpeakerLinker linker, QuoteGroupDirectory groups, DateTimeOffset now,
        Func<ExtractedStatement, bool> wanted, CancellationToken ct)
    {
        var extraction = prepared.Extraction;
        var links = await LinkSpeakersAsync(linker, prepared, ct);
        var seenAt = prepared.Published is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : now;
        for (var index = 0; index < extraction.Statements.Count; index++)
        {
            var found = extraction.Statements[index];
            if (!wanted(found))
            {
                continue;
            }

            var (speaker, basis) = SpeakerOf(linker, prepared, found, links);
            var statement = article.AddStatement(Span(found.Content), Kind(found.Kind), found.Confidence, StatementExtractor.Version);
            statement.AttributeTo(
                speaker,
                found.SpeakerMention is { Length: <= MaxShortText } m ? Span(m) : null,
                Fit(basis == LinkBasis.RoleHolder ? $"{found.Rule}+dated-role" : found.Rule, MaxRule),
                basis == LinkBasis.RoleHolder ? null : Fit(found.UnnamedSource, MaxShortText));
            statement.MarkCue(found.Cue is { Length: <= MaxShortText } c ? Span(c) : null);
            if (found.When is { } when && Fit(when.Text, MaxShortText) is { } whenText)
            {
                // Without a year ("December 19" in an undated article) there is no date to store, only the words.
                statement.DateAs(whenText, when.Date, Precision(when.Date is null ? Extraction.DatePrecision.Unknown : when.Precision));
            }

            statement.PlaceAt(Fit(found.Place, MaxShortText), Fit(found.Occasion, MaxOccasion));
            statement.CiteSource(Fit(extraction.ReportedVia.FirstOrDefault(r => r.Statements.Contains(index))?.Name, MaxShortText));
            if (found.AddresseeIndex is { } addressee && links.TryGetValue(addressee, out var addressed))
            {
                statement.Mention(addressed.Person, StatementPersonRole.Addressee);
            }

            if (found.SubjectIndex is { } subject && links.TryGetValue(subject, out var about))
            {
                statement.Mention(about.Person, StatementPersonRole.Subject);
            }

            if (found.Kind != Extraction.StatementKind.Indirect && found.Text.Length >= MinGroupedQuoteLength)
            {
                statement.GroupWith(groups.For(found.Text, seenAt));
            }

            if (Publishes(found, speaker, basis))
            {
                statement.Publish();
            }
        }
    }

    /// <summary>
    /// Shown to readers as machine-extracted: confident enough, tied to a person, and not by a dated role alone.
    /// An unnamed source ("officials said") always waits for an editor (see <see cref="Core.Statements.ReaderVisibility"/>).
    /// </summary>
    private bool Publishes(ExtractedStatement statement, Core.People.Person? speaker, LinkBasis basis) =>
        statement.Confidence >= options.PublishFromConfidence && speaker is not null && basis != LinkBasis.RoleHolder;

    private static async Task<Dictionary<int, SpeakerLink>> LinkSpeakersAsync(SpeakerLinker linker, PreparedArticle article, CancellationToken ct)
    {
        // Only speakers some statement names as speaker, addressee or subject become people.
        var links = new Dictionary<int, SpeakerLink>();
        foreach (var i in article.Extraction.Statements
            .SelectMany(s => new[] { s.SpeakerIndex, s.AddresseeIndex, s.SubjectIndex })
            .OfType<int>()
            .Distinct()
            .Order())
        {
            links[i] = await linker.LinkAsync(article.Extraction.Speakers[i], article.Published, ct);
        }

        return links;
    }

    private static (Person? Person, LinkBasis Basis) SpeakerOf(
        SpeakerLinker linker, PreparedArticle article, ExtractedStatement statement, Dictionary<int, SpeakerLink> links)
    {
        if (statement.SpeakerIndex is { } s && links.TryGetValue(s, out var link))
        {
            return (link.Person, link.Basis);
        }

        if (statement.UnnamedSource is { } words && article.Published is { } on && linker.RoleHolder(words, on) is { } holder)
        {
            return (holder, LinkBasis.RoleHolder);
        }

        return (null, LinkBasis.Created);
    }

    private async Task<BulkCopy> StoreAsync(
        List<Article> articles, OutletDirectory outlets, SpeakerLinker linker, QuoteGroupDirectory groups, DateTimeOffset now, CancellationToken ct)
    {
        var copy = new BulkCopy((NpgsqlConnection)db.Database.GetDbConnection(), db.Model, now);
        await StoreAsync(copy, articles, articles.SelectMany(a => a.Statements).ToList(), outlets.Created, linker, groups, ct);
        return copy;
    }

    private async Task StoreAsync(
        BulkCopy copy, List<Article> newArticles, List<Statement> statements, List<Outlet> newOutlets, SpeakerLinker linker,
        QuoteGroupDirectory groups, CancellationToken ct)
    {
        var newPeople = linker.Created.ToList();
        var aliases = linker.People.SelectMany(p => p.Aliases).Where(a => a.Id == 0).ToList();
        var roles = linker.People.SelectMany(p => p.Roles).Where(r => r.Id == 0).ToList();
        var revisions = newArticles.SelectMany(a => a.Revisions).ToList();
        var statementPersons = statements.SelectMany(s => s.Persons).ToList();

        // One round trip for all the keys: under load each round trip waits for the server to be scheduled.
        await copy.ReserveIdsAsync(
            [
                (typeof(Outlet), newOutlets), (typeof(Person), newPeople), (typeof(PersonAlias), aliases), (typeof(PersonRole), roles),
                (typeof(QuoteGroup), groups.Created), (typeof(Article), newArticles), (typeof(ArticleRevision), revisions), (typeof(Statement), statements),
            ],
            ct);

        // Parents before children; aliases before statements, so the search rows built on insert see them.
        await copy.CopyAsync(newOutlets, ct);
        await copy.CopyAsync(newPeople, ct);
        await copy.CopyAsync(aliases, ct);
        await copy.CopyAsync(roles, ct);
        await copy.CopyAsync(groups.Created, ct);
        await copy.CopyAsync(newArticles, ct);
        await copy.CopyAsync(revisions, ct);
        await copy.CopyAsync(statements, ct);
        await copy.CopyAsync(statementPersons, ct);
        await groups.MoveFirstSeenEarlierAsync((NpgsqlConnection)db.Database.GetDbConnection(), copy.Now, ct);
    }

    /// <summary>
    /// Replaces the machine-only statements of stored articles with a newer engine's: a statement found again at
    /// the same words keeps its id; statements an editor judged, put in a claim or annotated stay exactly as they
    /// are, and the engine adds nothing over their words. Returns what changed.
    /// </summary>
    public async Task<ReextractCounts> ReextractAsync(IReadOnlyList<(Article Article, PreparedArticle Prepared)> articles, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ImportLock})", ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var stored = await StoredStatementsAsync(connection, articles.Select(a => a.Article.Id).ToArray(), ct);

        var now = clock.GetUtcNow();
        var copy = new BulkCopy(connection, db.Model, now);
        var prepared = articles.Select(a => a.Prepared).ToList();
        var linker = await SpeakerLinker.LoadAsync(db, prepared, ct);
        var groups = await QuoteGroupDirectory.LoadAsync(db, prepared, ct);
        var statements = new List<Statement>();
        int kept = 0, reused = 0;
        foreach (var (article, source) in articles)
        {
            var mine = stored.GetValueOrDefault(article.Id) ?? [];
            var judged = mine.Where(s => s.Protected).ToList();
            kept += judged.Count;
            await AddStatementsAsync(article, source, linker, groups, now, found => !judged.Any(j => j.Start < found.End && found.Start < j.End), ct);
            foreach (var statement in article.Statements)
            {
                if (mine.FirstOrDefault(s => !s.Protected && s.Start == statement.Start && s.End == statement.End) is { } same)
                {
                    copy.UseId(statement, same.Id);
                    reused++;
                }
            }

            statements.AddRange(article.Statements);
        }

        var removable = stored.Values.SelectMany(v => v).Where(s => !s.Protected).ToList();
        await using (var delete = new NpgsqlCommand(
            "DELETE FROM statements WHERE id = ANY(@ids) AND status IN ('extracted', 'published')", connection))
        {
            delete.Parameters.AddWithValue("ids", removable.Select(s => s.Id).ToArray());
            await delete.ExecuteNonQueryAsync(ct);
        }

        await StoreAsync(copy, [], statements, [], linker, groups, ct);
        await using (var update = new NpgsqlCommand(
            """
            UPDATE articles SET extractor_version = @version, updated_at = @now WHERE id = ANY(@ids);
            DELETE FROM quote_groups g WHERE g.id = ANY(@groups) AND NOT EXISTS (SELECT 1 FROM statements s WHERE s.quote_group_id = g.id);
            """,
            connection))
        {
            update.Parameters.AddWithValue("version", StatementExtractor.Version);
            update.Parameters.AddWithValue("now", now.ToUniversalTime());
            update.Parameters.AddWithValue("ids", articles.Select(a => a.Article.Id).ToArray());
            update.Parameters.AddWithValue("groups", removable.Where(s => s.QuoteGroupId is not null).Select(s => s.QuoteGroupId!.Value).Distinct().ToArray());
            await update.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return new ReextractCounts(articles.Count, kept, reused, statements.Count - reused, removable.Count - reused, linker.Created.Count);
    }

    /// <summary>The stored statements of the articles, locked against editors until the transaction ends.</summary>
    private static async Task<Dictionary<long, List<StoredStatement>>> StoredStatementsAsync(NpgsqlConnection connection, long[] articleIds, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT s.id, s.article_id, s.span_start, s.span_end, s.quote_group_id,
                   s.status NOT IN ('extracted', 'published') OR s.anchor_status <> 'anchored'
                   OR EXISTS (SELECT 1 FROM claim_statements c WHERE c.statement_id = s.id)
                   OR EXISTS (SELECT 1 FROM annotations a WHERE a.statement_id = s.id) AS protected
            FROM statements s
            WHERE s.article_id = ANY(@ids)
            FOR UPDATE OF s
            """,
            connection);
        command.Parameters.AddWithValue("ids", articleIds);
        var result = new Dictionary<long, List<StoredStatement>>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var statement = new StoredStatement(
                reader.GetInt64(0), reader.GetInt32(2), reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetInt64(4), reader.GetBoolean(5));
            var articleId = reader.GetInt64(1);
            if (!result.TryGetValue(articleId, out var list))
            {
                result[articleId] = list = [];
            }

            list.Add(statement);
        }

        return result;
    }

    private sealed record StoredStatement(long Id, int Start, int End, long? QuoteGroupId, bool Protected);

    private static string? Fit(string? value, int max) =>
        string.IsNullOrWhiteSpace(value) || value.Trim().Length > max ? null : value.Trim();

    private static CoreSpan Span(Extraction.TextSpan span) => new(span.Start, span.End, span.Text);

    private static CoreKind Kind(Extraction.StatementKind kind) => kind switch
    {
        Extraction.StatementKind.Direct => CoreKind.Direct,
        Extraction.StatementKind.Mixed => CoreKind.Mixed,
        _ => CoreKind.Indirect,
    };

    private static CorePrecision Precision(Extraction.DatePrecision precision) => precision switch
    {
        Extraction.DatePrecision.Day => CorePrecision.Day,
        Extraction.DatePrecision.Month => CorePrecision.Month,
        Extraction.DatePrecision.Year => CorePrecision.Year,
        _ => CorePrecision.Unknown,
    };

    /// <summary>The outlets a batch names: found by name (any case) or by web domain, else created.</summary>
    private sealed class OutletDirectory
    {
        private readonly Dictionary<string, Outlet> _byName = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, Outlet> _byDomain = new(StringComparer.OrdinalIgnoreCase);

        public List<Outlet> Created { get; } = [];

        public static async Task<OutletDirectory> LoadAsync(NewsClaimsDbContext db, IReadOnlyList<PreparedArticle> articles, CancellationToken ct)
        {
            var directory = new OutletDirectory();
            var names = articles.Where(a => a.Outlet is not null).Select(a => a.Outlet!.ToLowerInvariant()).Distinct().ToList();
            var domains = articles.Where(a => a.Url is not null).Select(a => Outlet.NormaliseDomain(new Uri(a.Url!).Host)!).Distinct().ToList();
            if (names.Count + domains.Count == 0)
            {
                return directory;
            }

            var known = await db.Outlets.AsNoTracking()
                .Where(o => names.Contains(o.Name.ToLower()) || (o.WebDomain != null && domains.Contains(o.WebDomain)))
                .ToListAsync(ct);
            foreach (var outlet in known)
            {
                directory.Know(outlet);
            }

            return directory;
        }

        public Outlet? For(string? name, string? url)
        {
            var domain = url is null ? null : Outlet.NormaliseDomain(new Uri(url).Host);
            if (name is null)
            {
                // No outlet named: the site the article is on, when an outlet is known by it.
                return domain is not null && _byDomain.TryGetValue(domain, out var bySite) ? bySite : null;
            }

            if (_byName.TryGetValue(name, out var existing))
            {
                return existing;
            }

            // The article's host names the outlet only when no other outlet claims it (aggregators and
            // syndication hosts carry many outlets).
            var created = new Outlet(name, domain is not null && !_byDomain.ContainsKey(domain) ? domain : null);
            Created.Add(created);
            Know(created);
            return created;
        }

        private void Know(Outlet outlet)
        {
            _byName.TryAdd(outlet.Name, outlet);
            if (outlet.WebDomain is { } domain)
            {
                _byDomain.TryAdd(domain, outlet);
            }
        }
    }

    /// <summary>The quote groups a batch's quotes belong to, found by their folded words, else created.</summary>
    private sealed class QuoteGroupDirectory
    {
        private readonly Dictionary<string, QuoteGroup> _byKey = new(StringComparer.Ordinal);
        private readonly Dictionary<QuoteGroup, DateTimeOffset> _earlier = [];

        public List<QuoteGroup> Created { get; } = [];

        public static async Task<QuoteGroupDirectory> LoadAsync(NewsClaimsDbContext db, IEnumerable<PreparedArticle> articles, CancellationToken ct)
        {
            var directory = new QuoteGroupDirectory();
            var keys = articles.SelectMany(a => a.Extraction.Statements)
                .Where(s => s.Kind != Extraction.StatementKind.Indirect && s.Text.Length >= MinGroupedQuoteLength)
                .Select(s => QuoteGroup.KeyFor(s.Text))
                .Where(k => k.Length > 0)
                .Distinct()
                .ToList();
            if (keys.Count == 0)
            {
                return directory;
            }

            // The unique index is on md5(normalised_text): long quotes do not fit a B-tree entry.
            var hashes = keys.Select(Md5).ToList();
            var known = await db.QuoteGroups.AsNoTracking()
                .Where(g => hashes.Contains(EF.Property<string>(g, "NormalisedTextMd5")))
                .ToListAsync(ct);
            foreach (var group in known)
            {
                directory._byKey[group.NormalisedText] = group;
            }

            return directory;
        }

        public QuoteGroup For(string text, DateTimeOffset seenAt)
        {
            var key = QuoteGroup.KeyFor(text);
            if (!_byKey.TryGetValue(key, out var group))
            {
                group = new QuoteGroup(text, seenAt);
                _byKey[key] = group;
                Created.Add(group);
            }
            else if (seenAt < group.FirstSeenAt)
            {
                if (!Created.Contains(group))
                {
                    _earlier[group] = seenAt;
                }

                group.SeenAt(seenAt);
            }

            return group;
        }

        public async Task MoveFirstSeenEarlierAsync(NpgsqlConnection connection, DateTimeOffset now, CancellationToken ct)
        {
            if (_earlier.Count == 0)
            {
                return;
            }

            await using var command = new NpgsqlCommand(
                """
                UPDATE quote_groups g SET first_seen_at = v.seen_at, updated_at = @now
                FROM unnest(@ids, @seen) AS v(id, seen_at)
                WHERE g.id = v.id AND v.seen_at < g.first_seen_at
                """,
                connection);
            command.Parameters.AddWithValue("ids", _earlier.Keys.Select(g => g.Id).ToArray());
            command.Parameters.AddWithValue("seen", _earlier.Values.Select(v => v.ToUniversalTime()).ToArray());
            command.Parameters.AddWithValue("now", now.ToUniversalTime());
            await command.ExecuteNonQueryAsync(ct);
        }

        private static string Md5(string key) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(key)));
    }
}

/// <summary>What one re-extraction batch did: statements kept as editors left them, re-extracted in place, added, removed.</summary>
public sealed record ReextractCounts(int Articles, int KeptAsReviewed, int Updated, int Added, int Removed, int PeopleCreated);

/// <summary>What an import would store: shown on the paste form before anything is saved.</summary>
public sealed record ImportPreview(
    string? Problem,
    string Title,
    string Body,
    string? Url,
    long? DuplicateOfArticleId,
    IReadOnlyList<PreviewStatement> Statements)
{
    public static ImportPreview Refused(string problem) => new(problem, string.Empty, string.Empty, null, null, []);
}

/// <summary>One statement of a preview, with who it would be attributed to and whether it would be published or queued.</summary>
public sealed record PreviewStatement(
    string Kind,
    int Start,
    int End,
    string Text,
    string? Speaker,
    string? SpeakerIs,
    string? UnnamedSource,
    string? Cue,
    string? Place,
    string? When,
    double Confidence,
    bool WouldPublish);
