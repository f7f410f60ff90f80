using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsClaims.Data.Demo;
using NewsClaims.IntegrationTests.Infrastructure;
using NewsClaims.IntegrationTests.Web;

namespace NewsClaims.BrowserTests;

/// <summary>The real site on Kestrel with the demo data, and a headless Debian Chromium to drive it.</summary>
public sealed class LiveSiteFixture : DatabaseFixture
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private IPlaywright? _playwright;

    public NewsClaimsWebFactory Factory { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ChromiumPath}: run 'apt-get install -y chromium' (tests/run-tests.sh does it when run as root).");
        }

        await base.InitializeAsync();
        Factory = new NewsClaimsWebFactory(ConnectionString);
        Factory.UseKestrel(0);
        Factory.StartServer();
        BaseAddress = Factory.ClientOptions.BaseAddress;
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().LoadAsync(CancellationToken.None);
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    public override async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    /// <summary>
    /// A page that records every console error, failed request and response of 400 or more, so a test can
    /// prove none happened (an unstyled or half-broken page must not pass).
    /// </summary>
    public async Task<(IPage Page, List<string> Problems)> OpenPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add($"console error: {message.Text}");
            }
        };
        page.RequestFailed += (_, request) => problems.Add($"request failed: {request.Url} ({request.Failure})");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Add($"HTTP {response.Status}: {response.Url}");
            }
        };
        return (page, problems);
    }
}
