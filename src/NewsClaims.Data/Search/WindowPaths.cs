using System.Text.RegularExpressions;

namespace NewsClaims.Data.Search;

/// <summary>How a search finds its window of most recent matches (see <see cref="WindowPaths"/>).</summary>
internal enum WindowPath
{
    /// <summary>PostgreSQL chooses; for a common word that is newest first through the id index.</summary>
    PlannerChooses,

    /// <summary>Every match through the word index, then the newest kept.</summary>
    EveryMatch,
}

/// <summary>
/// Newest first through the id index, testing each statement's words, is quick when matches are dense (a common word:
/// a few thousand statements read for 500 matches); every match through the word index, then the newest kept, is
/// quick when they are sparse. PostgreSQL prices the first way too cheaply for words of middling frequency, where it
/// reads a hundred thousand statements for 500 matches, so the site decides when it can be sure: every match when even
/// the query's rarest required word (the sum of its words for an <c>or</c> query) occurs in fewer than
/// √(window × statements) statements, where the two ways read about the same number of rows. The per-word counts are
/// PostgreSQL's own estimates (its statistics keep the frequent words' frequencies); words are never assumed
/// independent, which would send two common words that go together ("dredging budget") down the sparse path.
/// Otherwise PostgreSQL chooses. Both ways give the same window, so a wrong choice costs time, never results.
/// </summary>
internal static partial class WindowPaths
{
    /// <summary>At most this many words are priced; fewer required words only make the bound looser.</summary>
    public const int PricedWords = 6;

    /// <summary>The statement columns the window keeps: what facets, ranking and paging read.</summary>
    private const string Columns = "s.statement_id, s.document, s.status, s.published_on, s.speaker_id, s.outlet_id, s.year, s.kind, s.verdicts";

    /// <summary>The words whose frequency bounds the matches, and whether they are alternatives; null when there is nothing to price.</summary>
    public static (IReadOnlyList<string> Words, bool Alternatives)? WordsToPrice(string query)
    {
        var excluded = QueryText.Excluded(query);
        var tokens = LetterRuns().Matches(query).Select(m => m.Value).ToList();
        var alternatives = tokens.Any(IsOr);
        var words = tokens.Where(t => !IsOr(t) && !excluded.Contains(t)).Distinct(StringComparer.Ordinal).ToList();
        if (words.Count == 0 || (alternatives && words.Count > PricedWords))
        {
            return null;
        }

        return ([.. words.Take(PricedWords)], alternatives);
    }

    /// <summary>
    /// The choice from each priced word's estimated matches and lexeme count (a stop word has none: it matches
    /// nothing on its own and bounds nothing) and the number of statements.
    /// </summary>
    public static WindowPath Choose(IReadOnlyList<double> estimates, IReadOnlyList<int> lexemes, bool alternatives, double statements, int window)
    {
        var priced = estimates.Where((_, i) => lexemes[i] > 0).ToList();
        if (priced.Count == 0 || (alternatives && priced.Count < estimates.Count))
        {
            return WindowPath.PlannerChooses;
        }

        var bound = alternatives ? priced.Sum() : priced.Min();
        return bound <= Math.Sqrt(window * Math.Max(statements, window)) ? WindowPath.EveryMatch : WindowPath.PlannerChooses;
    }

    /// <summary>
    /// The <c>m</c> common table expression: the window of the <paramref name="window"/> newest matching statements.
    /// Read once, it is planned inline, so its rows are scored as they arrive instead of copied into a tuplestore first.
    /// </summary>
    public static string Source(WindowPath path, string where, int window) => path == WindowPath.EveryMatch
        ? $"""
          every_match AS MATERIALIZED (SELECT {Columns} FROM statement_search s WHERE {where}),
          m AS (SELECT * FROM every_match s ORDER BY s.statement_id DESC LIMIT {window})
          """
        : $"m AS (SELECT {Columns} FROM statement_search s WHERE {where} ORDER BY s.statement_id DESC LIMIT {window})";

    private static bool IsOr(string token) => token.Equals("or", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\p{L}[\p{L}\p{M}]*")]
    private static partial Regex LetterRuns();
}
