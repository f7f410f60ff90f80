using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsClaims.Data.Import;
using NewsClaims.IntegrationTests.Infrastructure;
using NewsClaims.Web.Hosting;

namespace NewsClaims.IntegrationTests.Hosting;

/// <summary>The limits the site runs with, read back from the running site's own services.</summary>
public sealed class HostingConfigurationTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Should_never_set_the_site_body_limit_below_what_one_article_import_needs()
    {
        await using var standard = HostingSite.Start(database.ConnectionString);
        await using var bigArticles = HostingSite.Start(database.ConnectionString, new Dictionary<string, string?> { ["Import:MaxBodyBytes"] = (3 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture) });

        var standardLimit = standard.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.MaxRequestBodySize;
        var bigLimit = bigArticles.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.MaxRequestBodySize;
        var bigImport = bigArticles.Services.GetRequiredService<IOptions<ImportOptions>>().Value;

        Assert.Equal(Math.Max(RequestLimits.DefaultMaxRequestBodyBytes, new ImportOptions().MaxInputBytes), standardLimit);
        Assert.Equal(bigImport.MaxInputBytes, bigLimit);
        Assert.True(bigLimit > 6 * 1024 * 1024);
    }

    [Fact]
    public async Task Should_give_exports_and_imports_their_longer_request_timeouts()
    {
        await using var site = HostingSite.Start(database.ConnectionString);
        var endpoints = site.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>().ToList();
        string? PolicyOf(string pattern) => endpoints.First(e => e.RoutePattern.RawText?.TrimStart('/') == pattern).Metadata.GetMetadata<RequestTimeoutAttribute>()?.PolicyName;
        var timeouts = site.Services.GetRequiredService<IOptions<RequestTimeoutOptions>>().Value;

        Assert.Equal(RequestLimits.ExportPolicy, PolicyOf("annotations/export.jsonld"));
        Assert.Equal(RequestLimits.ImportPolicy, PolicyOf("api/v1/articles"));
        Assert.Equal(RequestLimits.ImportPolicy, PolicyOf("import/upload"));
        Assert.Equal(RequestLimits.ImportPolicy, PolicyOf("articles/{id:long}/correct"));
        Assert.Null(PolicyOf("speakers"));
        Assert.Equal(TimeSpan.FromSeconds(30), timeouts.DefaultPolicy!.Timeout);
        Assert.True(timeouts.Policies[RequestLimits.ExportPolicy].Timeout > TimeSpan.FromMinutes(5));
        Assert.True(timeouts.Policies[RequestLimits.ImportPolicy].Timeout > TimeSpan.FromMinutes(2));
    }
}
