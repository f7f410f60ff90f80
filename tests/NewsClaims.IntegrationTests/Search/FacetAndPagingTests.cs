using System.Text.Json;

namespace NewsClaims.IntegrationTests.Search;

/// <summary>Facet counts, every filter, the date range, the three sort orders and keyset pagination.</summary>
[Collection(SearchCollection.Name)]
public sealed class FacetAndPagingTests(SearchFixture site)
{
    [Fact]
    public async Task Should_count_facets_that_add_up_to_the_total()
    {
        var result = await site.ApiAsync("/api/v1/search?q=harbour%20or%20ostrovia%20or%20deja");
        var total = result.GetProperty("total").GetInt64();
        Assert.True(total >= 4, $"expected the test statements, found {total}");
        Assert.Equal(total, Facet(result, "kind").Sum(v => v.Count));
        Assert.Equal(total, Facet(result, "status").Sum(v => v.Count));

        // Statements of undated articles have no year.
        Assert.InRange(Facet(result, "year").Sum(v => v.Count), 4, total);

        Assert.Contains(Facet(result, "outlet"), v => v.Value == site.OutletId.ToString(System.Globalization.CultureInfo.InvariantCulture) && v.Count >= 2);
        Assert.Contains(Facet(result, "person"), v => v.Value == site.VeldenSlug && v.Count == 3);
    }

    [Theory]
    [InlineData("kind", "mixed")]
    [InlineData("kind", "direct")]
    [InlineData("year", "2025")]
    [InlineData("status", "extracted")]
    public async Task Should_narrow_to_the_facet_value_and_match_its_count(string facet, string value)
    {
        const string Query = "/api/v1/search?q=harbour%20or%20ostrovia%20or%20deja";
        var expected = Facet(await site.ApiAsync(Query), facet).Single(v => v.Value == value).Count;
        var narrowed = await site.ApiAsync($"{Query}&{facet}={value}");
        Assert.Equal(expected, narrowed.GetProperty("total").GetInt64());
        Assert.All(Facet(narrowed, facet), v => Assert.Equal(value, v.Value));
    }

    [Fact]
    public async Task Should_narrow_to_an_outlet()
    {
        var result = await site.ApiAsync($"/api/v1/search?q=ostrovia%20or%20deja&outlet={site.OutletId}");
        Assert.Equal([site.DejaVu, site.Ostrovia], SearchFixture.StatementIds(result).Order());
    }

    [Fact]
    public async Task Should_narrow_to_a_date_range_of_publication()
    {
        var result = await site.ApiAsync($"/api/v1/search?person={site.VeldenSlug}&from=2025-01-11&to=2025-01-31");
        Assert.Equal([site.HarbourPlanRetold], SearchFixture.StatementIds(result));
    }

    [Fact]
    public async Task Should_narrow_by_claim_verdict_and_count_verdicts()
    {
        await using (var context = site.CreateContext())
        {
            var statement = await context.Statements.FindAsync(site.DejaVu);
            var editor = Infrastructure.Sample.Account();
            context.Users.Add(editor);
            var claim = new Core.Claims.Claim("The café plan repeats an old failure", null);
            claim.Include(statement!, null);
            claim.Rate(Core.Claims.VerdictRating.MostlyFalse, "Checked against the council minutes.", [], editor.Id, DateTimeOffset.UtcNow);
            context.Claims.Add(claim);

            // The same statement in a second claim with the same verdict is still one statement with that verdict.
            var again = new Core.Claims.Claim("An old square plan returns", null);
            again.Include(statement!, null);
            again.Rate(Core.Claims.VerdictRating.MostlyFalse, "The same minutes.", [], editor.Id, DateTimeOffset.UtcNow);
            context.Claims.Add(again);
            await context.SaveChangesAsync();
        }

        var result = await site.ApiAsync("/api/v1/search?q=deja%20or%20ostrovia&verdict=mostly_false");
        Assert.Equal([site.DejaVu], SearchFixture.StatementIds(result));
        Assert.Contains(Facet(result, "verdict"), v => v.Value == "mostly_false" && v.Count == 1);
        var claims = await site.ApiAsync("/api/v1/search?q=cafe%20failure&tab=claims");
        Assert.Equal(1, claims.GetProperty("claims").GetProperty("total").GetInt64());
        Assert.Equal("mostly false", claims.GetProperty("claims").GetProperty("items")[0].GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task Should_sort_newest_and_oldest_by_publication_date()
    {
        var newest = await site.ApiAsync($"/api/v1/search?person={site.VeldenSlug}&sort=newest");
        var oldest = await site.ApiAsync($"/api/v1/search?person={site.VeldenSlug}&sort=oldest");
        Assert.Equal(SearchFixture.StatementIds(newest).Reverse(), SearchFixture.StatementIds(oldest));
        var dates = newest.GetProperty("statements").GetProperty("items").EnumerateArray().Select(s => s.GetProperty("article").GetProperty("published").GetString()).ToList();
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
    }

    [Theory]
    [InlineData("relevance")]
    [InlineData("newest")]
    [InlineData("oldest")]
    public async Task Should_walk_every_page_with_the_keyset_cursor_without_gaps_or_repeats(string sort)
    {
        const string Query = "harbour%20or%20ostrovia%20or%20deja%20or%20offensive%20or%20said";
        var everything = SearchFixture.StatementIds(await site.ApiAsync($"/api/v1/search?q={Query}&sort={sort}&size=50"));
        Assert.True(everything.Count > 3);
        var walked = new List<long>();
        string? cursor = null;
        do
        {
            var page = await site.ApiAsync($"/api/v1/search?q={Query}&sort={sort}&size=2" + (cursor is null ? "" : $"&after={cursor}"));
            var ids = SearchFixture.StatementIds(page);
            Assert.True(ids.Count is 1 or 2, $"after {cursor}: {page}");
            walked.AddRange(ids);
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(everything, walked);
    }

    private static List<(string Value, long Count)> Facet(JsonElement result, string name) =>
        [.. result.GetProperty("facets").GetProperty(name).EnumerateArray().Select(v => (v.GetProperty("value").GetString()!, v.GetProperty("count").GetInt64()))];
}
