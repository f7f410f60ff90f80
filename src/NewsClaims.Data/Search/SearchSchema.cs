namespace NewsClaims.Data.Search;

/// <summary>
/// The search side table and what keeps it current, created by the QuoteSearchIndex migration.
/// <c>statement_search</c> holds one row per statement: a weighted document (statement words A, speaker names and
/// aliases B, article title C) stemmed with the article language's configuration, the accent-folded text for
/// trigram matching, and the columns filters and facets need, so a search touches one table and its indexes.
/// A generated column cannot read other tables, hence triggers: statement inserts and updates, article and person
/// edits and alias changes refresh the affected rows. <c>search_lexicon</c> is the word list behind "did you mean".
/// </summary>
public static class SearchSchema
{
    /// <summary>Languages with a stemming configuration; everything else is searched with <c>nc_simple</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string> Configurations = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["en"] = "nc_english",
        ["de"] = "nc_german",
        ["fr"] = "nc_french",
        ["es"] = "nc_spanish",
        ["it"] = "nc_italian",
        ["nl"] = "nc_dutch",
        ["pt"] = "nc_portuguese",
        ["ru"] = "nc_russian",
        ["sv"] = "nc_swedish",
    };

    public const string SimpleConfiguration = "nc_simple";

    public const string Create = """
        -- Copies of the built-in configurations that fold accents before stemming, so ts_headline marks "déjà" for "deja".
        DO $do$
        DECLARE l text;
        BEGIN
            FOREACH l IN ARRAY ARRAY['simple', 'english', 'german', 'french', 'spanish', 'italian', 'dutch', 'portuguese', 'russian', 'swedish'] LOOP
                EXECUTE format('CREATE TEXT SEARCH CONFIGURATION public.%I (COPY = pg_catalog.%I)', 'nc_' || l, l);
                EXECUTE format('ALTER TEXT SEARCH CONFIGURATION public.%I ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, %I',
                    'nc_' || l, CASE l WHEN 'simple' THEN 'simple' ELSE l || '_stem' END);
            END LOOP;
        END
        $do$;

        CREATE FUNCTION public.search_config_for(language text) RETURNS regconfig
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
            SELECT (CASE lower(split_part(coalesce(language, ''), '-', 1))
                WHEN 'en' THEN 'public.nc_english' WHEN 'de' THEN 'public.nc_german' WHEN 'fr' THEN 'public.nc_french'
                WHEN 'es' THEN 'public.nc_spanish' WHEN 'it' THEN 'public.nc_italian' WHEN 'nl' THEN 'public.nc_dutch'
                WHEN 'pt' THEN 'public.nc_portuguese' WHEN 'ru' THEN 'public.nc_russian' WHEN 'sv' THEN 'public.nc_swedish'
                ELSE 'public.nc_simple' END)::regconfig
        $$;

        CREATE TABLE public.statement_search (
            statement_id bigint PRIMARY KEY REFERENCES public.statements (id) ON DELETE CASCADE,
            article_id bigint NOT NULL,
            speaker_id bigint,
            outlet_id bigint,
            published_on date,
            year integer,
            kind character varying(16) NOT NULL,
            status character varying(16) NOT NULL,
            language character varying(16) NOT NULL,
            config regconfig NOT NULL,
            folded_text text NOT NULL,
            document tsvector NOT NULL
        );
        CREATE INDEX ix_statement_search_document ON public.statement_search USING gin (document);
        CREATE INDEX ix_statement_search_folded_text_trgm ON public.statement_search USING gin (folded_text gin_trgm_ops);
        CREATE INDEX ix_statement_search_speaker_id ON public.statement_search (speaker_id);
        CREATE INDEX ix_statement_search_article_id ON public.statement_search (article_id);
        -- Newest/oldest first: walked in order and filtered, so a common word stops after one page of matches.
        CREATE INDEX ix_statement_search_newest ON public.statement_search ((coalesce(published_on, '-infinity'::date)), statement_id);
        CREATE INDEX ix_statement_search_oldest ON public.statement_search ((coalesce(published_on, 'infinity'::date)), statement_id);

        CREATE TABLE public.search_lexicon (
            word text PRIMARY KEY,
            occurrences bigint NOT NULL
        );
        CREATE INDEX ix_search_lexicon_word_trgm ON public.search_lexicon USING gin (word gin_trgm_ops);

        CREATE INDEX ix_claims_text_search ON public.claims USING gin (to_tsvector('public.nc_english'::regconfig, text));
        CREATE INDEX ix_annotations_body_search ON public.annotations USING gin (to_tsvector('public.nc_english'::regconfig, body));

        CREATE FUNCTION public.statement_search_refresh(ids bigint[]) RETURNS void
        LANGUAGE sql AS $$
            INSERT INTO public.statement_search AS t
                (statement_id, article_id, speaker_id, outlet_id, published_on, year, kind, status, language, config, folded_text, document)
            SELECT s.id, s.article_id, s.speaker_id, a.outlet_id, a.published_on,
                   coalesce(extract(year FROM s.when_said_date), extract(year FROM a.published_on))::integer,
                   s.kind, s.status, a.language, c.cfg, public.f_unaccent(s.text),
                   setweight(to_tsvector(c.cfg, s.text), 'A')
                   || setweight(to_tsvector(c.cfg, coalesce(n.names, '') || ' ' || coalesce(s.unnamed_source, '')), 'B')
                   || setweight(to_tsvector(c.cfg, a.title), 'C')
            FROM public.statements s
            JOIN public.articles a ON a.id = s.article_id
            CROSS JOIN LATERAL (SELECT public.search_config_for(a.language) AS cfg) c
            LEFT JOIN LATERAL (
                SELECT p.name || ' ' || coalesce((SELECT string_agg(pa.alias, ' ') FROM public.person_aliases pa WHERE pa.person_id = p.id), '') AS names
                FROM public.people p WHERE p.id = s.speaker_id) n ON true
            WHERE s.id = ANY (ids)
            ORDER BY s.id
            ON CONFLICT (statement_id) DO UPDATE SET
                article_id = EXCLUDED.article_id, speaker_id = EXCLUDED.speaker_id, outlet_id = EXCLUDED.outlet_id,
                published_on = EXCLUDED.published_on, year = EXCLUDED.year, kind = EXCLUDED.kind, status = EXCLUDED.status,
                language = EXCLUDED.language, config = EXCLUDED.config, folded_text = EXCLUDED.folded_text, document = EXCLUDED.document;
        $$;

        -- Words as typed (folded, unstemmed) with how often they occur; sorted so concurrent imports lock rows in one order.
        CREATE FUNCTION public.search_lexicon_add(ids bigint[]) RETURNS void
        LANGUAGE sql AS $$
            INSERT INTO public.search_lexicon AS l (word, occurrences)
            SELECT w.word, count(*)
            FROM public.statements s
            LEFT JOIN public.people p ON p.id = s.speaker_id
            CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector('simple', public.f_unaccent(s.text || ' ' || coalesce(p.name, ''))))) AS w(word)
            WHERE s.id = ANY (ids) AND w.word ~ '^[[:alpha:]]{3,40}$'
            GROUP BY w.word
            ORDER BY w.word
            ON CONFLICT (word) DO UPDATE SET occurrences = l.occurrences + EXCLUDED.occurrences;
        $$;

        CREATE FUNCTION public.statement_search_on_statements() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM public.statement_search_refresh(ARRAY(SELECT id FROM changed_rows));
            IF TG_OP = 'INSERT' THEN
                PERFORM public.search_lexicon_add(ARRAY(SELECT id FROM changed_rows));
            END IF;
            RETURN NULL;
        END
        $$;
        CREATE TRIGGER tr_statements_search_insert AFTER INSERT ON public.statements
            REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION public.statement_search_on_statements();
        CREATE TRIGGER tr_statements_search_update AFTER UPDATE ON public.statements
            REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION public.statement_search_on_statements();

        CREATE FUNCTION public.statement_search_on_articles() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM public.statement_search_refresh(ARRAY(SELECT id FROM public.statements WHERE article_id = NEW.id));
            RETURN NULL;
        END
        $$;
        CREATE TRIGGER tr_articles_search AFTER UPDATE ON public.articles FOR EACH ROW
            WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.language IS DISTINCT FROM NEW.language
                  OR OLD.outlet_id IS DISTINCT FROM NEW.outlet_id OR OLD.published_on IS DISTINCT FROM NEW.published_on)
            EXECUTE FUNCTION public.statement_search_on_articles();

        CREATE FUNCTION public.statement_search_on_people() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM public.statement_search_refresh(ARRAY(SELECT id FROM public.statements WHERE speaker_id = NEW.id));
            RETURN NULL;
        END
        $$;
        CREATE TRIGGER tr_people_search AFTER UPDATE ON public.people FOR EACH ROW
            WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION public.statement_search_on_people();

        CREATE FUNCTION public.statement_search_on_person_aliases() RETURNS trigger
        LANGUAGE plpgsql AS $$
        DECLARE person bigint;
        BEGIN
            IF TG_OP = 'DELETE' THEN person := OLD.person_id; ELSE person := NEW.person_id; END IF;
            PERFORM public.statement_search_refresh(ARRAY(SELECT id FROM public.statements WHERE speaker_id = person));
            RETURN NULL;
        END
        $$;
        CREATE TRIGGER tr_person_aliases_search AFTER INSERT OR UPDATE OR DELETE ON public.person_aliases FOR EACH ROW
            EXECUTE FUNCTION public.statement_search_on_person_aliases();

        -- Refills both tables from scratch in set-based passes: after a bulk load that ran with triggers off
        -- (session_replication_role = replica, as the benchmark generator does), or to repair them.
        CREATE FUNCTION public.statement_search_rebuild() RETURNS bigint
        LANGUAGE plpgsql AS $$
        DECLARE loaded bigint;
        BEGIN
            TRUNCATE public.statement_search, public.search_lexicon;
            INSERT INTO public.statement_search
                (statement_id, article_id, speaker_id, outlet_id, published_on, year, kind, status, language, config, folded_text, document)
            SELECT s.id, s.article_id, s.speaker_id, a.outlet_id, a.published_on,
                   coalesce(extract(year FROM s.when_said_date), extract(year FROM a.published_on))::integer,
                   s.kind, s.status, a.language, c.cfg, public.f_unaccent(s.text),
                   setweight(to_tsvector(c.cfg, s.text), 'A')
                   || setweight(to_tsvector(c.cfg, coalesce(n.names, '') || ' ' || coalesce(s.unnamed_source, '')), 'B')
                   || setweight(to_tsvector(c.cfg, a.title), 'C')
            FROM public.statements s
            JOIN public.articles a ON a.id = s.article_id
            CROSS JOIN LATERAL (SELECT public.search_config_for(a.language) AS cfg) c
            LEFT JOIN (
                SELECT p.id, p.name || ' ' || coalesce(string_agg(pa.alias, ' '), '') AS names
                FROM public.people p LEFT JOIN public.person_aliases pa ON pa.person_id = p.id
                GROUP BY p.id, p.name) n ON n.id = s.speaker_id;
            GET DIAGNOSTICS loaded = ROW_COUNT;
            INSERT INTO public.search_lexicon (word, occurrences)
            SELECT w.word, count(*)
            FROM public.statements s
            LEFT JOIN public.people p ON p.id = s.speaker_id
            CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector('simple', public.f_unaccent(s.text || ' ' || coalesce(p.name, ''))))) AS w(word)
            WHERE w.word ~ '^[[:alpha:]]{3,40}$'
            GROUP BY w.word;
            ANALYZE public.statement_search;
            ANALYZE public.search_lexicon;
            RETURN loaded;
        END
        $$;

        SELECT public.statement_search_rebuild();
        """;

    /// <summary>
    /// The search rows of the statements <c>ids</c> (the SQL function's parameter), inserted in statement order; the
    /// function adds what becomes of rows already there: <c>statement_search_refresh</c> replaces them,
    /// <c>statement_search_fill</c> leaves them. An article's title vector is computed once per article and a
    /// speaker's names vector once per speaker and language. <paramref name="withVerdicts"/>: the rows carry the
    /// verdicts of the statements' claims (see <see cref="Verdicts"/>).
    /// </summary>
    private static string InsertSearchRows(bool withVerdicts) => $$"""
            WITH s AS MATERIALIZED (
                SELECT s.id, s.article_id, s.speaker_id, s.when_said_date, s.kind, s.status, s.text, s.unnamed_source
                FROM public.statements s
                WHERE s.id = ANY (ids)
            ),
            a AS MATERIALIZED (
                SELECT a.id, a.outlet_id, a.published_on, a.language, c.cfg, setweight(to_tsvector(c.cfg, a.title), 'C') AS title_vector
                FROM public.articles a
                CROSS JOIN LATERAL (SELECT public.search_config_for(a.language) AS cfg) c
                WHERE a.id IN (SELECT s.article_id FROM s)
            ),
            n AS MATERIALIZED (
                SELECT p.id, p.name || ' ' || coalesce((SELECT string_agg(pa.alias, ' ') FROM public.person_aliases pa WHERE pa.person_id = p.id), '') AS names
                FROM public.people p
                WHERE p.id IN (SELECT s.speaker_id FROM s)
            ),
            -- Statements without an unnamed source share their speaker's names vector: once per speaker and configuration.
            nv AS MATERIALIZED (
                SELECT u.speaker_id, u.cfg, setweight(to_tsvector(u.cfg, n.names || ' '), 'B') AS names_vector
                FROM (SELECT DISTINCT s.speaker_id, a.cfg FROM s JOIN a ON a.id = s.article_id WHERE s.unnamed_source IS NULL AND s.speaker_id IS NOT NULL) u
                JOIN n ON n.id = u.speaker_id
            ){{(withVerdicts ? ",\n    v AS MATERIALIZED (SELECT v.statement_id, v.verdicts FROM public.statement_verdicts v WHERE v.statement_id IN (SELECT s.id FROM s))" : "")}}
            INSERT INTO public.statement_search AS t
                (statement_id, article_id, speaker_id, outlet_id, published_on, year, kind, status, language, config, folded_text, document{{(withVerdicts ? ", verdicts" : "")}})
            SELECT s.id, s.article_id, s.speaker_id, a.outlet_id, a.published_on,
                   coalesce(extract(year FROM s.when_said_date), extract(year FROM a.published_on))::integer,
                   s.kind, s.status, a.language, a.cfg, public.f_unaccent(s.text),
                   setweight(to_tsvector(a.cfg, s.text), 'A')
                   || CASE WHEN s.unnamed_source IS NULL THEN coalesce(nv.names_vector, ''::tsvector)
                           ELSE setweight(to_tsvector(a.cfg, coalesce(n.names, '') || ' ' || s.unnamed_source), 'B') END
                   || a.title_vector{{(withVerdicts ? ",\n           v.verdicts" : "")}}
            FROM s
            JOIN a ON a.id = s.article_id
            LEFT JOIN n ON n.id = s.speaker_id
            LEFT JOIN nv ON nv.speaker_id = s.speaker_id AND nv.cfg = a.cfg{{(withVerdicts ? "\n    LEFT JOIN v ON v.statement_id = s.id" : "")}}
            ORDER BY s.id
        """;

    /// <summary><c>statement_search_refresh(ids)</c>: builds the search rows of the statements, replacing those already there.</summary>
    private static string RefreshFunction(bool withVerdicts) => $$"""
        CREATE OR REPLACE FUNCTION public.statement_search_refresh(ids bigint[]) RETURNS void
        LANGUAGE sql AS $$
        """ + "\n" + InsertSearchRows(withVerdicts) + "\n" + $$"""
            ON CONFLICT (statement_id) DO UPDATE SET
                article_id = EXCLUDED.article_id, speaker_id = EXCLUDED.speaker_id, outlet_id = EXCLUDED.outlet_id,
                published_on = EXCLUDED.published_on, year = EXCLUDED.year, kind = EXCLUDED.kind, status = EXCLUDED.status,
                language = EXCLUDED.language, config = EXCLUDED.config, folded_text = EXCLUDED.folded_text, document = EXCLUDED.document{{(withVerdicts ? ",\n        verdicts = EXCLUDED.verdicts" : "")}};
        $$;
        """;

    /// <summary>
    /// <c>statement_search_fill(ids)</c>: the refresh that leaves rows already there as they are: a row written since the
    /// statements were queued was written by a trigger reacting to a later change (an alias, an edit), from data at least as new.
    /// </summary>
    private static string FillFunction(bool withVerdicts) => $$"""
        CREATE FUNCTION public.statement_search_fill(ids bigint[]) RETURNS void
        LANGUAGE sql AS $$
        """ + "\n" + InsertSearchRows(withVerdicts) + "\n" + """
            ON CONFLICT (statement_id) DO NOTHING;
        $$;
        """;

    /// <summary>
    /// Applied by the ImportSearchMaintenance migration on top of <see cref="Create"/>: bulk writes refresh the search
    /// table once per SQL statement instead of once per row. Alias changes had a row-level trigger that rebuilt every
    /// statement of the person for each alias inserted (a COPY of a thousand aliases meant a thousand refreshes); it is
    /// now statement-level, refreshing each affected speaker's statements once from the transition tables. The refresh
    /// itself computes an article's title vector once per article and a speaker's names vector once per speaker and
    /// language, not once per statement, and the lexicon filters each distinct word once; the rows written are the same as before.
    /// </summary>
    public static readonly string StatementLevelMaintenance = RefreshFunction(withVerdicts: false) + "\n\n" + """
        -- The same words and counts as before, but the word filter runs once per distinct word, not once per occurrence.
        """ + "\n" + LexiconAdd(RegexWordFilter) + "\n" + """

        DROP TRIGGER IF EXISTS tr_person_aliases_search ON public.person_aliases;
        DROP FUNCTION IF EXISTS public.statement_search_on_person_aliases();

        -- One refresh per INSERT/UPDATE/DELETE statement (a COPY included) for the speakers whose aliases changed.
        CREATE FUNCTION public.statement_search_on_person_aliases() RETURNS trigger
        LANGUAGE plpgsql AS $$
        DECLARE people bigint[];
        BEGIN
            IF TG_OP = 'INSERT' THEN
                people := ARRAY(SELECT DISTINCT person_id FROM new_aliases);
            ELSIF TG_OP = 'DELETE' THEN
                people := ARRAY(SELECT DISTINCT person_id FROM old_aliases);
            ELSE
                people := ARRAY(SELECT person_id FROM new_aliases UNION SELECT person_id FROM old_aliases);
            END IF;
            PERFORM public.statement_search_refresh(ARRAY(SELECT id FROM public.statements WHERE speaker_id = ANY (people)));
            RETURN NULL;
        END
        $$;
        CREATE TRIGGER tr_person_aliases_search_insert AFTER INSERT ON public.person_aliases
            REFERENCING NEW TABLE AS new_aliases FOR EACH STATEMENT EXECUTE FUNCTION public.statement_search_on_person_aliases();
        CREATE TRIGGER tr_person_aliases_search_update AFTER UPDATE ON public.person_aliases
            REFERENCING OLD TABLE AS old_aliases NEW TABLE AS new_aliases FOR EACH STATEMENT EXECUTE FUNCTION public.statement_search_on_person_aliases();
        CREATE TRIGGER tr_person_aliases_search_delete AFTER DELETE ON public.person_aliases
            REFERENCING OLD TABLE AS old_aliases FOR EACH STATEMENT EXECUTE FUNCTION public.statement_search_on_person_aliases();
        """;

    /// <summary>
    /// Applied by the ImportLexiconWordFilter migration on top of <see cref="StatementLevelMaintenance"/>: the lexicon's
    /// word filter <c>^[[:alpha:]]{3,40}$</c> becomes a length check and <c>^[[:alpha:]]+$</c>, the same words (3 to 40
    /// characters, letters only) at a fifth of the cost: the bounded repetition made PostgreSQL's regex engine the
    /// dearest step of an import's lexicon upkeep after tokenising. Counts and rows written are unchanged.
    /// </summary>
    public static readonly string CheaperLexiconWordFilter = LexiconAdd(LengthAndLettersWordFilter);

    /// <summary>Undoes <see cref="CheaperLexiconWordFilter"/>: the lexicon function of <see cref="StatementLevelMaintenance"/>.</summary>
    public static readonly string RegexLexiconWordFilter = LexiconAdd(RegexWordFilter);

    private const string RegexWordFilter = "w.word ~ '^[[:alpha:]]{3,40}$'";

    private const string LengthAndLettersWordFilter = "length(w.word) BETWEEN 3 AND 40 AND w.word ~ '^[[:alpha:]]+$'";

    /// <summary>
    /// <c>search_lexicon_add(ids)</c>: the statements' words as typed (folded, unstemmed, speaker name included) that
    /// pass <paramref name="wordFilter"/>, added to the lexicon with their counts; the filter runs once per distinct
    /// word, and words are locked in sorted order so concurrent imports never deadlock.
    /// </summary>
    private static string LexiconAdd(string wordFilter) => $$"""
        CREATE OR REPLACE FUNCTION public.search_lexicon_add(ids bigint[]) RETURNS void
        LANGUAGE sql AS $$
            INSERT INTO public.search_lexicon AS l (word, occurrences)
            SELECT w.word, w.occurrences
            FROM (
                SELECT w.word, count(*) AS occurrences
                FROM public.statements s
                LEFT JOIN public.people p ON p.id = s.speaker_id
                CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector('simple', public.f_unaccent(s.text || ' ' || coalesce(p.name, ''))))) AS w(word)
                WHERE s.id = ANY (ids)
                GROUP BY w.word
                OFFSET 0) w
            WHERE {{wordFilter}}
            ORDER BY w.word
            ON CONFLICT (word) DO UPDATE SET occurrences = l.occurrences + EXCLUDED.occurrences;
        $$;
        """;

    /// <summary>
    /// Applied by the SearchRebuildInIdOrder migration: <c>statement_search_rebuild()</c> writes the search rows in
    /// statement order, as imports do (each batch's rows are inserted in id order). Relevance and facets read "the most
    /// recent matches" by walking the primary key backwards; with rows in id order that walk reads a few hundred
    /// neighbouring pages, with rows in hash-join order (what the rebuild wrote before) one page per row, twice the
    /// time for a common word. Same rows, same lexicon.
    /// </summary>
    public static readonly string RebuildInIdOrder = Rebuild(SearchTablesAndBacklog, order: "ORDER BY s.id");

    /// <summary>Undoes <see cref="RebuildInIdOrder"/>: the rebuild of <see cref="Backlog"/>.</summary>
    public static readonly string RebuildInJoinOrder = Rebuild(SearchTablesAndBacklog, order: string.Empty);

    private const string SearchTables = "public.statement_search, public.search_lexicon";

    private const string SearchTablesAndBacklog = "public.statement_search, public.search_lexicon, public.statement_search_backlog";

    /// <summary>
    /// <c>statement_search_rebuild()</c>: empties <paramref name="truncated"/> and refills the search table (rows in
    /// <paramref name="order"/>, with the verdicts of the statements' claims when <paramref name="withVerdicts"/>) and lexicon.
    /// </summary>
    private static string Rebuild(string truncated, string order, bool withVerdicts = false) => $$"""
        CREATE OR REPLACE FUNCTION public.statement_search_rebuild() RETURNS bigint
        LANGUAGE plpgsql AS $$
        DECLARE loaded bigint;
        BEGIN
            TRUNCATE {{truncated}};
            INSERT INTO public.statement_search
                (statement_id, article_id, speaker_id, outlet_id, published_on, year, kind, status, language, config, folded_text, document{{(withVerdicts ? ", verdicts" : "")}})
            SELECT s.id, s.article_id, s.speaker_id, a.outlet_id, a.published_on,
                   coalesce(extract(year FROM s.when_said_date), extract(year FROM a.published_on))::integer,
                   s.kind, s.status, a.language, c.cfg, public.f_unaccent(s.text),
                   setweight(to_tsvector(c.cfg, s.text), 'A')
                   || setweight(to_tsvector(c.cfg, coalesce(n.names, '') || ' ' || coalesce(s.unnamed_source, '')), 'B')
                   || setweight(to_tsvector(c.cfg, a.title), 'C'){{(withVerdicts ? ",\n           v.verdicts" : "")}}
            FROM public.statements s
            JOIN public.articles a ON a.id = s.article_id
            CROSS JOIN LATERAL (SELECT public.search_config_for(a.language) AS cfg) c
            LEFT JOIN (
                SELECT p.id, p.name || ' ' || coalesce(string_agg(pa.alias, ' '), '') AS names
                FROM public.people p LEFT JOIN public.person_aliases pa ON pa.person_id = p.id
                GROUP BY p.id, p.name) n ON n.id = s.speaker_id{{(withVerdicts ? "\n    LEFT JOIN public.statement_verdicts v ON v.statement_id = s.id" : "")}}
            {{order}};
            GET DIAGNOSTICS loaded = ROW_COUNT;
            INSERT INTO public.search_lexicon (word, occurrences)
            SELECT w.word, count(*)
            FROM public.statements s
            LEFT JOIN public.people p ON p.id = s.speaker_id
            CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector('simple', public.f_unaccent(s.text || ' ' || coalesce(p.name, ''))))) AS w(word)
            WHERE w.word ~ '^[[:alpha:]]{3,40}$'
            GROUP BY w.word;
            ANALYZE public.statement_search;
            ANALYZE public.search_lexicon;
            RETURN loaded;
        END
        $$;
        """;

    /// <summary>
    /// Applied by the ArticleLanguageIndex migration: the languages the search parses a query in are the distinct
    /// languages of the articles (<see cref="SearchLanguages"/>); with this index PostgreSQL finds them by hopping
    /// through it instead of reading every article.
    /// </summary>
    public const string ArticleLanguageIndex = "CREATE INDEX IF NOT EXISTS ix_articles_language ON public.articles (language);";

    public const string DropArticleLanguageIndex = "DROP INDEX IF EXISTS public.ix_articles_language;";

    /// <summary>Undoes <see cref="StatementLevelMaintenance"/>: the refresh and the row-level alias trigger of <see cref="Create"/>.</summary>
    public const string RowLevelMaintenance = """
        DROP TRIGGER IF EXISTS tr_person_aliases_search_insert ON public.person_aliases;
        DROP TRIGGER IF EXISTS tr_person_aliases_search_update ON public.person_aliases;
        DROP TRIGGER IF EXISTS tr_person_aliases_search_delete ON public.person_aliases;
        DROP FUNCTION IF EXISTS public.statement_search_on_person_aliases();

        CREATE OR REPLACE FUNCTION public.statement_search_refresh(ids bigint[]) RETURNS void
        LANGUAGE sql AS $$
            INSERT INTO public.statement_search AS t
                (statement_id, article_id, speaker_id, outlet_id, published_on, year, kind, status, language, config, folded_text, document)
            SELECT s.id, s.article_id, s.speaker_id, a.outlet_id, a.published_on,
                   coalesce(extract(year FROM s.when_said_date), extract(year FROM a.published_on))::integer,
                   s.kind, s.status, a.language, c.cfg, public.f_unaccent(s.text),
                   setweight(to_tsvector(c.cfg, s.text), 'A')
                   || setweight(to_tsvector(c.cfg, coalesce(n.names, '') || ' ' || coalesce(s.unnamed_source, '')), 'B')
                   || setweight(to_tsvector(c.cfg, a.title), 'C')
            FROM public.statements s
            JOIN public.articles a ON a.id = s.article_id
            CROSS JOIN LATERAL (SELECT public.search_config_for(a.language) AS cfg) c
            LEFT JOIN LATERAL (
                SELECT p.name || ' ' || coalesce((SELECT string_agg(pa.alias, ' ') FROM public.person_aliases pa WHERE pa.person_id = p.id), '') AS names
                FROM public.people p WHERE p.id = s.speaker_id) n ON true
            WHERE s.id = ANY (ids)
            ORDER BY s.id
            ON CONFLICT (statement_id) DO UPDATE SET
                article_id = EXCLUDED.article_id, speaker_id = EXCLUDED.speaker_id, outlet_id = EXCLUDED.outlet_id,
                published_on = EXCLUDED.published_on, year = EXCLUDED.year, kind = EXCLUDED.kind, status = EXCLUDED.status,
                language = EXCLUDED.language, config = EXCLUDED.config, folded_text = EXCLUDED.folded_text, document = EXCLUDED.document;
        $$;

        CREATE OR REPLACE FUNCTION public.search_lexicon_add(ids bigint[]) RETURNS void
        LANGUAGE sql AS $$
            INSERT INTO public.search_lexicon AS l (word, occurrences)
            SELECT w.word, count(*)
            FROM public.statements s
            LEFT JOIN public.people p ON p.id = s.speaker_id
            CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector('simple', public.f_unaccent(s.text || ' ' || coalesce(p.name, ''))))) AS w(word)
            WHERE s.id = ANY (ids) AND w.word ~ '^[[:alpha:]]{3,40}$'
            GROUP BY w.word
            ORDER BY w.word
            ON CONFLICT (word) DO UPDATE SET occurrences = l.occurrences + EXCLUDED.occurrences;
        $$;

        CREATE FUNCTION public.statement_search_on_person_aliases() RETURNS trigger
        LANGUAGE plpgsql AS $$
        DECLARE person bigint;
        BEGIN
            IF TG_OP = 'DELETE' THEN person := OLD.person_id; ELSE person := NEW.person_id; END IF;
            PERFORM public.statement_search_refresh(ARRAY(SELECT id FROM public.statements WHERE speaker_id = person));
            RETURN NULL;
        END
        $$;
        CREATE TRIGGER tr_person_aliases_search AFTER INSERT OR UPDATE OR DELETE ON public.person_aliases FOR EACH ROW
            EXECUTE FUNCTION public.statement_search_on_person_aliases();
        """;

    /// <summary>
    /// Applied by the StatementSearchBacklog migration on top of <see cref="StatementLevelMaintenance"/>: a transaction
    /// that sets <c>newsclaims.search_backlog</c> to <c>on</c> (bulk import batches, see
    /// <see cref="Import.SearchBacklog"/>) does not build the search rows and lexicon counts of the statements it
    /// inserts; the insert trigger queues their ids, one <c>statement_search_backlog</c> row per INSERT or COPY, in the
    /// same transaction, and a drainer on another connection builds them later with <c>statement_search_fill</c> (the
    /// refresh, leaving rows a later change's trigger wrote meanwhile as they are) and the same lexicon function, and
    /// deletes the row in one transaction, so no row is ever lost or counted twice. Every other insert (site, upload, API) and every
    /// update is maintained at once, as before. A rebuild recomputes everything, so it empties the backlog too.
    /// </summary>
    public static readonly string Backlog = """
        CREATE TABLE public.statement_search_backlog (
            id bigserial PRIMARY KEY,
            statement_ids bigint[] NOT NULL,
            queued_at timestamptz NOT NULL DEFAULT now()
        );

        -- statement_search_refresh that leaves rows already there as they are: a row written since the statements were
        -- queued was written by a trigger reacting to a later change (an alias, an edit), from data at least as new.
        """ + "\n" + FillFunction(withVerdicts: false) + "\n\n" + """
        CREATE OR REPLACE FUNCTION public.statement_search_on_statements() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'INSERT' AND current_setting('newsclaims.search_backlog', true) = 'on' THEN
                INSERT INTO public.statement_search_backlog (statement_ids) SELECT ARRAY(SELECT id FROM changed_rows);
                RETURN NULL;
            END IF;
            PERFORM public.statement_search_refresh(ARRAY(SELECT id FROM changed_rows));
            IF TG_OP = 'INSERT' THEN
                PERFORM public.search_lexicon_add(ARRAY(SELECT id FROM changed_rows));
            END IF;
            RETURN NULL;
        END
        $$;

        """ + Rebuild(SearchTablesAndBacklog, order: string.Empty);

    /// <summary>Undoes <see cref="Backlog"/>: drops the queue (whatever it still holds is lost: rebuild after) and its fill, restores the trigger and rebuild.</summary>
    public static readonly string NoBacklog = """
        CREATE OR REPLACE FUNCTION public.statement_search_on_statements() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM public.statement_search_refresh(ARRAY(SELECT id FROM changed_rows));
            IF TG_OP = 'INSERT' THEN
                PERFORM public.search_lexicon_add(ARRAY(SELECT id FROM changed_rows));
            END IF;
            RETURN NULL;
        END
        $$;

        """ + Rebuild(SearchTables, order: string.Empty) + """


        DROP TABLE IF EXISTS public.statement_search_backlog;
        DROP FUNCTION IF EXISTS public.statement_search_fill(bigint[]);
        """;

    /// <summary>
    /// Applied by the StatementSearchVerdicts migration: each search row carries <c>verdicts</c>, the distinct verdicts
    /// of the claims its statement is grouped into (null when none has a verdict), so the verdict facet is counted and
    /// the verdict filter applied on the rows a search reads anyway. Before, every search looked the window's 500
    /// statements up in <c>claim_statements</c> and joined their claims: about 1.5 ms of planning and execution per
    /// search, a fifth of its time in PostgreSQL. The rule lives in one view, <c>statement_verdicts</c>; search rows
    /// take it when built (refresh, fill, rebuild), and statement-level triggers on <c>claim_statements</c> (a
    /// statement added, removed or moved; a claim's deletion cascades here) and on <c>claims</c> (a verdict set,
    /// changed or cleared) recompute it for the statements concerned, in the editor's transaction.
    /// </summary>
    public static readonly string Verdicts = """
        CREATE VIEW public.statement_verdicts AS
        SELECT cs.statement_id, array_agg(DISTINCT c.verdict::text ORDER BY c.verdict::text) AS verdicts
        FROM public.claim_statements cs
        JOIN public.claims c ON c.id = cs.claim_id
        WHERE c.verdict IS NOT NULL
        GROUP BY cs.statement_id;

        ALTER TABLE public.statement_search ADD COLUMN verdicts text[];
        UPDATE public.statement_search t SET verdicts = v.verdicts FROM public.statement_verdicts v WHERE v.statement_id = t.statement_id;

        -- The statements' verdicts as the view gives them now; rows already right are left alone.
        CREATE FUNCTION public.statement_search_verdicts_refresh(ids bigint[]) RETURNS void
        LANGUAGE sql AS $$
            UPDATE public.statement_search t SET verdicts = v.verdicts
            FROM (SELECT i.id, sv.verdicts
                  FROM (SELECT DISTINCT unnest(ids) AS id) i
                  LEFT JOIN public.statement_verdicts sv ON sv.statement_id = i.id AND sv.statement_id = ANY (ids)) v
            WHERE t.statement_id = v.id AND t.verdicts IS DISTINCT FROM v.verdicts;
        $$;

        CREATE FUNCTION public.statement_search_on_claim_statements() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                PERFORM public.statement_search_verdicts_refresh(ARRAY(SELECT statement_id FROM new_links));
            ELSIF TG_OP = 'DELETE' THEN
                PERFORM public.statement_search_verdicts_refresh(ARRAY(SELECT statement_id FROM old_links));
            ELSE
                PERFORM public.statement_search_verdicts_refresh(ARRAY(SELECT statement_id FROM new_links UNION SELECT statement_id FROM old_links));
            END IF;
            RETURN NULL;
        END
        $$;
        CREATE TRIGGER tr_claim_statements_search_insert AFTER INSERT ON public.claim_statements
            REFERENCING NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION public.statement_search_on_claim_statements();
        CREATE TRIGGER tr_claim_statements_search_update AFTER UPDATE ON public.claim_statements
            REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION public.statement_search_on_claim_statements();
        CREATE TRIGGER tr_claim_statements_search_delete AFTER DELETE ON public.claim_statements
            REFERENCING OLD TABLE AS old_links FOR EACH STATEMENT EXECUTE FUNCTION public.statement_search_on_claim_statements();

        -- A claim deleted takes its links with it (ON DELETE CASCADE), which the trigger above sees.
        CREATE FUNCTION public.statement_search_on_claim_verdicts() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM public.statement_search_verdicts_refresh(ARRAY(
                SELECT cs.statement_id FROM public.claim_statements cs
                WHERE cs.claim_id IN (SELECT n.id FROM new_claims n JOIN old_claims o ON o.id = n.id WHERE n.verdict IS DISTINCT FROM o.verdict)));
            RETURN NULL;
        END
        $$;
        CREATE TRIGGER tr_claims_search_verdicts AFTER UPDATE ON public.claims
            REFERENCING OLD TABLE AS old_claims NEW TABLE AS new_claims FOR EACH STATEMENT EXECUTE FUNCTION public.statement_search_on_claim_verdicts();

        DROP FUNCTION public.statement_search_fill(bigint[]);
        """ + "\n" + RefreshFunction(withVerdicts: true) + "\n\n" + FillFunction(withVerdicts: true) + "\n\n"
        + Rebuild(SearchTablesAndBacklog, order: "ORDER BY s.id", withVerdicts: true);

    /// <summary>Undoes <see cref="Verdicts"/>: the triggers, the column and the view go; refresh, fill and rebuild as before.</summary>
    public static readonly string NoVerdicts = """
        DROP TRIGGER IF EXISTS tr_claims_search_verdicts ON public.claims;
        DROP TRIGGER IF EXISTS tr_claim_statements_search_insert ON public.claim_statements;
        DROP TRIGGER IF EXISTS tr_claim_statements_search_update ON public.claim_statements;
        DROP TRIGGER IF EXISTS tr_claim_statements_search_delete ON public.claim_statements;
        DROP FUNCTION IF EXISTS public.statement_search_on_claim_verdicts();
        DROP FUNCTION IF EXISTS public.statement_search_on_claim_statements();
        DROP FUNCTION IF EXISTS public.statement_search_verdicts_refresh(bigint[]);
        DROP FUNCTION public.statement_search_fill(bigint[]);
        """ + "\n" + RefreshFunction(withVerdicts: false) + "\n\n" + FillFunction(withVerdicts: false) + "\n\n"
        + Rebuild(SearchTablesAndBacklog, order: "ORDER BY s.id") + """


        ALTER TABLE public.statement_search DROP COLUMN IF EXISTS verdicts;
        DROP VIEW IF EXISTS public.statement_verdicts;
        """;

    /// <summary>
    /// Applied by the StatementSearchOnly migration, which drops the statements table's own search vector and trigram
    /// index (the same words were indexed twice, and every import paid for both): restricts a query to lexemes of weight
    /// A, the statement's own words in <c>statement_search.document</c>, so a filter on what the statement says can use
    /// the document's GIN index without matching speaker names (B) or the article title (C). Phrases keep their
    /// meaning: weight A comes first in the document, at the positions the words have in the statement.
    /// </summary>
    public const string StatementWordsQuery = """
        CREATE FUNCTION public.statement_words_query(query tsquery) RETURNS tsquery
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
            SELECT regexp_replace(query::text, '(''(?:[^'']|'''')*'')', '\1:A', 'g')::tsquery
        $$;
        """;

    public const string DropStatementWordsQuery = "DROP FUNCTION IF EXISTS public.statement_words_query(tsquery);";

    public const string Drop = """
        DROP TRIGGER IF EXISTS tr_person_aliases_search ON public.person_aliases;
        DROP TRIGGER IF EXISTS tr_person_aliases_search_insert ON public.person_aliases;
        DROP TRIGGER IF EXISTS tr_person_aliases_search_update ON public.person_aliases;
        DROP TRIGGER IF EXISTS tr_person_aliases_search_delete ON public.person_aliases;
        DROP TRIGGER IF EXISTS tr_people_search ON public.people;
        DROP TRIGGER IF EXISTS tr_articles_search ON public.articles;
        DROP TRIGGER IF EXISTS tr_statements_search_update ON public.statements;
        DROP TRIGGER IF EXISTS tr_statements_search_insert ON public.statements;
        DROP FUNCTION IF EXISTS public.statement_search_rebuild();
        DROP FUNCTION IF EXISTS public.statement_search_on_person_aliases();
        DROP FUNCTION IF EXISTS public.statement_search_on_people();
        DROP FUNCTION IF EXISTS public.statement_search_on_articles();
        DROP FUNCTION IF EXISTS public.statement_search_on_statements();
        DROP FUNCTION IF EXISTS public.search_lexicon_add(bigint[]);
        DROP FUNCTION IF EXISTS public.statement_search_refresh(bigint[]);
        DROP INDEX IF EXISTS public.ix_annotations_body_search;
        DROP INDEX IF EXISTS public.ix_claims_text_search;
        DROP TABLE IF EXISTS public.search_lexicon;
        DROP TABLE IF EXISTS public.statement_search;
        DROP FUNCTION IF EXISTS public.search_config_for(text);
        DO $do$
        DECLARE l text;
        BEGIN
            FOREACH l IN ARRAY ARRAY['simple', 'english', 'german', 'french', 'spanish', 'italian', 'dutch', 'portuguese', 'russian', 'swedish'] LOOP
                EXECUTE format('DROP TEXT SEARCH CONFIGURATION IF EXISTS public.%I', 'nc_' || l);
            END LOOP;
        END
        $do$;
        """;
}
