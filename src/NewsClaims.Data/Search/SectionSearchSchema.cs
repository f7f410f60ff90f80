namespace NewsClaims.Data.Search;

/// <summary>
/// Claims and annotations keep their search document in a stored generated column (English stemming, accents
/// folded) with a GIN index, created by the SectionSearchDocuments migration. A search then matches and ranks the
/// stored vectors instead of stemming every matching text again, which is what the search box's claims and
/// annotations sections used to spend most of their time on.
/// </summary>
public static class SectionSearchSchema
{
    public const string Create = """
        ALTER TABLE public.claims ADD COLUMN search_document tsvector
            GENERATED ALWAYS AS (to_tsvector('public.nc_english'::regconfig, text)) STORED;
        CREATE INDEX ix_claims_search_document ON public.claims USING gin (search_document);
        DROP INDEX IF EXISTS public.ix_claims_text_search;

        ALTER TABLE public.annotations ADD COLUMN search_document tsvector
            GENERATED ALWAYS AS (to_tsvector('public.nc_english'::regconfig, body)) STORED;
        CREATE INDEX ix_annotations_search_document ON public.annotations USING gin (search_document);
        DROP INDEX IF EXISTS public.ix_annotations_body_search;
        """;

    /// <summary>
    /// Applied by the SectionSearchStatistics migration: adding the columns rewrote both tables without statistics on
    /// the new vectors, and a rewrite does not count towards autovacuum's next analyse. Without them PostgreSQL guessed
    /// every word matches 0.5% of claims and collected all matches of a common word to sort them (3 ms for "budget" on
    /// 20,000 claims) instead of walking the newest claims until the section's window is full (0.6 ms).
    /// </summary>
    public const string Analyse = "ANALYZE public.claims; ANALYZE public.annotations;";

    public const string Drop = """
        CREATE INDEX IF NOT EXISTS ix_claims_text_search ON public.claims USING gin (to_tsvector('public.nc_english'::regconfig, text));
        ALTER TABLE public.claims DROP COLUMN IF EXISTS search_document;
        CREATE INDEX IF NOT EXISTS ix_annotations_body_search ON public.annotations USING gin (to_tsvector('public.nc_english'::regconfig, body));
        ALTER TABLE public.annotations DROP COLUMN IF EXISTS search_document;
        """;
}
