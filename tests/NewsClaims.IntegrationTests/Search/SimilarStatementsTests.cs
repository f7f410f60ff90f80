using Microsoft.Extensions.DependencyInjection;
using NewsClaims.Data.Search;

namespace NewsClaims.IntegrationTests.Search;

/// <summary>The same quote as other articles report it, by trigram similarity, on the statement page.</summary>
[Collection(SearchCollection.Name)]
public sealed class SimilarStatementsTests(SearchFixture site)
{
    [Fact]
    public async Task Should_find_the_same_quote_repunctuated_in_another_article()
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var similar = await scope.ServiceProvider.GetRequiredService<QuoteSearch>().SimilarStatementsAsync(site.HarbourPlan, 5, CancellationToken.None);
        Assert.Equal([site.HarbourPlanRetold], similar.Select(s => s.Id));
        Assert.InRange(similar[0].Score, 0.5, 1.0);
    }

    [Fact]
    public async Task Should_find_nothing_similar_for_a_quote_reported_once()
    {
        await using var scope = site.Factory.Services.CreateAsyncScope();
        var similar = await scope.ServiceProvider.GetRequiredService<QuoteSearch>().SimilarStatementsAsync(site.DejaVu, 5, CancellationToken.None);
        Assert.Empty(similar);
    }

    [Fact]
    public async Task Should_list_the_similar_statement_on_the_statement_page()
    {
        var page = await site.Client.GetStringAsync($"/statements/{site.HarbourPlan}");
        Assert.Contains("Similar statements in other articles", page, StringComparison.Ordinal);
        Assert.Contains($"/statements/{site.HarbourPlanRetold}", page, StringComparison.Ordinal);
    }
}
