using Npgsql;

namespace NewsClaims.Data.Search;

/// <summary>
/// The text search configurations in use, from the languages of the articles held: a query is parsed in each, since
/// every statement is stemmed in its own article's language. Looked up at most every few minutes.
/// </summary>
public sealed class SearchLanguages(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The distinct languages of the articles, read by hopping from one language to the next through their index
    /// (a handful of index probes, not a scan of every article: 70–100 ms on 200,000 articles).
    /// </summary>
    private const string LanguagesHeld = """
        WITH RECURSIVE held AS (
            (SELECT language FROM articles ORDER BY language LIMIT 1)
            UNION ALL
            SELECT (SELECT a.language FROM articles a WHERE a.language > held.language ORDER BY a.language LIMIT 1)
            FROM held WHERE held.language IS NOT NULL)
        SELECT language FROM held WHERE language IS NOT NULL
        """;
    private readonly Lock _gate = new();
    private IReadOnlyList<string> _configurations = [];
    private DateTimeOffset _expires = DateTimeOffset.MinValue;

    public async Task<IReadOnlyList<string>> ConfigurationsAsync(NpgsqlConnection connection, string? language, CancellationToken ct)
    {
        if (language is not null)
        {
            return [SearchSchema.Configurations.GetValueOrDefault(language, SearchSchema.SimpleConfiguration)];
        }

        lock (_gate)
        {
            if (clock.GetUtcNow() < _expires)
            {
                return _configurations;
            }
        }

        var found = new SortedSet<string>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand(LanguagesHeld, connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var code = reader.GetString(0).Split('-')[0].ToLowerInvariant();
                found.Add(SearchSchema.Configurations.GetValueOrDefault(code, SearchSchema.SimpleConfiguration));
            }
        }

        // English first: its stop-word list decides whether a query is "only common words".
        IReadOnlyList<string> configurations = found.Count == 0
            ? ["nc_english"]
            : [.. found.OrderBy(c => c == "nc_english" ? 0 : 1).ThenBy(c => c, StringComparer.Ordinal)];
        lock (_gate)
        {
            _configurations = configurations;
            _expires = clock.GetUtcNow() + (found.Count == 0 ? TimeSpan.FromSeconds(5) : Lifetime);
        }

        return configurations;
    }
}
