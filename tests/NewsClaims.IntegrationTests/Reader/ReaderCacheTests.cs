using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsClaims.Web.Features.Shared;

namespace NewsClaims.IntegrationTests.Reader;

/// <summary>Anonymous pages come from the output cache until an editor's change evicts them.</summary>
public sealed class ReaderCacheTests(ReaderSiteFixture site) : IClassFixture<ReaderSiteFixture>
{
    [Fact]
    public async Task Should_serve_the_cached_page_until_the_invalidator_evicts_it()
    {
        var client = site.Factory.CreateClient();
        var url = $"/claims/{site.RelatedClaimId}";
        Assert.Contains("The rail line has no budget.", await client.GetStringAsync(url));

        await using (var db = site.CreateContext())
        {
            var claim = await db.Claims.SingleAsync(c => c.Id == site.RelatedClaimId);
            claim.Reword("The rail line has no budget at all.");
            await db.SaveChangesAsync();
        }

        Assert.DoesNotContain("no budget at all", await client.GetStringAsync(url));

        var withCredentials = new HttpRequestMessage(HttpMethod.Get, url);
        withCredentials.Headers.Authorization = new("Bearer", "any");
        var fresh = await (await client.SendAsync(withCredentials)).Content.ReadAsStringAsync();
        Assert.Contains("no budget at all", fresh);

        await site.Factory.Services.GetRequiredService<IReaderCacheInvalidator>().InvalidateAsync();

        Assert.Contains("no budget at all", await client.GetStringAsync(url));
    }

    [Fact]
    public async Task Should_evict_by_itself_when_the_site_saves_a_change_readers_see()
    {
        var client = site.Factory.CreateClient();
        var url = $"/claims/{site.ClaimId}";
        Assert.Contains("Verdict: Mostly false", await client.GetStringAsync(url));

        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsClaims.Data.NewsClaimsDbContext>();
            var claim = await db.Claims.SingleAsync(c => c.Id == site.ClaimId);
            claim.WithdrawVerdict();
            await db.SaveChangesAsync();
        }

        Assert.Contains("Not yet rated", await client.GetStringAsync(url));
    }

    [Fact]
    public async Task Should_cache_each_query_string_separately()
    {
        var client = site.Factory.CreateClient();

        var direct = await client.GetStringAsync($"/speakers/{site.TimelineSlug}?kind=direct");
        var all = await client.GetStringAsync($"/speakers/{site.TimelineSlug}");

        Assert.Contains("40 of 121 statements match", Html.Text(direct));
        Assert.DoesNotContain("40 of 121", Html.Text(all));
    }
}
