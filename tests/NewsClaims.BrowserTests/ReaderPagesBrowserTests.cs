using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace NewsClaims.BrowserTests;

/// <summary>
/// Every kind of reader page in a real Chromium, at desktop and phone widths: no console error, failed request or
/// error response, no serious or critical axe-core violation, nothing wider than the screen; a screenshot of each.
/// </summary>
public sealed class ReaderPagesBrowserTests(LiveSiteFixture site) : IClassFixture<LiveSiteFixture>
{
    private static readonly string ScreenshotDirectory = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static TheoryData<string, int> Pages()
    {
        var data = new TheoryData<string, int>();
        foreach (var page in new[] { "home", "people", "person", "articles", "article", "statement", "claims", "claim", "not-found" })
        {
            data.Add(page, 1280);
            data.Add(page, 375);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Should_render_each_page_type_accessibly_without_errors(string kind, int width)
    {
        var path = await PathOfAsync(kind);
        var (page, problems) = await site.OpenPageAsync(width, 812);

        var response = await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, $"{kind}-{(width < 600 ? "phone" : "desktop")}.png"), FullPage = true });
        Assert.Equal(kind == "not-found" ? 404 : 200, response!.Status);
        // The 404 page's own status is expected; Chromium reports it twice (the response and a console line).
        var unexpected = problems.Where(p => !(kind == "not-found" && (p.StartsWith("HTTP 404", StringComparison.Ordinal) && p.EndsWith(path, StringComparison.Ordinal)
            || p.Contains("status of 404", StringComparison.Ordinal)))).ToList();
        Assert.Empty(unexpected);
        Assert.Empty(await LiveSiteFixture.SeriousAccessibilityViolationsAsync(page));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{path} is wider than {width} px");
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        Assert.Equal(1, await page.Locator("main#main").CountAsync());
    }

    [Fact]
    public async Task Should_draw_the_statements_per_month_chart_from_the_npm_chart_library()
    {
        var (page, problems) = await site.OpenPageAsync();
        await page.GotoAsync("/speakers/aurelio-kasprzak");

        await Assertions.Expect(page.Locator("canvas#statements-per-month")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => typeof Chart === 'function' && Chart.getChart('statements-per-month') !== undefined"));
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Should_show_who_cue_where_and_when_of_a_highlight_on_keyboard_focus_and_hide_it_on_escape()
    {
        await using var db = site.CreateContext();
        var statement = await db.Statements.Include(s => s.Speaker).Where(s => s.SpeakerId != null).OrderBy(s => s.Id).FirstAsync();
        var (page, problems) = await site.OpenPageAsync();
        await page.GotoAsync($"/articles/{statement.ArticleId}");

        var link = page.Locator($"a.statement-link:has(mark#s-{statement.Id})");
        await link.FocusAsync();
        var tip = page.Locator(".statement-tip");
        await Assertions.Expect(tip).ToBeVisibleAsync();
        await Assertions.Expect(tip).ToContainTextAsync(statement.Speaker!.Name);
        if (statement.CueText is { } cue)
        {
            await Assertions.Expect(tip).ToContainTextAsync(cue);
        }

        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(tip).ToBeHiddenAsync();

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/statements/{statement.Id}$"));
        Assert.Empty(problems);
    }

    private async Task<string> PathOfAsync(string kind)
    {
        await using var db = site.CreateContext();
        return kind switch
        {
            "home" => "/",
            "people" => "/speakers",
            "person" => "/speakers/" + await db.People.Where(p => db.Statements.Any(s => s.SpeakerId == p.Id)).OrderBy(p => p.Slug).Select(p => p.Slug).FirstAsync(),
            "articles" => "/articles",
            "article" => "/articles/" + await db.Articles.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(),
            "statement" => "/statements/" + await db.Statements.Where(s => s.SpeakerId != null).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(),
            "claims" => "/claims",
            "claim" => $"/claims/{site.ClaimId}",
            _ => "/no/such/page",
        };
    }
}
