using NewsClaims.IntegrationTests.Import;
using NewsClaims.Web.Hosting;

namespace NewsClaims.IntegrationTests.Web;

/// <summary>Every response carries the security headers; the browser tests prove the pages satisfy the policy.</summary>
public sealed class SecurityHeaderTests(ImportSiteFixture site) : IClassFixture<ImportSiteFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    [InlineData("/api/v1/search?q=harbour")]
    [InlineData("/no-such-page")]
    public async Task Should_send_the_content_security_policy_and_the_other_security_headers(string path)
    {
        var response = await site.Factory.CreateClient().GetAsync(path);

        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("script-src 'self'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }
}
