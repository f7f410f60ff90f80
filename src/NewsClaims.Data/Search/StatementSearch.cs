using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Statements;
using NpgsqlTypes;

namespace NewsClaims.Data.Search;

/// <summary>Quote search over the statements table: full-text on the generated search vector, and trigram similarity.</summary>
public static class StatementSearch
{
    /// <summary>The shadow property holding the generated, stored tsvector (Core has no Npgsql types).</summary>
    public const string SearchVectorProperty = "SearchVector";

    /// <summary>'english' stems, so "warn" finds "warned"; queries must use the same configuration as the column.</summary>
    public const string TextSearchConfiguration = "english";

    /// <summary>Statements matching a web-style query (<c>"exact phrase" -word or</c>), accents ignored on both sides.</summary>
    public static IQueryable<Statement> MatchingWords(this IQueryable<Statement> statements, string query) =>
        statements.Where(s => EF.Property<NpgsqlTsVector>(s, SearchVectorProperty)
            .Matches(EF.Functions.WebSearchToTsQuery(TextSearchConfiguration, EF.Functions.Unaccent(query))));

    /// <summary>Statements whose text is trigram-similar to <paramref name="text"/> (pg_trgm's <c>%</c>): typos, near-duplicates.</summary>
    public static IQueryable<Statement> SimilarTo(this IQueryable<Statement> statements, string text) =>
        statements.Where(s => EF.Functions.TrigramsAreSimilar(s.Text, text));
}
