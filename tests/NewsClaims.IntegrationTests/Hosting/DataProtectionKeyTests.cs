using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsClaims.IntegrationTests.Import;
using NewsClaims.IntegrationTests.Web;

namespace NewsClaims.IntegrationTests.Hosting;

/// <summary>
/// The keys that protect sign-in live in the database: a second instance of the site (or the same one after a
/// restart) accepts the bearer token the first gave out, and a forged token is still refused.
/// </summary>
public sealed class DataProtectionKeyTests(ImportSiteFixture site) : IClassFixture<ImportSiteFixture>
{
    [Fact]
    public async Task Should_accept_on_a_second_instance_the_token_the_first_gave_out()
    {
        var first = await site.SignedInClientAsync(site.EditorEmail);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/v1/review")).StatusCode);

        await using var second = new NewsClaimsWebFactory(site.ConnectionString);
        var client = second.CreateClient();
        client.DefaultRequestHeaders.Authorization = first.DefaultRequestHeaders.Authorization;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/review")).StatusCode);

        client.DefaultRequestHeaders.Authorization = new("Bearer", first.DefaultRequestHeaders.Authorization!.Parameter![..^4] + "AAAA");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/review")).StatusCode);

        await using var db = site.CreateContext();
        Assert.True(await db.DataProtectionKeys.CountAsync() >= 1);
    }
}
