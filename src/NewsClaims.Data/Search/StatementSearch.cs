using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Statements;

namespace NewsClaims.Data.Search;

/// <summary>
/// Statement filters over the search table (<c>statement_search</c>, see <see cref="SearchSchema"/>): its indexed
/// document holds the statement's own words with weight A, stemmed and unaccented, and its folded text has a
/// trigram index; the statements table itself carries no search columns or indexes.
/// </summary>
public static class StatementSearch
{
    /// <summary>'english' stems, so "warn" finds "warned"; the statements' words are weight A of the search document.</summary>
    public const string TextSearchConfiguration = "english";

    /// <summary>
    /// Statements whose own words match a web-style query (<c>"exact phrase" -word or</c>), accents ignored on both
    /// sides: the statement's words only (weight A), not its speaker's names or the article title, which the search
    /// document also holds. Uses the document's GIN index; with <paramref name="speakerId"/> (a speaker's page) also
    /// the search table's speaker index, so a much-quoted speaker's common word is not joined row by row.
    /// </summary>
    public static IQueryable<Statement> MatchingWords(this IQueryable<Statement> statements, NewsClaimsDbContext db, string query, long? speakerId = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = speakerId is { } speaker
            ? db.Database.SqlQuery<long>($"""
                SELECT statement_id AS "Value" FROM public.statement_search
                WHERE document @@ public.statement_words_query(websearch_to_tsquery('english', public.unaccent({query}))) AND speaker_id = {speaker}
                """)
            : db.Database.SqlQuery<long>($"""
                SELECT statement_id AS "Value" FROM public.statement_search
                WHERE document @@ public.statement_words_query(websearch_to_tsquery('english', public.unaccent({query})))
                """);
        return statements.Where(s => ids.Contains(s.Id));
    }

    /// <summary>
    /// Statements whose text is trigram-similar to <paramref name="text"/> (pg_trgm's <c>%</c>): typos, near-duplicates.
    /// Compared accent-folded, on the search table's trigram index.
    /// </summary>
    public static IQueryable<Statement> SimilarTo(this IQueryable<Statement> statements, NewsClaimsDbContext db, string text)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = db.Database.SqlQuery<long>($"""
            SELECT statement_id AS "Value" FROM public.statement_search WHERE folded_text % public.f_unaccent({text})
            """);
        return statements.Where(s => ids.Contains(s.Id));
    }
}
