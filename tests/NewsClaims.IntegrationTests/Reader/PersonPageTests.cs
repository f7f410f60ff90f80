using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace NewsClaims.IntegrationTests.Reader;

public sealed partial class PersonPageTests(ReaderSiteFixture site) : IClassFixture<ReaderSiteFixture>
{
    [Fact]
    public async Task Should_page_through_a_long_timeline_newest_first_without_gaps_or_repeats()
    {
        var client = site.Factory.CreateClient();
        var seen = new List<long>();
        string? url = $"/speakers/{site.TimelineSlug}";
        var pages = 0;
        while (url is not null)
        {
            var html = await client.GetStringAsync(url);
            seen.AddRange(StatementIds().Matches(html).Select(m => long.Parse(m.Groups[1].Value)).Distinct());
            var next = NextLink().Match(html);
            url = next.Success ? WebUtility.HtmlDecode(next.Groups[1].Success ? next.Groups[1].Value : next.Groups[2].Value) : null;
            pages++;
        }

        await using var db = site.CreateContext();
        var expected = await db.Statements.Where(s => s.Speaker!.Slug == site.TimelineSlug)
            .OrderByDescending(s => s.WhenSaidDate ?? s.Article!.PublishedOn).ThenByDescending(s => s.Id)
            .Select(s => s.Id).ToListAsync();
        Assert.Equal(ReaderSiteFixture.TimelineStatements + 1, expected.Count);
        Assert.Equal(3, pages);
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task Should_group_the_timeline_by_date_and_show_roles_with_dates()
    {
        var html = await site.Factory.CreateClient().GetStringAsync($"/speakers/{site.TimelineSlug}");
        var text = Html.Text(html);

        Assert.Contains("<time datetime=\"2024-04-30\">30 April 2024</time>", html);
        Assert.Contains("Minister of Harbours, Government of Valdoria", text);
        Assert.Contains("since 1 January 2021", text);
        Assert.Contains("1 January 2014 – 31 December 2020", text);
        Assert.Contains("121 statements", text);
    }

    [Fact]
    public async Task Should_filter_by_kind_year_and_words()
    {
        var client = site.Factory.CreateClient();

        var direct = await client.GetStringAsync($"/speakers/{site.TimelineSlug}?kind=direct");
        Assert.Contains("40 of 121 statements match", Html.Text(direct));
        Assert.DoesNotContain("reported speech", Html.Text(direct).Replace("Reported speech", ""));

        var year = await client.GetStringAsync($"/speakers/{site.TimelineSlug}?year=2019");
        Assert.Contains("1 of 121 statements match", Html.Text(year));
        Assert.Contains($"/statements/{site.RoleChangeStatementId}", year);

        var words = await client.GetStringAsync($"/speakers/{site.TimelineSlug}?q=%22number%20007%22");
        Assert.Contains("1 of 121 statements match", Html.Text(words));
        Assert.Contains("point number 007 is settled", words);
    }

    [Fact]
    public async Task Should_filter_by_the_verdict_of_the_claims_statements_make()
    {
        await using var db = site.CreateContext();
        var slug = await db.Statements.Where(s => s.Id == site.ClaimedStatementId).Select(s => s.Speaker!.Slug).SingleAsync();

        var html = await site.Factory.CreateClient().GetStringAsync($"/speakers/{slug}?verdict=MostlyFalse");

        Assert.Contains("1 of", Html.Text(html));
        Assert.Contains($"/statements/{site.ClaimedStatementId}\"", html);
    }

    [Fact]
    public async Task Should_chart_statements_per_month_with_the_figures_in_a_table()
    {
        var html = await site.Factory.CreateClient().GetStringAsync($"/speakers/{site.TimelineSlug}");

        var labels = DataAttribute("labels").Match(html).Groups[1].Value.Split('|');
        var counts = DataAttribute("counts").Match(html).Groups[1].Value.Split('|').Select(int.Parse).ToList();
        Assert.Equal("2019-05", labels[0]);
        Assert.Equal("2024-04", labels[^1]);
        Assert.Equal(labels.Length, counts.Count);
        Assert.Equal(121, counts.Sum());
        Assert.Contains("/lib/chart.js/chart.umd.min.js", html);
        Assert.Contains("<th scope=\"row\">January 2024</th><td>30</td>", html);
    }

    [Fact]
    public async Task Should_describe_the_person_in_json_ld()
    {
        var html = await site.Factory.CreateClient().GetStringAsync($"/speakers/{site.TimelineSlug}");
        var ld = Html.JsonLd(html);

        Assert.Equal("Person", ld.GetProperty("@type").GetString());
        Assert.Equal("Veronika Tallgren", ld.GetProperty("name").GetString());
        Assert.Equal("Minister of Harbours", ld.GetProperty("jobTitle").GetString());
        Assert.EndsWith($"/speakers/{site.TimelineSlug}", Html.Canonical(html));
        Assert.Equal("profile", Html.Meta(html, "og:type"));
    }

    [Fact]
    public async Task Should_list_people_a_to_z_with_counts_and_page_by_letter()
    {
        var client = site.Factory.CreateClient();

        var v = await client.GetStringAsync("/speakers?letter=V");
        Assert.Contains("href=\"/speakers/veronika-tallgren\"", v);
        Assert.Contains("(121 statements)", Html.Text(v));
        Assert.DoesNotContain("href=\"/speakers/aurelio-kasprzak\"", v);
        Assert.Contains("aria-current=\"page\"", v);
    }

    private static Regex DataAttribute(string name) => new($"data-{name}=\"([^\"]*)\"");

    [GeneratedRegex("<blockquote><a href=\"/statements/([0-9]+)\"")]
    private static partial Regex StatementIds();

    [GeneratedRegex("<a href=\"([^\"]+)\" rel=\"next\"|<a rel=\"next\" href=\"([^\"]+)\"")]
    private static partial Regex NextLink();
}
