using System.Collections.Concurrent;
using System.Text.Json;
using Npgsql;

namespace NewsClaims.Data.Search;

/// <summary>
/// PostgreSQL's estimates behind <see cref="WindowPaths"/>: how many statements there are and, for each word in each
/// set of configurations, how many lexemes it parses to and how many statements the planner expects to match it.
/// Estimates come from the table's statistics, which change only when it is analysed, so they are kept a few
/// minutes: a popular word is priced once, not on every search (one round trip of EXPLAINs less). Unknown words are
/// asked for together in one round trip.
/// </summary>
public sealed class WordEstimates(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>Beyond this many remembered words everything is forgotten at once: a bound, not an eviction policy.</summary>
    private const int MaxWords = 50_000;

    private readonly ConcurrentDictionary<(string Configs, string Word), (int Lexemes, double Matches, DateTimeOffset Expires)> _words = new();
    private (double Count, DateTimeOffset Expires) _statements = (0, DateTimeOffset.MinValue);

    /// <summary>The number of statements, and each word's lexeme count and estimated matches, in the order given.</summary>
    internal async Task<(double Statements, int[] Lexemes, double[] Matches)> ForAsync(
        NpgsqlConnection connection, IReadOnlyList<string> words, IReadOnlyList<string> configs, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var configsKey = string.Join(',', configs);
        var lexemes = new int[words.Count];
        var matches = new double[words.Count];
        var unknown = new List<int>();
        for (var i = 0; i < words.Count; i++)
        {
            if (_words.TryGetValue((configsKey, words[i]), out var known) && known.Expires > now)
            {
                (lexemes[i], matches[i]) = (known.Lexemes, known.Matches);
            }
            else
            {
                unknown.Add(i);
            }
        }

        var statements = _statements;
        if (unknown.Count == 0 && statements.Expires > now)
        {
            return (statements.Count, lexemes, matches);
        }

        var (count, askedLexemes, askedMatches) = await AskAsync(connection, [.. unknown.Select(i => words[i])], configs, ct);
        if (_words.Count + unknown.Count > MaxWords)
        {
            _words.Clear();
        }

        for (var k = 0; k < unknown.Count; k++)
        {
            var i = unknown[k];
            (lexemes[i], matches[i]) = (askedLexemes[k], askedMatches[k]);
            _words[(configsKey, words[i])] = (askedLexemes[k], askedMatches[k], now + Lifetime);
        }

        _statements = (count, now + Lifetime);
        return (count, lexemes, matches);
    }

    private static async Task<(double Statements, int[] Lexemes, double[] Matches)> AskAsync(
        NpgsqlConnection connection, IReadOnlyList<string> words, IReadOnlyList<string> configs, CancellationToken ct)
    {
        var tsqueries = words.Select((_, i) => QuoteSearch.TsQuery(configs).Replace("@q", $"@w{i}", StringComparison.Ordinal)).ToList();
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            $"SELECT (SELECT greatest(reltuples, 0)::float8 FROM pg_class WHERE oid = 'public.statement_search'::regclass), ARRAY[{string.Join(", ", tsqueries.Select(t => $"numnode({t})"))}]::int[]"));
        foreach (var tsquery in tsqueries)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"EXPLAIN (FORMAT JSON) SELECT 1 FROM statement_search s WHERE s.document @@ ({tsquery})"));
        }

        foreach (var command in batch.BatchCommands)
        {
            for (var i = 0; i < words.Count; i++)
            {
                command.Parameters.Add(new NpgsqlParameter<string>($"w{i}", words[i]));
            }
        }

        var matches = new List<double>();
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var statements = reader.IsDBNull(0) ? 0 : reader.GetDouble(0);
        var lexemes = reader.GetFieldValue<int[]>(1);
        while (await reader.NextResultAsync(ct))
        {
            await reader.ReadAsync(ct);
            using var plan = JsonDocument.Parse(reader.GetString(0));
            matches.Add(plan.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble());
        }

        return (statements, lexemes, [.. matches]);
    }
}
