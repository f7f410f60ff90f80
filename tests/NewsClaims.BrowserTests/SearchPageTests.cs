using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace NewsClaims.BrowserTests;

/// <summary>The search page in a real browser: type, see marked results, narrow with a facet, page on, check a quote.</summary>
public sealed partial class SearchPageTests(LiveSiteFixture site) : IClassFixture<LiveSiteFixture>
{
    private static readonly string ScreenshotDirectory = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Theory]
    [InlineData(1280, 900, "desktop")]
    [InlineData(375, 812, "phone")]
    public async Task Should_search_from_the_header_narrow_by_a_facet_and_open_a_statement(int width, int height, string label)
    {
        var (page, problems) = await site.OpenPageAsync(width, height);
        Directory.CreateDirectory(ScreenshotDirectory);

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Search", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Search quotes");

        var box = page.Locator("#search-q");
        await box.FillAsync("harbour");
        await box.PressAsync("Enter");
        var hits = page.Locator(".search-hits > li");
        await Assertions.Expect(hits.First).ToBeVisibleAsync();
        Assert.True(await page.Locator(".search-hits mark").CountAsync() > 0, "matched words must be marked");
        Assert.Equal("harbour", await box.InputValueAsync());
        var markColour = await page.Locator(".search-hits mark").First.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.Equal("rgb(253, 230, 138)", markColour);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, $"search-{label}.png"), FullPage = true });

        // Narrow to the first person facet: every statement left is theirs, and the filter shows as applied.
        var personFacet = page.Locator(".facet[data-facet='person'] a").First;
        var person = await personFacet.InnerTextAsync();
        await personFacet.ClickAsync();
        await Assertions.Expect(page.Locator(".applied-filters")).ToContainTextAsync(person);
        var speakers = await page.Locator(".search-hits .meta > span:first-child").AllInnerTextsAsync();
        Assert.NotEmpty(speakers);
        Assert.All(speakers, s => Assert.Equal(person, s.Trim()));

        // Open a statement from the results.
        var first = page.Locator(".search-hits blockquote a").First;
        var href = await first.GetAttributeAsync("href");
        await first.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(href!) + "$"));

        Assert.Empty(problems);
    }

    [Fact]
    public async Task Should_switch_tabs_between_statements_and_the_claims_they_make()
    {
        var (page, problems) = await site.OpenPageAsync();
        await page.GotoAsync("/search?q=harbour");
        await Assertions.Expect(page.Locator(".search-hits > li").First).ToBeVisibleAsync();
        var claimsTab = page.Locator(".search-tabs a", new() { HasText = "Claims" });
        var claimsCount = int.Parse(await claimsTab.Locator(".count").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(claimsCount >= 1, "the claims tab counts the harbour claim before it is opened");

        await claimsTab.ClickAsync();
        await Assertions.Expect(claimsTab).ToHaveAttributeAsync("aria-current", "page");
        var claims = page.Locator(".claim-hits > li");
        await Assertions.Expect(claims).ToHaveCountAsync(claimsCount);
        await Assertions.Expect(claims.Filter(new() { HasText = "The harbour expansion will be finished on time." }).Locator("mark")).ToHaveTextAsync("harbour");
        await Assertions.Expect(page.Locator(".search-hits")).ToHaveCountAsync(0);

        await page.Locator(".search-tabs a", new() { HasText = "Statements" }).ClickAsync();
        await Assertions.Expect(page.Locator(".search-hits > li").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".claim-hits")).ToHaveCountAsync(0);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Should_offer_the_corrected_spelling_and_check_a_quote_with_its_differences()
    {
        var (page, problems) = await site.OpenPageAsync();
        await page.GotoAsync("/search?q=harbuor");
        await Assertions.Expect(page.Locator(".search-messages")).ToContainTextAsync("harbour");
        Assert.True(await page.Locator(".search-hits > li").CountAsync() > 0);

        await page.GotoAsync("/search/quote-check");
        var quote = await QuoteFromTheDemoDataAsync(page);
        var words = quote.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var remembered = string.Join(' ', words.Take(words.Length - 1)) + " yesterday";
        await page.Locator("#quote-text").FillAsync(remembered);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
        var best = page.Locator(".quote-matches > li").First;
        await Assertions.Expect(best.Locator(".true-wording")).ToHaveTextAsync(quote);
        await Assertions.Expect(best.Locator(".diff del")).ToHaveTextAsync("yesterday");
        await Assertions.Expect(best.Locator(".diff ins")).ToHaveTextAsync(words[^1]);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, "quote-check.png"), FullPage = true });

        Assert.Empty(problems);
    }

    /// <summary>A real multi-word quote from the demo data, as the search API shows it.</summary>
    private static async Task<string> QuoteFromTheDemoDataAsync(IPage page)
    {
        var response = await page.APIRequest.GetAsync("/api/v1/search?q=harbour&size=50");
        var json = await response.JsonAsync();
        return json!.Value.GetProperty("statements").GetProperty("items").EnumerateArray()
            .Select(s => s.GetProperty("text").GetString()!)
            .First(t => t.Split(' ').Length is >= 6 and <= 30 && !QuoteMarksOrCues().IsMatch(t));
    }

    /// <summary>Quote marks or reporting verbs would make the quote check read part of the text as attribution.</summary>
    [GeneratedRegex(@"[""“”\n]|\b(said|says|told|warned|claimed|stated|argued|added|insisted|urged|called|described|suggested|wrote|declared)\b", RegexOptions.IgnoreCase)]
    private static partial Regex QuoteMarksOrCues();
}
