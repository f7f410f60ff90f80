using System.Data;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NewsClaims.Core.Common;
using NewsClaims.Core.Statements;
using NewsClaims.Data.Configurations;
using Npgsql;

namespace NewsClaims.Data.Search;

/// <summary>
/// One search box over statements, claims and annotations. Statements are found by their words (web-search syntax,
/// stemmed per article language, accents ignored) on <c>statement_search</c>; when the words find nothing, by the
/// query respelled from the lexicon ("did you mean"), and failing that by trigram likeness of the whole text.
/// </summary>
public sealed class QuoteSearch(NewsClaimsDbContext db, SearchLanguages languages, WordEstimates estimates, SearchSlots slots, ILogger<QuoteSearch> logger)
{
    /// <summary>Opens held (a search slot and the connection) in this request's scope; nested opens share them.</summary>
    private int opens;

    /// <summary>
    /// The most recently added matches up to this many are counted for the total and facets and, for relevance, ranked;
    /// so a one-word query over millions stays fast. Newest/oldest sorting reaches every match.
    /// </summary>
    public const int Window = 500;

    public const int MaxPageSize = 50;

    private const double FuzzyThreshold = 0.45;

    /// <summary>Claims and annotations: the most recent matches up to this many are counted and ranked.</summary>
    private const int SectionWindow = 200;

    /// <summary>Similar statements are judged among at most this many sharing a rare word.</summary>
    private const int SimilarWindow = 500;

    /// <summary>
    /// The likeness fallback (words found nowhere, not even respelled) is best effort: short misspelt words share
    /// trigrams with a great many texts, so it gets this long before the search answers that nothing is close.
    /// </summary>
    private static readonly TimeSpan FuzzyTimeBudget = TimeSpan.FromMilliseconds(150);

    /// <summary>Respelling: the lexicon words most like a misspelt word by trigrams, among which the fewest edits wins.</summary>
    private const int RespellCandidates = 12;

    /// <summary>Trigram likeness is judged on at most this many candidates: short misspelt queries share trigrams with many texts.</summary>
    private const int FuzzyWindow = 300;

    private const string HeadlineWhole = "StartSel=\u0002, StopSel=\u0003, HighlightAll=true";

    private const string HeadlineFragments = "StartSel=\u0002, StopSel=\u0003, MaxWords=40, MinWords=15, ShortWord=2, MaxFragments=2, FragmentDelimiter=\" … \"";

    /// <summary>
    /// Relevance: words over speaker over title, editor-confirmed statements and recent ones lifted. <c>ts_rank</c>
    /// weighs how often the words occur and, for several words, how close together; <c>ts_rank_cd</c> (cover density)
    /// would add little for statements a few sentences long, and PostgreSQL clears 32 KB per query word for each
    /// statement it ranks that way (ranking a window of 500: about 1.4 ms, against about 0.5 ms with <c>ts_rank</c>).
    /// </summary>
    private static string Score(string tsquery) => $$"""
        (ts_rank('{0.1, 0.2, 0.4, 1.0}', w.document, {{tsquery}})::float8
         * CASE WHEN w.status IN ('confirmed', 'corrected') THEN 1.5 ELSE 1.0 END
         * (1.0 + 0.5 / (1.0 + greatest(0, current_date - coalesce(w.published_on, date '1970-01-01'))::float8 / 365.0)))::real
        """;

    public async Task<SearchResult> SearchAsync(SearchRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var messages = new List<string>();
        var tab = ParseTab(request.Tab, messages);
        return ForTab(await FindAsync(request, tab, messages, ct), tab);
    }

    private async Task<SearchResult> FindAsync(SearchRequest request, ResultTab tab, List<string> messages, CancellationToken ct)
    {
        var (query, truncated) = QueryText.Clean(request.Query);
        if (truncated)
        {
            messages.Add($"Your search was long; only its first {query.Length} characters were used. For a long passage, use the quote check.");
        }

        var sort = ParseSort(request.Sort, messages);
        var pageSize = Math.Clamp(request.PageSize, 1, MaxPageSize);
        var connection = await OpenAsync(ct);
        try
        {
            var filters = await SearchFilters.ResolveAsync(connection, request, messages, ct);
            var cursor = Cursor.Parse(request.After, sort, tab, messages);
            if (query.Length == 0 && filters.IsEmpty)
            {
                messages.Add("Type a few words of the statement, a speaker's name or a phrase in double quotes.");
                return Empty(query, SearchMatch.None, messages, filters, sort);
            }

            var configs = await languages.ConfigurationsAsync(connection, filters.Language, ct);
            var words = await FindByWordsAsync(connection, query, configs, filters, sort, cursor, pageSize, tab, withSections: true, ct);
            var (claims, annotations) = (words.Claims, words.Annotations);
            if (words.Total > 0 || query.Length == 0 || cursor is not null)
            {
                string? didYouMean = null;
                if (words.Total <= 2 && query.Length > 0 && cursor is null)
                {
                    didYouMean = await RespellAsync(connection, query, ct);
                }

                return words with { Messages = messages, Claims = claims, Annotations = annotations, DidYouMean = didYouMean };
            }

            var respelled = await RespellAsync(connection, query, ct);
            if (respelled is not null)
            {
                var corrected = await FindByWordsAsync(connection, respelled, configs, filters, sort, null, pageSize, tab, withSections: false, ct);
                if (corrected.Total > 0)
                {
                    messages.Add($"No statement has all the words of “{query}”; showing results for “{respelled}”.");
                    return corrected with
                    {
                        Query = query,
                        Match = SearchMatch.Corrected,
                        SearchedFor = respelled,
                        DidYouMean = respelled,
                        Messages = messages,
                        Claims = claims,
                        Annotations = annotations,
                    };
                }
            }

            if (configs.Count > 0 && await IsOnlyStopWordsAsync(connection, query, configs[0], ct))
            {
                messages.Add("Those words are too common to search for on their own; put a phrase in double quotes with a rarer word, or use the quote check.");
                return Empty(query, SearchMatch.None, messages, filters, sort) with { Claims = claims, Annotations = annotations };
            }

            var fuzzy = await FindByLikenessAsync(connection, query, respelled, configs, filters, pageSize, ct);
            messages.Add(fuzzy.Count > 0
                ? $"No statement has all the words of “{query}”; these are the closest by spelling."
                : $"No statement matches “{query}”. Try fewer words, another spelling, or the quote check.");

            return Empty(query, fuzzy.Count > 0 ? SearchMatch.Fuzzy : SearchMatch.None, messages, filters, sort) with
            {
                Statements = fuzzy,
                Total = fuzzy.Count,
                DidYouMean = respelled,
                Claims = claims,
                Annotations = annotations,
            };
        }
        finally
        {
            await CloseAsync();
        }
    }

    /// <summary>Near-identical statements from other articles: the same quote trimmed, re-punctuated or reworded a little.</summary>
    public async Task<IReadOnlyList<StatementHit>> SimilarStatementsAsync(long statementId, int limit, CancellationToken ct)
    {
        var connection = await OpenAsync(ct);
        try
        {
            // Candidates share one of the statement's three rarest words (small posting lists, so fast at any size);
            // trigram similarity over the accent-folded text then keeps the near-identical ones.
            await using var command = new NpgsqlCommand(
                $"""
                WITH me AS (SELECT statement_id, article_id, folded_text, config FROM statement_search WHERE statement_id = @id),
                rare AS (
                    SELECT string_agg(r.word, ' or ') AS words FROM (
                        SELECT l.word FROM me
                        CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector('simple', me.folded_text))) AS w(word)
                        JOIN search_lexicon l ON l.word = w.word
                        WHERE length(l.word) > 3
                        ORDER BY l.occurrences, l.word
                        LIMIT 3) r),
                candidates AS (
                    SELECT o.statement_id, similarity(o.folded_text, me.folded_text)::float8 AS similarity
                    FROM me CROSS JOIN rare
                    JOIN statement_search o ON o.document @@ websearch_to_tsquery(me.config, rare.words)
                    WHERE o.statement_id <> me.statement_id AND o.article_id <> me.article_id AND {ReaderVisibility.Sql("o")}
                    LIMIT {SimilarWindow})
                SELECT statement_id, similarity FROM candidates
                WHERE similarity >= 0.5
                ORDER BY similarity DESC, statement_id
                LIMIT @limit
                """, connection);
            command.Parameters.Add(new NpgsqlParameter<long>("id", statementId));
            command.Parameters.Add(new NpgsqlParameter<int>("limit", Math.Clamp(limit, 1, 20)));
            var scored = new List<(long Id, double Score)>();
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    scored.Add((reader.GetInt64(0), reader.GetDouble(1)));
                }
            }

            return await DetailsAsync(connection, scored, "", [SearchSchema.SimpleConfiguration], ct);
        }
        finally
        {
            await CloseAsync();
        }
    }

    /// <summary>Takes a search slot (see <see cref="SearchSlots"/>), then the connection; <see cref="CloseAsync"/> gives both back.</summary>
    internal async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        if (opens == 0)
        {
            await slots.EnterAsync(ct);
        }

        opens++;
        try
        {
            await db.Database.OpenConnectionAsync(ct);
        }
        catch
        {
            await CloseAsync();
            throw;
        }

        return (NpgsqlConnection)db.Database.GetDbConnection();
    }

    internal async Task CloseAsync()
    {
        try
        {
            await db.Database.CloseConnectionAsync();
        }
        finally
        {
            if (--opens == 0)
            {
                slots.Leave();
            }
        }
    }

    internal static async Task SetLocalAsync(NpgsqlConnection connection, string setting, double value, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT set_config(@name, @value, true)", connection);
        command.Parameters.Add(new NpgsqlParameter<string>("name", setting));
        command.Parameters.Add(new NpgsqlParameter<string>("value", value.ToString(CultureInfo.InvariantCulture)));
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The tsquery for <c>@q</c> in every configuration searched: documents are stemmed in their article's language.</summary>
    internal static string TsQuery(IReadOnlyList<string> configs) =>
        configs.Count == 0
            ? "websearch_to_tsquery('public.nc_simple'::regconfig, @q)"
            : string.Join(" || ", configs.Select(c => $"websearch_to_tsquery('public.{c}'::regconfig, @q)"));

    /// <summary>Details and snippets for statements found, in the order given; <c>@q</c> marks the matched words.</summary>
    internal static async Task<IReadOnlyList<StatementHit>> DetailsAsync(
        NpgsqlConnection connection, IReadOnlyList<(long Id, double Score)> found, string query, IReadOnlyList<string> configs, CancellationToken ct)
    {
        if (found.Count == 0)
        {
            return [];
        }

        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(DetailsCommand(found, query, configs));
        await batch.PrepareAsync(ct);
        await using var reader = await batch.ExecuteReaderAsync(ct);
        return await ReadDetailsAsync(reader, found, ct);
    }

    /// <summary>
    /// The same statement on every search, planned the same way whatever the ids: prepared once per pooled connection
    /// (Npgsql keeps it across opens), so PostgreSQL stops planning a five-table join each time.
    /// </summary>
    private static NpgsqlBatchCommand DetailsCommand(IReadOnlyList<(long Id, double Score)> found, string query, IReadOnlyList<string> configs)
    {
        var command = new NpgsqlBatchCommand(
            $"""
            WITH q AS (SELECT {TsQuery(configs)} AS tsq)
            SELECT s.id, s.text,
                   CASE WHEN length(s.text) <= 400 THEN ts_headline(ss.config, s.text, q.tsq, @whole) ELSE ts_headline(ss.config, s.text, q.tsq, @fragments) END,
                   s.kind, s.status, s.confidence, p.name, p.slug, s.unnamed_source, s.cue_text, a.id, a.title, o.name, a.published_on
            FROM statements s
            JOIN statement_search ss ON ss.statement_id = s.id
            JOIN articles a ON a.id = s.article_id
            LEFT JOIN people p ON p.id = s.speaker_id
            LEFT JOIN outlets o ON o.id = a.outlet_id
            CROSS JOIN q
            WHERE s.id = ANY (@ids)
            """);
        command.Parameters.Add(new NpgsqlParameter<string>("q", query));
        command.Parameters.Add(new NpgsqlParameter<string>("whole", HeadlineWhole));
        command.Parameters.Add(new NpgsqlParameter<string>("fragments", HeadlineFragments));
        command.Parameters.Add(new NpgsqlParameter<long[]>("ids", [.. found.Select(f => f.Id)]));
        return command;
    }

    private static async Task<IReadOnlyList<StatementHit>> ReadDetailsAsync(NpgsqlDataReader reader, IReadOnlyList<(long Id, double Score)> found, CancellationToken ct)
    {
        var byId = new Dictionary<long, StatementHit>();
        var scores = found.ToDictionary(f => f.Id, f => f.Score);
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetInt64(0);
            byId[id] = new StatementHit(
                id,
                reader.GetString(1),
                QueryText.Snippet(reader.GetString(2)),
                EnumText.Parse<StatementKind>(reader.GetString(3)),
                reader.GetString(4),
                reader.GetDouble(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetString(9),
                reader.GetInt64(10),
                reader.GetString(11),
                reader.IsDBNull(12) ? null : reader.GetString(12),
                reader.IsDBNull(13) ? null : reader.GetFieldValue<DateOnly>(13),
                scores[id]);
        }

        return [.. found.Where(f => byId.ContainsKey(f.Id)).Select(f => byId[f.Id])];
    }

    /// <summary>
    /// Statements matching the words: the window (its rows, which give the total, the facets and, for relevance, the
    /// ranked page), the page by date when sorted so, and the claims and annotations sections when asked (the tab's
    /// ranked and highlighted, the other counted), all in one round trip; then, in a second, the page's details (on the
    /// statements tab) and the names of the people and outlets in the facets.
    /// </summary>
    private async Task<SearchResult> FindByWordsAsync(
        NpgsqlConnection connection, string query, IReadOnlyList<string> configs, SearchFilters filters, SearchSort sort, Cursor? cursor, int pageSize,
        ResultTab tab, bool withSections, CancellationToken ct)
    {
        // The tsquery is written inline, not in a CTE, so the planner sees how common the words are (see WindowPaths).
        var tsquery = TsQuery(configs);
        var match = query.Length == 0 ? "true" : $"s.document @@ ({tsquery})";
        var ranked = sort == SearchSort.Relevance;
        var withPage = tab == ResultTab.Statements;
        withSections &= query.Length > 0;
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(await WindowCommandAsync(connection, query, configs, match, filters, ranked && withPage, ct));
        if (withPage && !ranked)
        {
            batch.BatchCommands.Add(PageByDateCommand(query, match, filters, sort, cursor, pageSize));
        }

        if (withSections)
        {
            batch.BatchCommands.Add(tab == ResultTab.Claims ? ClaimsCommand(query, cursor, pageSize) : SectionCountCommand(query, ClaimsMatch));
            batch.BatchCommands.Add(tab == ResultTab.Annotations ? AnnotationsCommand(query, cursor, pageSize) : SectionCountCommand(query, AnnotationsMatch));
        }

        List<WindowRow> window;
        List<(long Id, float Score, DateOnly? Date)> rows = [];
        var claims = SearchSection<ClaimHit>.None;
        var annotations = SearchSection<AnnotationHit>.None;
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            window = await ReadWindowAsync(reader, ct);
            if (withPage && ranked)
            {
                rows = RankedPage(window, cursor, pageSize);
            }
            else if (withPage)
            {
                await reader.NextResultAsync(ct);
                rows = await ReadPageAsync(reader, ct);
            }

            if (withSections)
            {
                await reader.NextResultAsync(ct);
                claims = tab == ResultTab.Claims ? await ReadClaimsAsync(reader, pageSize, ct) : await ReadSectionCountAsync<ClaimHit>(reader, ct);
                await reader.NextResultAsync(ct);
                annotations = tab == ResultTab.Annotations ? await ReadAnnotationsAsync(reader, pageSize, ct) : await ReadSectionCountAsync<AnnotationHit>(reader, ct);
            }
        }

        string? nextCursor = null;
        if (rows.Count > pageSize)
        {
            rows.RemoveAt(pageSize);
            nextCursor = new Cursor(sort, rows[^1].Score, rows[^1].Date ?? default, rows[^1].Id).Encode();
        }

        var page = rows.Select(r => (r.Id, (double)r.Score)).ToList();
        var facets = new WindowFacets(window);
        var (hits, facetValues) = await PageDetailsAsync(connection, page, query, configs, facets, ct);
        return Empty(query, window.Count > 0 ? SearchMatch.Words : SearchMatch.None, [], filters, sort) with
        {
            Statements = hits,
            Total = window.Count,
            TotalIsLowerBound = window.Count >= Window,
            Facets = facetValues,
            NextCursor = nextCursor,
            Claims = claims,
            Annotations = annotations,
        };
    }

    /// <summary>Relevance: the window's rows by score, then id, both descending, after the cursor's row.</summary>
    private static List<(long Id, float Score, DateOnly? Date)> RankedPage(IReadOnlyList<WindowRow> rows, Cursor? cursor, int pageSize) =>
    [
        .. rows
            .Where(r => cursor is null || r.Score < cursor.Score || (r.Score == cursor.Score && r.Id < cursor.Id))
            .OrderByDescending(r => r.Score).ThenByDescending(r => r.Id)
            .Take(pageSize + 1)
            .Select(r => (r.Id, r.Score, (DateOnly?)null)),
    ];

    /// <summary>The page's details and the facets' people and outlets by name, in one round trip of prepared statements.</summary>
    private static async Task<(IReadOnlyList<StatementHit> Hits, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets)> PageDetailsAsync(
        NpgsqlConnection connection, IReadOnlyList<(long Id, double Score)> page, string query, IReadOnlyList<string> configs, WindowFacets facets, CancellationToken ct)
    {
        var personNames = new Dictionary<long, (string Slug, string Name)>();
        var outletNames = new Dictionary<long, string>();
        IReadOnlyList<StatementHit> hits = [];
        var (personIds, outletIds) = (facets.PersonIds, facets.OutletIds);
        if (page.Count == 0 && personIds.Length == 0 && outletIds.Length == 0)
        {
            return (hits, facets.With(personNames, outletNames));
        }

        await using var batch = new NpgsqlBatch(connection);
        var people = new NpgsqlBatchCommand("SELECT p.id, p.slug, p.name FROM people p WHERE p.id = ANY (@ids)");
        people.Parameters.Add(new NpgsqlParameter<long[]>("ids", personIds));
        var outlets = new NpgsqlBatchCommand("SELECT o.id, o.name FROM outlets o WHERE o.id = ANY (@ids)");
        outlets.Parameters.Add(new NpgsqlParameter<long[]>("ids", outletIds));
        batch.BatchCommands.Add(people);
        batch.BatchCommands.Add(outlets);
        if (page.Count > 0)
        {
            batch.BatchCommands.Add(DetailsCommand(page, query, configs));
        }

        await batch.PrepareAsync(ct);
        await using var reader = await batch.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            personNames[reader.GetInt64(0)] = (reader.GetString(1), reader.GetString(2));
        }

        await reader.NextResultAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            outletNames[reader.GetInt64(0)] = reader.GetString(1);
        }

        if (page.Count > 0)
        {
            await reader.NextResultAsync(ct);
            hits = await ReadDetailsAsync(reader, page, ct);
        }

        return (hits, facets.With(personNames, outletNames));
    }

    /// <summary>Newest or oldest first: the date indexes reach every match, page after page.</summary>
    private static NpgsqlBatchCommand PageByDateCommand(string query, string match, SearchFilters filters, SearchSort sort, Cursor? cursor, int pageSize)
    {
        // Undated last either way; Npgsql maps ±infinity to DateOnly.MinValue/MaxValue and back, so cursors round-trip.
        var (key, direction, comparison) = sort == SearchSort.Newest
            ? ("coalesce(s.published_on, '-infinity'::date)", "DESC", "<")
            : ("coalesce(s.published_on, 'infinity'::date)", "", ">");
        var keyset = cursor is null ? "" : $" AND ({key}, s.statement_id) {comparison} (@c_date, @c_id)";
        var command = new NpgsqlBatchCommand(
            $"""
            SELECT s.statement_id, {key} FROM statement_search s
            WHERE {match}{filters.Sql()}{keyset}
            ORDER BY {key} {direction}, s.statement_id {direction}
            LIMIT @limit
            """);
        command.Parameters.Add(new NpgsqlParameter<string>("q", query));
        command.Parameters.Add(new NpgsqlParameter<int>("limit", pageSize + 1));
        filters.Bind(command.Parameters);
        cursor?.Bind(command.Parameters);
        return command;
    }

    private static async Task<List<(long Id, float Score, DateOnly? Date)>> ReadPageAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        var rows = new List<(long Id, float Score, DateOnly? Date)>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add((reader.GetInt64(0), 0f, reader.IsDBNull(1) ? null : reader.GetFieldValue<DateOnly>(1)));
        }

        return rows;
    }

    /// <summary>
    /// The window of the most recent matches, read once: its rows (scored for relevance) go to the site, which counts
    /// the total and facets and ranks the page (see <see cref="WindowFacets"/>).
    /// </summary>
    private async Task<NpgsqlBatchCommand> WindowCommandAsync(
        NpgsqlConnection connection, string query, IReadOnlyList<string> configs, string match, SearchFilters filters, bool ranked, CancellationToken ct)
    {
        var score = !ranked ? "NULL::real" : query.Length == 0 ? "0::real" : Score(TsQuery(configs));
        var path = query.Length > 0 ? await WindowPathAsync(connection, query, configs, ct) : WindowPath.PlannerChooses;
        var source = WindowPaths.Source(path, match + filters.Sql(), Window);
        var command = new NpgsqlBatchCommand(
            $"""
            WITH {source}
            SELECT w.statement_id, w.speaker_id, w.outlet_id, w.year, w.kind, w.status, w.verdicts, {score} FROM m w
            """);
        command.Parameters.Add(new NpgsqlParameter<string>("q", query));
        filters.Bind(command.Parameters);
        return command;
    }

    private static async Task<List<WindowRow>> ReadWindowAsync(NpgsqlDataReader reader, CancellationToken ct)
    {
        var rows = new List<WindowRow>(Window);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new WindowRow(
                reader.GetInt64(0),
                reader.IsDBNull(1) ? null : reader.GetInt64(1),
                reader.IsDBNull(2) ? null : reader.GetInt64(2),
                reader.IsDBNull(3) ? null : reader.GetInt32(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetFieldValue<string[]>(6),
                reader.IsDBNull(7) ? 0f : reader.GetFloat(7)));
        }

        return rows;
    }

    /// <summary>Prices the query's words with PostgreSQL's estimates and lets <see cref="WindowPaths"/> choose.</summary>
    private async Task<WindowPath> WindowPathAsync(NpgsqlConnection connection, string query, IReadOnlyList<string> configs, CancellationToken ct)
    {
        if (WindowPaths.WordsToPrice(query) is not { } priced)
        {
            return WindowPath.PlannerChooses;
        }

        var (words, alternatives) = priced;
        var (statements, lexemes, matches) = await estimates.ForAsync(connection, words, configs, ct);
        return WindowPaths.Choose(matches, lexemes, alternatives, statements, Window);
    }

    /// <summary>Statements whose accent-folded text is most like the query's words (pg_trgm word similarity).</summary>
    private static async Task<IReadOnlyList<StatementHit>> FindByLikenessAsync(
        NpgsqlConnection connection, string query, string? respelled, IReadOnlyList<string> configs, SearchFilters filters, int pageSize, CancellationToken ct)
    {
        // Words the user excluded stay excluded: they are not matched on, and statements with them are left out.
        var excluded = QueryText.Excluded(query);
        var wanted = QueryText.Words(query).Where(w => !excluded.Contains(w)).ToList();
        var folded = SearchKey.ForQuote(string.Join(' ', wanted));
        if (folded.Length < 3)
        {
            return [];
        }

        var exclusion = excluded.Count == 0 ? "" : $" AND NOT s.document @@ ({TsQuery(configs).Replace("@q", "@excluded", StringComparison.Ordinal)})";
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await SetLocalAsync(connection, "pg_trgm.word_similarity_threshold", FuzzyThreshold, ct);
        await SetLocalAsync(connection, "statement_timeout", FuzzyTimeBudget.TotalMilliseconds, ct);
        var found = new List<(long Id, double Score)>();
        try
        {
            await ReadLikenessAsync();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.QueryCanceled && !ct.IsCancellationRequested)
        {
            // Words shared by a great many texts: nothing close enough was found within the budget.
            return [];
        }

        var hits = await DetailsAsync(connection, found, respelled ?? query, configs, ct);
        await transaction.CommitAsync(ct);
        return hits;

        async Task ReadLikenessAsync()
        {
            await using var command = new NpgsqlCommand(
                $"""
                SELECT c.statement_id, c.similarity FROM (
                    SELECT s.statement_id, word_similarity(@folded, s.folded_text)::float8 AS similarity
                    FROM statement_search s
                    WHERE @folded <% s.folded_text{exclusion}{filters.Sql()}
                    LIMIT {FuzzyWindow}) c
                ORDER BY c.similarity DESC, c.statement_id DESC
                LIMIT @limit
                """, connection);
            command.Parameters.Add(new NpgsqlParameter<string>("folded", folded));
            command.Parameters.Add(new NpgsqlParameter<string>("excluded", string.Join(" or ", excluded)));
            command.Parameters.Add(new NpgsqlParameter<int>("limit", pageSize));
            filters.Bind(command.Parameters);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                found.Add((reader.GetInt64(0), reader.GetDouble(1)));
            }
        }
    }

    /// <summary>The query with each word the lexicon does not know replaced by the closest word it does; null when nothing changes.</summary>
    private static async Task<string?> RespellAsync(NpgsqlConnection connection, string query, CancellationToken ct)
    {
        var words = QueryText.Words(query).Distinct(StringComparer.Ordinal).Take(12).ToList();
        if (words.Count == 0)
        {
            return null;
        }

        // Candidates by shared trigrams, then the fewest edits wins, then the most frequent: trigram likeness alone
        // prefers a rare longer word that contains the typo ("watatter") to the common word meant ("water").
        await using var command = new NpgsqlCommand(
            $"""
            SELECT w.i, c.word, c.occurrences
            FROM unnest(@words) WITH ORDINALITY AS w(word, i)
            CROSS JOIN LATERAL (
                SELECT l.word, l.occurrences FROM search_lexicon l
                WHERE l.word % w.word
                ORDER BY similarity(l.word, w.word) DESC, l.occurrences DESC, l.word
                LIMIT {RespellCandidates}) c
            WHERE NOT EXISTS (SELECT 1 FROM search_lexicon k WHERE k.word = w.word)
            """, connection);
        var folded = words.Select(SearchKey.ForQuote).ToArray();
        command.Parameters.Add(new NpgsqlParameter<string[]>("words", folded));
        var corrections = new Dictionary<string, string>(StringComparer.Ordinal);
        var best = new Dictionary<int, (int Edits, long Occurrences, string Word)>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var index = (int)reader.GetInt64(0) - 1;
                var word = reader.GetString(1);
                var candidate = (Edits: WordDiff.EditDistance(folded[index], word, 3), Occurrences: reader.GetInt64(2), Word: word);
                if (!best.TryGetValue(index, out var current)
                    || candidate.Edits < current.Edits
                    || (candidate.Edits == current.Edits && candidate.Occurrences > current.Occurrences))
                {
                    best[index] = candidate;
                }
            }
        }

        foreach (var (index, choice) in best)
        {
            corrections[words[index]] = choice.Word;
        }

        // Swapped letters ("wnid") share almost no trigrams with the word meant: try an edit distance of one or two.
        foreach (var word in words.Where(w => !corrections.ContainsKey(w) && w.Length >= 4))
        {
            if (await ClosestByEditsAsync(connection, SearchKey.ForQuote(word), ct) is { } closer)
            {
                corrections[word] = closer;
            }
        }

        if (corrections.Count == 0)
        {
            return null;
        }

        var respelled = QueryText.Replace(query, corrections);
        return respelled == query ? null : respelled;
    }

    /// <summary>
    /// The most frequent lexicon word one edit away from <paramref name="word"/> (looked up by its exact spellings
    /// through the lexicon's key); for a long word with none, the most frequent within two edits among words of the
    /// same first letter and about the same length. Null when nothing is close.
    /// </summary>
    private static async Task<string?> ClosestByEditsAsync(NpgsqlConnection connection, string word, CancellationToken ct)
    {
        await using (var oneEdit = new NpgsqlCommand(
            """
            SELECT EXISTS (SELECT 1 FROM search_lexicon WHERE word = @word),
                   (SELECT word FROM search_lexicon WHERE word = ANY (@variants) ORDER BY occurrences DESC, word LIMIT 1)
            """, connection))
        {
            oneEdit.Parameters.Add(new NpgsqlParameter<string>("word", word));
            oneEdit.Parameters.Add(new NpgsqlParameter<string[]>("variants", [.. Spellings.OneEditFrom(word)]));
            await using var found = await oneEdit.ExecuteReaderAsync(ct);
            await found.ReadAsync(ct);
            if (found.GetBoolean(0) || !found.IsDBNull(1) || word.Length < 8)
            {
                return found.GetBoolean(0) || found.IsDBNull(1) ? null : found.GetString(1);
            }
        }

        const int allowed = 2;
        await using var command = new NpgsqlCommand(
            """
            SELECT word FROM search_lexicon
            WHERE left(word, 1) = left(@word, 1) AND length(word) BETWEEN @shortest AND @longest
            ORDER BY occurrences DESC
            LIMIT 20000
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<string>("word", word));
        command.Parameters.Add(new NpgsqlParameter<int>("shortest", word.Length - allowed));
        command.Parameters.Add(new NpgsqlParameter<int>("longest", word.Length + allowed));
        string? best = null;
        var bestDistance = allowed + 1;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var candidate = reader.GetString(0);
            var distance = WordDiff.EditDistance(word, candidate, allowed);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return best;
    }

    private static async Task<bool> IsOnlyStopWordsAsync(NpgsqlConnection connection, string query, string config, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT numnode(websearch_to_tsquery('public.{config}'::regconfig, @q)) = 0 AND numnode(websearch_to_tsquery('public.nc_simple'::regconfig, @q)) > 0", connection);
        command.Parameters.Add(new NpgsqlParameter<string>("q", query));
        return await command.ExecuteScalarAsync(ct) is true;
    }

    private const string ClaimsMatch = "claims c WHERE c.search_document @@ websearch_to_tsquery('public.nc_english'::regconfig, @q)";

    private const string AnnotationsMatch =
        "annotations a WHERE a.search_document @@ websearch_to_tsquery('public.nc_english'::regconfig, @q) AND a.visibility = 'published'";

    /// <summary>
    /// A section off its tab: only how many match, counted to one past the window, in any order (PostgreSQL takes
    /// the cheapest way to find them), so nothing is sorted, ranked or highlighted.
    /// </summary>
    private static NpgsqlBatchCommand SectionCountCommand(string query, string match)
    {
        var command = new NpgsqlBatchCommand($"SELECT count(*) FROM (SELECT FROM {match} LIMIT {SectionWindow + 1}) f");
        command.Parameters.Add(new NpgsqlParameter<string>("q", query));
        return command;
    }

    private static async Task<SearchSection<T>> ReadSectionCountAsync<T>(NpgsqlDataReader reader, CancellationToken ct)
    {
        await reader.ReadAsync(ct);
        return SearchSection<T>.Counted(reader.GetInt64(0), SectionWindow, []);
    }

    /// <summary>
    /// A claims or annotations tab's page (<c>t</c>): among the most recent matches (<c>found</c>, to one past the window,
    /// the extra one only saying there are more), the window's rows by rank, then id, after the cursor's row, one more
    /// than the page to tell whether another follows.
    /// </summary>
    private static string SectionPage(string found, Cursor? cursor, int pageSize) =>
        $"""
        WITH found AS MATERIALIZED ({found} LIMIT {SectionWindow + 1}),
        ranked AS (
            SELECT f.*, ts_rank(f.search_document, websearch_to_tsquery('public.nc_english'::regconfig, @q)) AS rank
            FROM (SELECT * FROM found ORDER BY id DESC LIMIT {SectionWindow}) f),
        t AS (
            SELECT * FROM ranked r{(cursor is null ? "" : " WHERE r.rank < @c_score OR (r.rank = @c_score AND r.id < @c_id)")}
            ORDER BY r.rank DESC, r.id DESC LIMIT {pageSize + 1})
        """;

    /// <summary>The claims tab: a page of <see cref="SectionPage"/>, each claim highlighted whole.</summary>
    private static NpgsqlBatchCommand ClaimsCommand(string query, Cursor? cursor, int pageSize)
    {
        var command = new NpgsqlBatchCommand(
            $"""
            {SectionPage($"SELECT c.id, c.text, c.verdict, c.search_document FROM {ClaimsMatch} ORDER BY c.id DESC", cursor, pageSize)}
            SELECT t.id, t.text, ts_headline('public.nc_english'::regconfig, t.text, websearch_to_tsquery('public.nc_english'::regconfig, @q), @whole), t.verdict,
                   (SELECT count(*) FROM claim_statements cs WHERE cs.claim_id = t.id)::int, (SELECT count(*) FROM found), t.rank
            FROM t
            ORDER BY t.rank DESC, t.id DESC
            """);
        command.Parameters.Add(new NpgsqlParameter<string>("q", query));
        command.Parameters.Add(new NpgsqlParameter<string>("whole", HeadlineWhole));
        cursor?.BindRank(command.Parameters);
        return command;
    }

    private static async Task<SearchSection<ClaimHit>> ReadClaimsAsync(NpgsqlDataReader reader, int pageSize, CancellationToken ct)
    {
        var rows = new List<(ClaimHit Item, float Rank)>();
        long found = 0;
        while (await reader.ReadAsync(ct))
        {
            rows.Add((new ClaimHit(reader.GetInt64(0), reader.GetString(1), QueryText.Snippet(reader.GetString(2)),
                reader.IsDBNull(3) ? null : reader.GetString(3).Replace('_', ' '), reader.GetInt32(4)), reader.GetFloat(6)));
            found = reader.GetInt64(5);
        }

        return SectionOnItsTab(rows, found, pageSize, ResultTab.Claims, c => c.Id);
    }

    /// <summary>The annotations tab: a page of <see cref="SectionPage"/>, published notes only, highlighted in fragments.</summary>
    private static NpgsqlBatchCommand AnnotationsCommand(string query, Cursor? cursor, int pageSize)
    {
        var command = new NpgsqlBatchCommand(
            $"""
            {SectionPage($"SELECT a.id, a.body, a.motivation, a.statement_id, a.article_id, a.claim_id, a.person_id, a.search_document FROM {AnnotationsMatch} ORDER BY a.id DESC", cursor, pageSize)}
            SELECT t.id, ts_headline('public.nc_english'::regconfig, t.body, websearch_to_tsquery('public.nc_english'::regconfig, @q), @fragments), t.motivation,
                   t.statement_id, t.article_id, t.claim_id, p.slug, (SELECT count(*) FROM found), t.rank
            FROM t LEFT JOIN people p ON p.id = t.person_id
            ORDER BY t.rank DESC, t.id DESC
            """);
        command.Parameters.Add(new NpgsqlParameter<string>("q", query));
        command.Parameters.Add(new NpgsqlParameter<string>("fragments", HeadlineFragments));
        cursor?.BindRank(command.Parameters);
        return command;
    }

    private static async Task<SearchSection<AnnotationHit>> ReadAnnotationsAsync(NpgsqlDataReader reader, int pageSize, CancellationToken ct)
    {
        var rows = new List<(AnnotationHit Item, float Rank)>();
        long found = 0;
        while (await reader.ReadAsync(ct))
        {
            rows.Add((new AnnotationHit(
                reader.GetInt64(0),
                QueryText.Snippet(reader.GetString(1)),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetInt64(3),
                reader.IsDBNull(4) ? null : reader.GetInt64(4),
                reader.IsDBNull(5) ? null : reader.GetInt64(5),
                reader.IsDBNull(6) ? null : reader.GetString(6)), reader.GetFloat(8)));
            found = reader.GetInt64(7);
        }

        return SectionOnItsTab(rows, found, pageSize, ResultTab.Annotations, a => a.Id);
    }

    /// <summary>A section's page as read (one row more than the page when another follows), with the cursor to that next page.</summary>
    private static SearchSection<T> SectionOnItsTab<T>(List<(T Item, float Rank)> rows, long found, int pageSize, ResultTab tab, Func<T, long> id)
    {
        string? next = null;
        if (rows.Count > pageSize)
        {
            rows.RemoveAt(pageSize);
            next = Cursor.InSection(tab, rows[^1].Rank, id(rows[^1].Item)).Encode();
        }

        return SearchSection<T>.Counted(found, SectionWindow, [.. rows.Select(r => r.Item)]) with { NextCursor = next };
    }

    private SearchSort ParseSort(string? raw, List<string> messages) => ParseChoice(raw, SearchSort.Relevance, "sort order", "sorted by relevance", messages);

    private ResultTab ParseTab(string? raw, List<string> messages) => ParseChoice(raw, ResultTab.Statements, "tab", "showing statements", messages);

    /// <summary>A choice by its lower-case name; empty gives the default, anything else a message and the default.</summary>
    private T ParseChoice<T>(string? raw, T fallback, string what, string instead, List<string> messages)
        where T : struct, Enum
    {
        var value = QueryText.Clean(raw, 20).Text.ToLowerInvariant();
        var names = Enum.GetValues<T>().Select(v => (Value: v, Name: v.ToString().ToLowerInvariant())).ToList();
        if (value.Length == 0)
        {
            return fallback;
        }

        if (names.FindIndex(n => n.Name == value) is var found and >= 0)
        {
            return names[found].Value;
        }

        logger.LogDebug("Unknown search {What} {Value}", what, value);
        messages.Add($"“{value}” is not a {what} ({string.Join(", ", names.Select(n => n.Name))}); {instead}.");
        return fallback;
    }

    /// <summary>Only the tab's own items go back, with the cursor to the tab's next page; every tab keeps the three totals.</summary>
    private static SearchResult ForTab(SearchResult result, ResultTab tab) => result with
    {
        Tab = tab,
        Statements = tab == ResultTab.Statements ? result.Statements : [],
        NextCursor = tab switch
        {
            ResultTab.Claims => result.Claims.NextCursor,
            ResultTab.Annotations => result.Annotations.NextCursor,
            _ => result.NextCursor,
        },
        Claims = tab == ResultTab.Claims ? result.Claims : result.Claims with { Items = [] },
        Annotations = tab == ResultTab.Annotations ? result.Annotations : result.Annotations with { Items = [] },
    };

    private static SearchResult Empty(string query, SearchMatch match, IReadOnlyList<string> messages, SearchFilters filters, SearchSort sort) => new()
    {
        Query = query,
        Match = match,
        Messages = messages,
        Total = 0,
        TotalIsLowerBound = false,
        Statements = [],
        Facets = new Dictionary<string, IReadOnlyList<FacetValue>>(StringComparer.Ordinal),
        Claims = SearchSection<ClaimHit>.None,
        Annotations = SearchSection<AnnotationHit>.None,
        AppliedFilters = filters.Applied,
        Sort = sort,
    };

    /// <summary>Keyset position: the last row's sort value and id, opaque to clients.</summary>
    private sealed record Cursor(SearchSort Sort, float Score, DateOnly Date, long Id)
    {
        /// <summary>The tab it pages: claims and annotations are paged by rank only.</summary>
        public ResultTab Tab { get; init; }

        /// <summary>The next page of a claims or annotations tab, after the row with this rank and id.</summary>
        public static Cursor InSection(ResultTab tab, float rank, long id) => new(SearchSort.Relevance, rank, default, id) { Tab = tab };

        public string Encode()
        {
            var key = Sort == SearchSort.Relevance
                ? Score.ToString("R", CultureInfo.InvariantCulture)
                : Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var text = $"{Name(Sort, Tab)}|{key}|{Id.ToString(CultureInfo.InvariantCulture)}";
            return Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        }

        /// <summary>A cursor made for this sort order on the statements tab, or for this claims or annotations tab.</summary>
        public static Cursor? Parse(string? raw, SearchSort sort, ResultTab tab, List<string> messages)
        {
            var value = QueryText.Clean(raw, 200).Text;
            if (value.Length == 0)
            {
                return null;
            }

            if (tab != ResultTab.Statements)
            {
                sort = SearchSort.Relevance;
            }

            try
            {
                var base64 = value.Replace('-', '+').Replace('_', '/');
                base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
                var parts = Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Split('|');
                if (parts.Length == 3 && parts[0] == Name(sort, tab) && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    if (sort == SearchSort.Relevance && float.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var score))
                    {
                        return new Cursor(sort, score, default, id) { Tab = tab };
                    }

                    if (sort != SearchSort.Relevance && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    {
                        return new Cursor(sort, 0, date, id);
                    }
                }
            }
            catch (FormatException)
            {
                // Falls through to the message below.
            }

            messages.Add("That page link is not valid (or was made for another sort order or tab); showing the first page.");
            return null;
        }

        /// <summary>Bound for a section's page: <c>@c_score</c> and <c>@c_id</c>.</summary>
        public void BindRank(NpgsqlParameterCollection parameters)
        {
            parameters.Add(new NpgsqlParameter<float>("c_score", Score));
            parameters.Add(new NpgsqlParameter<long>("c_id", Id));
        }

        private static string Name(SearchSort sort, ResultTab tab) =>
            (tab == ResultTab.Statements ? sort.ToString() : tab.ToString()).ToLowerInvariant();

        public void Bind(NpgsqlParameterCollection parameters)
        {
            parameters.Add(new NpgsqlParameter<float>("c_score", Score));
            parameters.Add(new NpgsqlParameter<DateOnly>("c_date", Date) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Date });
            parameters.Add(new NpgsqlParameter<long>("c_id", Id));
        }
    }
}
