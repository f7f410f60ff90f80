using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsClaims.Core.Annotations;
using NewsClaims.Core.Claims;
using NewsClaims.Data.Demo;
using NewsClaims.Data.Identity;
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

    /// <summary>A rated claim made by a demo statement, so the claim page can be checked too.</summary>
    public long ClaimId { get; private set; }

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

        ClaimId = await AddRatedClaimAsync();

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

    /// <summary>Runs axe-core (from npm, injected into the page) and returns its serious and critical violations, one line each.</summary>
    public static async Task<IReadOnlyList<string>> SeriousAccessibilityViolationsAsync(IPage page)
    {
        await page.EvaluateAsync(AxeSource.Value);
        var violations = await page.EvaluateAsync<AxeViolation[]>(
            """
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')) }))
            """);
        return [.. violations!.Select(v => $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Targets)}")];
    }

    private static readonly Lazy<string> AxeSource = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new InvalidOperationException("axe-core is missing: install Node.js and npm, then build again (src/NewsClaims.Web runs npm ci).");
    });

    private sealed record AxeViolation(string Id, string Impact, string Help, string[] Targets);

    private async Task<long> AddRatedClaimAsync()
    {
        await using var db = CreateContext();
        var editor = new EditorAccount { UserName = "browser@newsclaims.test", Email = "browser@newsclaims.test", DisplayName = "Bea Browser" };
        db.Users.Add(editor);
        var statement = await db.Statements.Where(s => s.SpeakerId != null).OrderBy(s => s.Id).FirstAsync();
        var claim = new Claim("The harbour expansion will be finished on time.", editor.Id, ["harbour"]);
        claim.Include(statement, editor.Id);
        claim.Rate(VerdictRating.Unsupported, "No timetable has been published.", [], editor.Id, DateTimeOffset.UtcNow);
        db.Claims.Add(claim);
        var note = Annotation.OnStatement(statement, editor.Id, AnnotationMotivation.Commenting, "The council minutes give a different date.");
        note.Publish();
        db.Annotations.Add(note);
        await db.SaveChangesAsync();
        return claim.Id;
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
                problems.Add($"console error: {message.Text} ({page.Url} {message.Location})");
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
