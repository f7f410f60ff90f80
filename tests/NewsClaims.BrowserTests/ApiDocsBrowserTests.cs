using Microsoft.Playwright;

namespace NewsClaims.BrowserTests;

/// <summary>The interactive API docs in a real browser: served by the site itself, under its CSP, listing the API.</summary>
public sealed class ApiDocsBrowserTests(LiveSiteFixture site) : IClassFixture<LiveSiteFixture>
{
    [Fact]
    public async Task Should_render_the_api_reference_from_the_sites_own_document_without_a_policy_violation()
    {
        var (page, problems) = await site.OpenPageAsync();
        var outside = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(site.BaseAddress.ToString(), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                outside.Add(request.Url);
            }
        };

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "API", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("NewsClaims API").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Speakers", Exact = true })).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Statements", Exact = true })).ToBeVisibleAsync();

        Assert.Empty(outside);
        Assert.Empty(problems);
    }
}
