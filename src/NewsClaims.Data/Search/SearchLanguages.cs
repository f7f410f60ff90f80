using Npgsql;

namespace NewsClaims.Data.Search;

/// <summary>
/// The text search configurations in use, from the languages of the articles held: a query is parsed in each, since
/// every statement is stemmed in its own article's language. Looked up at most every few minutes.
/// </summary>
public sealed class SearchLanguages(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
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
        await using (var command = new NpgsqlCommand("SELECT DISTINCT language FROM articles", connection))
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
