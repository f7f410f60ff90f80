using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Statements;

namespace NewsClaims.IntegrationTests.Reader;

public sealed class ArticleAndClaimPageTests(ReaderSiteFixture site) : IClassFixture<ReaderSiteFixture>
{
    [Fact]
    public async Task Should_highlight_every_visible_statement_with_its_exact_words_a_link_and_its_details()
    {
        await using var db = site.CreateContext();
        var article = await db.Articles.Where(a => a.IsSample).OrderBy(a => a.Id).Skip(1).FirstAsync();
        var statements = await db.Statements.Include(s => s.Speaker)
            .Where(s => s.ArticleId == article.Id).Where(ReaderVisibility.IsShown).OrderBy(s => s.Start).ToListAsync();

        var html = await site.Factory.CreateClient().GetStringAsync($"/articles/{article.Id}");

        Assert.NotEmpty(statements);
        foreach (var s in statements)
        {
            var link = Regex.Match(html, $"<a class=\"statement-link\" href=\"/statements/{s.Id}\" data-tip=\"([^\"]*)\"><mark id=\"s-{s.Id}\"[^>]*>([^<]*)<");
            Assert.True(link.Success, $"statement {s.Id} is not highlighted with an anchor and a link");
            Assert.StartsWith(WebUtility.HtmlDecode(link.Groups[2].Value), s.Text);
            Assert.Contains(s.Speaker?.Name ?? s.UnnamedSource ?? "speaker not identified", WebUtility.HtmlDecode(link.Groups[1].Value));
        }

        foreach (var name in statements.Where(s => s.Speaker is not null).Select(s => s.Speaker!.Name).Distinct())
        {
            Assert.Contains($">{name}</a>", html);
        }
    }

    [Fact]
    public async Task Should_keep_the_article_text_intact_between_highlights()
    {
        await using var db = site.CreateContext();
        var article = await db.Articles.Where(a => a.IsSample).OrderBy(a => a.Id).FirstAsync();

        var html = await site.Factory.CreateClient().GetStringAsync($"/articles/{article.Id}");
        var body = Regex.Match(html, "<div class=\"article-text\"[^>]*>(.*?)</div>", RegexOptions.Singleline).Groups[1].Value;
        var withoutHidden = Regex.Replace(body, "<span class=\"visually-hidden\">.*?</span>", "");
        var paragraphs = Regex.Matches(withoutHidden, "<p data-o=\"(\\d+)\">(.*?)</p>", RegexOptions.Singleline)
            .Select(m => (Start: int.Parse(m.Groups[1].Value), Text: WebUtility.HtmlDecode(Regex.Replace(m.Groups[2].Value, "<[^>]+>", "")))).ToList();

        Assert.Equal(article.Body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries), paragraphs.Select(p => p.Text));
        // Each paragraph says where it starts in the body, so a selection in the page maps back to exact offsets.
        Assert.All(paragraphs, p => Assert.Equal(p.Text, article.Body.Substring(p.Start, p.Text.Length)));
    }

    [Fact]
    public async Task Should_filter_articles_by_outlet_date_and_person_quoted()
    {
        var client = site.Factory.CreateClient();

        var byOutlet = await client.GetStringAsync("/articles?outlet=The%20Reader%20Test%20Gazette");
        Assert.Contains("Tallgren opens the new quay", byOutlet);
        Assert.DoesNotContain("Undated harbour note", byOutlet);

        var byDate = await client.GetStringAsync("/articles?from=2019-01-01&to=2019-12-31");
        Assert.Contains("Tallgren opens the new quay", byDate);
        Assert.DoesNotContain("Tallgren answers every question", byDate);

        var byPerson = await client.GetStringAsync("/articles?person=Veronika%20Tallgren");
        Assert.Contains("Tallgren opens the new quay", byPerson);
        Assert.Contains("Tallgren answers every question", byPerson);
        Assert.DoesNotContain("Undated harbour note", byPerson);
        Assert.Contains("Articles quoting", byPerson);
    }

    [Fact]
    public async Task Should_show_a_claim_with_its_verdict_statements_related_claims_and_claimreview()
    {
        var html = await site.Factory.CreateClient().GetStringAsync($"/claims/{site.ClaimId}");
        var ld = Html.JsonLd(html);

        Assert.Contains("The coastal rail line will be paid for within this parliament.", html);
        Assert.Contains("Verdict: Mostly false", html);
        Assert.Contains("No budget line exists for it in the published plans.", html);
        Assert.Contains("href=\"https://budget.newsclaims.test/2026\"", html);
        Assert.Contains($"href=\"/statements/{site.ClaimedStatementId}\"", html);
        Assert.Contains($"href=\"/claims/{site.RelatedClaimId}\"", html);
        Assert.Contains("This claim contradicts", html);
        Assert.Equal("ClaimReview", ld.GetProperty("@type").GetString());
        Assert.Equal("The coastal rail line will be paid for within this parliament.", ld.GetProperty("claimReviewed").GetString());
        Assert.Equal(2, ld.GetProperty("reviewRating").GetProperty("ratingValue").GetInt32());
        Assert.Equal("Mostly false", ld.GetProperty("reviewRating").GetProperty("alternateName").GetString());

        var related = await site.Factory.CreateClient().GetStringAsync($"/claims/{site.RelatedClaimId}");
        Assert.Contains("Contradicted by", related);
        Assert.Contains("Not yet rated", related);
    }

    [Fact]
    public async Task Should_list_every_kind_of_reader_page_in_the_sitemap()
    {
        var client = site.Factory.CreateClient();

        var index = await client.GetStringAsync("/sitemap.xml");
        var parts = Regex.Matches(index, "<loc>http://[^/]+(/sitemaps/[^<]+)</loc>").Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("/sitemaps/pages.xml", parts);
        Assert.Contains("/sitemaps/statements-0.xml", parts);

        var all = string.Join("\n", await Task.WhenAll(parts.Select(p => client.GetStringAsync(p))));
        Assert.Contains($"/statements/{site.RoleChangeStatementId}</loc>", all);
        Assert.Contains($"/speakers/{site.TimelineSlug}</loc>", all);
        Assert.Contains($"/claims/{site.ClaimId}</loc>", all);
        Assert.Contains("/articles/", all);
        Assert.Contains("Sitemap: http://", await client.GetStringAsync("/robots.txt"));
    }
}
