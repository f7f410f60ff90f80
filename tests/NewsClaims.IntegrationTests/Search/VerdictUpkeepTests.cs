using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Articles;
using NewsClaims.Core.Claims;
using NewsClaims.Core.Statements;
using NewsClaims.IntegrationTests.Infrastructure;
using Npgsql;

namespace NewsClaims.IntegrationTests.Search;

/// <summary>
/// The verdicts a search row carries follow every editor action on claims: a statement grouped into a rated claim,
/// a second claim, a re-rating, a withdrawn verdict, a deleted claim, a statement taken out of a claim, and a change to
/// the statement itself (which rebuilds its row). After each step the column holds the claims' distinct verdicts and
/// the API's verdict filter and facet agree with it.
/// </summary>
[Collection(SearchCollection.Name)]
public sealed class VerdictUpkeepTests(SearchFixture site)
{
    [Fact]
    public async Task Should_keep_each_statements_verdicts_current_through_every_claim_change()
    {
        var (a, b) = await TwoStatementsAsync();
        var editor = Sample.Account();
        long first, second;
        await using (var context = site.CreateContext())
        {
            context.Users.Add(editor);
            var one = new Claim("The Marrowgate quay will silt up again", null);
            one.Include(await context.Statements.SingleAsync(s => s.Id == a), null);
            one.Rate(VerdictRating.False, "Survey of 2024.", [], editor.Id, DateTimeOffset.UtcNow);
            context.Claims.Add(one);
            await context.SaveChangesAsync();
            first = one.Id;
        }

        await ExpectAsync(1, (a, ["false"]), (b, null));
        Assert.Equal([a], await FilteredAsync(1, "false"));

        await using (var context = site.CreateContext())
        {
            var two = new Claim("Dredging the Marrowgate quay is money well spent", null);
            two.Include(await context.Statements.SingleAsync(s => s.Id == a), null);
            two.Include(await context.Statements.SingleAsync(s => s.Id == b), null);
            two.Rate(VerdictRating.MostlyTrue, "Port accounts.", [], editor.Id, DateTimeOffset.UtcNow);
            context.Claims.Add(two);
            await context.SaveChangesAsync();
            second = two.Id;
        }

        var facet = await ExpectAsync(2, (a, ["false", "mostly_true"]), (b, ["mostly_true"]));
        Assert.Equal([("mostly_true", 2L), ("false", 1L)], facet);

        // Re-rated to the other claim's verdict: the statement in both counts once.
        await RateAsync(first, VerdictRating.MostlyTrue, editor.Id);
        facet = await ExpectAsync(3, (a, ["mostly_true"]), (b, ["mostly_true"]));
        Assert.Equal([("mostly_true", 2L)], facet);
        Assert.Empty(await FilteredAsync(3, "false"));

        // A change to the statement rebuilds its whole search row, verdicts included.
        await SqlAsync("UPDATE statements SET confidence = 0.85 WHERE id = @id", a);
        await ExpectAsync(4, (a, ["mostly_true"]), (b, ["mostly_true"]));

        await using (var context = site.CreateContext())
        {
            (await context.Claims.SingleAsync(c => c.Id == first)).WithdrawVerdict();
            await context.SaveChangesAsync();
        }

        await ExpectAsync(5, (a, ["mostly_true"]), (b, ["mostly_true"]));

        // Deleting a claim deletes its links (a cascade), and the statements lose its verdict.
        await SqlAsync("DELETE FROM claims WHERE id = @id", second);
        await ExpectAsync(6, (a, null), (b, null));
        Assert.Empty(await FilteredAsync(6, "mostly_true"));

        await RateAsync(first, VerdictRating.Misleading, editor.Id);
        await ExpectAsync(7, (a, ["misleading"]), (b, null));
        Assert.Equal([a], await FilteredAsync(7, "misleading"));

        await SqlAsync("DELETE FROM claim_statements WHERE claim_id = @id", first);
        await ExpectAsync(8, (a, null), (b, null));
        Assert.Empty(await FilteredAsync(8, "misleading"));
    }

    private const string Query = "marrowgate";

    private async Task<(long A, long B)> TwoStatementsAsync()
    {
        await using var context = site.CreateContext();
        var body = $"The harbour board said the Marrowgate quay would need dredging every spring. Its chair, Ines Holm, said \"the Marrowgate quay pays for itself\". {Guid.NewGuid():N}";
        var article = new Article("Marrowgate quay costs questioned", body, publishedOn: new DateOnly(2025, 6, 3));
        var a = article.AddStatement(Sample.Span(body, "the Marrowgate quay would need dredging every spring"), StatementKind.Indirect, 0.8);
        var b = article.AddStatement(Sample.Span(body, "the Marrowgate quay pays for itself"), StatementKind.Direct, 0.9);
        var holm = Sample.Person("Ines Holm");
        a.AttributeTo(holm, Sample.Span(body, "Ines Holm"), "test");
        b.AttributeTo(holm, Sample.Span(body, "Ines Holm"), "test");
        context.Add(article);
        await context.SaveChangesAsync();
        return (a.Id, b.Id);
    }

    private async Task RateAsync(long claimId, VerdictRating verdict, string editorId)
    {
        await using var context = site.CreateContext();
        (await context.Claims.SingleAsync(c => c.Id == claimId)).Rate(verdict, "Looked at again.", [], editorId, DateTimeOffset.UtcNow);
        await context.SaveChangesAsync();
    }

    /// <summary>Each statement's stored verdicts; then the API's verdict facet for the query, which must count the same.</summary>
    private async Task<List<(string Value, long Count)>> ExpectAsync(int step, params (long Id, string[]? Verdicts)[] expected)
    {
        await using (var connection = await site.OpenConnectionAsync())
        {
            foreach (var (id, verdicts) in expected)
            {
                await using var command = new NpgsqlCommand("SELECT verdicts FROM statement_search WHERE statement_id = @id", connection);
                command.Parameters.AddWithValue("id", id);
                var stored = await command.ExecuteScalarAsync();
                Assert.True(verdicts is null ? stored is DBNull : stored is string[] s && s.SequenceEqual(verdicts), $"step {step}: statement {id} has {Show(stored)}");
            }
        }

        // A new address per step, so no earlier answer comes from the reader cache.
        var result = await site.ApiAsync($"/api/v1/search?q={Query}&step={step}");
        var facet = result.GetProperty("facets").GetProperty("verdict").EnumerateArray()
            .Select(v => (v.GetProperty("value").GetString()!, v.GetProperty("count").GetInt64())).ToList();
        var counted = expected.SelectMany(e => e.Verdicts ?? []).GroupBy(v => v).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(counted.OrderBy(c => c.Key, StringComparer.Ordinal), facet.OrderBy(f => f.Item1, StringComparer.Ordinal).Select(f => new KeyValuePair<string, long>(f.Item1, f.Item2)));
        return facet;
    }

    private async Task<IReadOnlyList<long>> FilteredAsync(int step, string verdict) =>
        SearchFixture.StatementIds(await site.ApiAsync($"/api/v1/search?q={Query}&verdict={verdict}&step={step}"));

    private async Task SqlAsync(string sql, long id)
    {
        await using var connection = await site.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        await command.ExecuteNonQueryAsync();
    }

    private static string Show(object? stored) => stored is string[] s ? $"{{{string.Join(',', s)}}}" : "null";
}
