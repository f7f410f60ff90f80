using Microsoft.Extensions.DependencyInjection;
using NewsClaims.Data.Demo;
using NewsClaims.IntegrationTests.Infrastructure;

namespace NewsClaims.IntegrationTests.Web;

/// <summary>The real site on a fresh database holding the demo articles, loaded through the import pipeline.</summary>
public class DemoSiteFixture : DatabaseFixture
{
    public NewsClaimsWebFactory Factory { get; private set; } = null!;

    public int DemoArticlesImported { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Factory = new NewsClaimsWebFactory(ConnectionString);
        await using var scope = Factory.Services.CreateAsyncScope();
        DemoArticlesImported = await scope.ServiceProvider.GetRequiredService<DemoData>().LoadAsync(CancellationToken.None);
    }

    public override async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await base.DisposeAsync();
    }
}
