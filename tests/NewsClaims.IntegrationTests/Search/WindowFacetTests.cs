using System.Globalization;
using System.Text.Json;
using NewsClaims.Core.Statements;
using NewsClaims.Data.Search;
using NewsClaims.IntegrationTests.Exports;
using Npgsql;

namespace NewsClaims.IntegrationTests.Search;

/// <summary>
/// The facets the site counts from the window's rows: on a generated base where a query matches more than the window,
/// every count equals one PostgreSQL computes over the same newest matches; and the counting rules on their own.
/// </summary>
[Collection(ExportCollection.Name)]
public sealed class WindowFacetTests(ExportSiteFixture site)
{
    private const string Query = "budget or harbour or pension or tunnel or ferries or audit";

    [Fact]
    public async Task Should_count_the_same_facets_as_postgresql_over_the_newest_matches()
    {
        var response = await site.Anonymous().GetAsync($"/api/v1/search?q={Uri.EscapeDataString(Query)}");
        response.EnsureSuccessStatusCode();
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        // The query matches more statements than the window holds, so the window is a true subset.
        Assert.Equal(QuoteSearch.Window, result.GetProperty("total").GetInt64());
        Assert.True(result.GetProperty("totalIsLowerBound").GetBoolean());
        Assert.True(await CountAsync($"SELECT count(*) FROM statement_search s WHERE {Matches}") > QuoteSearch.Window);

        Assert.Equal(await FacetAsync("p.slug", "m.speaker_id, p.slug", "JOIN people p ON p.id = m.speaker_id", "count(*) DESC, m.speaker_id", WindowFacets.TopPeople), Facet(result, "person"));
        Assert.Equal(await FacetAsync("m.outlet_id::text", "m.outlet_id", "", "count(*) DESC, m.outlet_id", WindowFacets.TopOutlets, "m.outlet_id IS NOT NULL"), Facet(result, "outlet"));
        Assert.Equal(await FacetAsync("m.year::text", "m.year", "", "m.year DESC", WindowFacets.TopYears, "m.year IS NOT NULL"), Facet(result, "year"));
        Assert.Equal(await FacetAsync("m.kind", "m.kind", "", "count(*) DESC, m.kind", 10), Facet(result, "kind"));
        Assert.Equal(await FacetAsync("m.status", "m.status", "", "count(*) DESC, m.status", 10), Facet(result, "status"));

        // Verdicts straight from the claims (not the search rows' copy): a statement counts once per distinct verdict.
        var verdicts = await FacetAsync(
            "c.verdict", "c.verdict", "JOIN claim_statements cs ON cs.statement_id = m.statement_id JOIN claims c ON c.id = cs.claim_id",
            "count(DISTINCT m.statement_id) DESC, c.verdict COLLATE \"C\"", 10, "c.verdict IS NOT NULL", "count(DISTINCT m.statement_id)");
        Assert.NotEmpty(verdicts);
        Assert.Equal(verdicts, Facet(result, "verdict"));

        // Labels: names for people and outlets, spaces for the underscores of stored values.
        var person = result.GetProperty("facets").GetProperty("person")[0];
        Assert.Equal(await NameAsync("SELECT name FROM people WHERE slug = @v", person.GetProperty("value").GetString()!), person.GetProperty("label").GetString());
        var outlet = result.GetProperty("facets").GetProperty("outlet")[0];
        Assert.Equal(await NameAsync("SELECT name FROM outlets WHERE id::text = @v", outlet.GetProperty("value").GetString()!), outlet.GetProperty("label").GetString());
    }

    [Fact]
    public async Task Should_page_by_relevance_through_the_window_without_gaps_or_repeats()
    {
        var client = site.Anonymous();
        var whole = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/search?q={Uri.EscapeDataString(Query)}&size=50")).RootElement;
        var walked = new List<long>();
        string? cursor = null;
        for (var page = 0; page < 5; page++)
        {
            var result = JsonDocument.Parse(await client.GetStringAsync(
                $"/api/v1/search?q={Uri.EscapeDataString(Query)}&size=10" + (cursor is null ? "" : $"&after={cursor}"))).RootElement;
            walked.AddRange(SearchFixture.StatementIds(result));
            cursor = result.GetProperty("nextCursor").GetString();
        }

        Assert.Equal(SearchFixture.StatementIds(whole), walked);
        var scores = whole.GetProperty("statements").GetProperty("items").EnumerateArray().Select(s => s.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
    }

    [Fact]
    public void Should_break_ties_by_id_and_value_and_keep_the_newest_years()
    {
        var rows = new List<WindowRow>();
        var id = 0L;
        void Add(long? speaker, long? outlet, int? year, string kind, string status, int times, string[]? verdicts = null)
        {
            for (var i = 0; i < times; i++)
            {
                rows.Add(new WindowRow(++id, speaker, outlet, year, kind, status, verdicts, 1f));
            }
        }

        // Twelve speakers: 9 and 3 tie on three statements, the rest have one or two; speaker 40 has one.
        Add(9, 1, 2001, "direct", "published", 3, ["false", "mostly_false"]);
        Add(3, 2, 2002, "indirect", "published", 3, ["mostly_false"]);
        foreach (var speaker in Enumerable.Range(20, 10))
        {
            Add(speaker, 3, 2000 + speaker, "mixed", "extracted", 2);
        }

        Add(40, null, null, "direct", "confirmed", 1);
        Add(null, 1, 1990, "direct", "published", 1);

        var facets = new WindowFacets(rows);
        Assert.Equal([3L, 9, 20, 21, 22, 23, 24, 25, 26, 27], facets.PersonIds);
        Assert.Equal([3L, 1, 2], facets.OutletIds);

        var names = facets.PersonIds.Where(p => p != 21).ToDictionary(p => p, p => ($"s{p}", $"Person {p}"));
        var result = facets.With(names, new Dictionary<long, string> { [1] = "One", [2] = "Two", [3] = "Three" });

        // A person no longer there (merged or deleted meanwhile) is left out rather than shown without a name.
        Assert.Equal(["s3", "s9", "s20", "s22", "s23", "s24", "s25", "s26", "s27"], result["person"].Select(v => v.Value));
        Assert.Equal([("3", "Three", 20L), ("1", "One", 4), ("2", "Two", 3)], result["outlet"].Select(v => (v.Value, v.Label, v.Count)));
        Assert.Equal(TopYears(), result["year"].Select(v => v.Value));
        Assert.Equal([("mixed", 20L), ("direct", 5), ("indirect", 3)], result["kind"].Select(v => (v.Value, v.Count)));
        Assert.Equal([("extracted", 20L), ("published", 7), ("confirmed", 1)], result["status"].Select(v => (v.Value, v.Count)));
        // A statement counts once for each of its claims' verdicts.
        Assert.Equal([("mostly_false", "mostly false", 6L), ("false", "false", 3)], result["verdict"].Select(v => (v.Value, v.Label, v.Count)));
        Assert.Equal(rows.Count, result["kind"].Sum(v => v.Count));

        static IEnumerable<string> TopYears() =>
            new[] { 2029, 2028, 2027, 2026, 2025, 2024, 2023, 2022, 2021, 2020, 2002, 2001, 1990 }.Select(y => y.ToString(CultureInfo.InvariantCulture));
    }

    private static string Matches =>
        $"s.document @@ websearch_to_tsquery('public.nc_english'::regconfig, @q) AND {ReaderVisibility.Sql("s")}";

    private static List<(string Value, long Count)> Facet(JsonElement result, string name) =>
        [.. result.GetProperty("facets").GetProperty(name).EnumerateArray().Select(v => (v.GetProperty("value").GetString()!, v.GetProperty("count").GetInt64()))];

    /// <summary>PostgreSQL's own count over the newest matches, ordered as the facet is.</summary>
    private async Task<List<(string Value, long Count)>> FacetAsync(string value, string key, string join, string order, int limit, string where = "true", string count = "count(*)")
    {
        await using var connection = await site.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(
            $"""
            WITH m AS (SELECT s.* FROM statement_search s WHERE {Matches} ORDER BY s.statement_id DESC LIMIT {QuoteSearch.Window})
            SELECT {value}, {count} FROM m {join} WHERE {where} GROUP BY {key} ORDER BY {order} LIMIT {limit}
            """, connection);
        command.Parameters.AddWithValue("q", Query);
        var facet = new List<(string, long)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            facet.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return facet;
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await site.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("q", Query);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<string> NameAsync(string sql, string value)
    {
        await using var connection = await site.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("v", value);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
