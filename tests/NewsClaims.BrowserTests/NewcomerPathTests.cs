using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace NewsClaims.BrowserTests;

/// <summary>home → person → statement → the highlighted passage in the article → back, at desktop and phone widths.</summary>
public sealed partial class NewcomerPathTests(LiveSiteFixture site) : IClassFixture<LiveSiteFixture>
{
    private static readonly string ScreenshotDirectory = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Theory]
    [InlineData(1280, 900, "desktop")]
    [InlineData(375, 812, "phone")]
    public async Task Should_follow_a_statement_from_home_to_its_highlighted_passage_and_back(int width, int height, string label)
    {
        var (page, problems) = await site.OpenPageAsync(width, height);
        Directory.CreateDirectory(ScreenshotDirectory);

        await page.GotoAsync("/");
        Assert.Equal("Who said what, where and when", await page.Locator("h1").InnerTextAsync());
        Assert.True(await page.Locator(".sample-banner").IsVisibleAsync(), "the sample-content banner must be visible");
        Assert.Equal("rgb(11, 92, 173)", await page.Locator(".brand span").EvaluateAsync<string>("e => getComputedStyle(e).color"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, $"path-home-{label}.png"), FullPage = true });
        Assert.Empty(await LiveSiteFixture.SeriousAccessibilityViolationsAsync(page));

        // Home → the most quoted person.
        var person = page.Locator("aside a[href^='/speakers/']").First;
        var personName = await person.InnerTextAsync();
        await person.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(personName);
        Assert.Empty(await LiveSiteFixture.SeriousAccessibilityViolationsAsync(page));

        // Person → one of their statements.
        var statementLink = page.Locator(".statement-list blockquote a").First;
        var quote = await statementLink.InnerTextAsync();
        await statementLink.ClickAsync();
        await Expect(page).ToHaveURLAsync(StatementUrl());
        Assert.Contains(personName, await page.Locator("h1").InnerTextAsync());
        Assert.Equal(quote, await page.Locator("blockquote.statement-text").InnerTextAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, $"path-statement-{label}.png"), FullPage = true });
        Assert.Empty(await LiveSiteFixture.SeriousAccessibilityViolationsAsync(page));

        // Statement → the passage in the article, highlighted and targeted.
        var statementId = StatementUrl().Match(page.Url).Groups[1].Value;
        await page.Locator($"a[href$='#s-{statementId}']").First.ClickAsync();
        var mark = page.Locator($"mark#s-{statementId}");
        await Expect(mark).ToBeVisibleAsync();
        Assert.StartsWith(quote[..Math.Min(20, quote.Length)], await mark.InnerTextAsync());
        Assert.True(await mark.EvaluateAsync<bool>("e => e.matches(':target')"), "the statement's passage must be the URL target");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, $"path-article-{label}.png"), FullPage = true });
        Assert.Empty(await LiveSiteFixture.SeriousAccessibilityViolationsAsync(page));

        // Back to the statement.
        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(StatementUrl());

        Assert.Empty(problems);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    [GeneratedRegex(@"/statements/([0-9]+)$")]
    private static partial Regex StatementUrl();
}
