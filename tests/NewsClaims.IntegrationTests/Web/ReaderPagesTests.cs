using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsClaims.Data.Demo;

namespace NewsClaims.IntegrationTests.Web;

/// <summary>The pages a newcomer walks through, on the demo data, through the real site.</summary>
public sealed class ReaderPagesTests(DemoSiteFixture site) : IClassFixture<DemoSiteFixture>
{
    [Fact]
    public void Should_import_every_demo_article()
    {
        Assert.Equal(DemoData.Articles().Count, site.DemoArticlesImported);
        Assert.True(site.DemoArticlesImported >= 6);
    }

    [Fact]
    public async Task Should_add_nothing_when_the_demo_data_is_loaded_again()
    {
        await using var context = site.CreateContext();
        var before = (await context.Articles.CountAsync(), await context.Statements.CountAsync(), await context.People.CountAsync());

        await using var scope = site.Factory.Services.CreateAsyncScope();
        var importedAgain = await scope.ServiceProvider.GetRequiredService<DemoData>().LoadAsync(CancellationToken.None);

        var after = (await context.Articles.CountAsync(), await context.Statements.CountAsync(), await context.People.CountAsync());
        Assert.Equal(0, importedAgain);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Should_show_latest_statements_and_the_sample_banner_on_the_home_page()
    {
        var html = await site.Factory.CreateClient().GetStringAsync("/");

        Assert.Contains("Sample content.", html);
        Assert.Contains("Latest statements", html);
        Assert.Matches("href=\"/statements/[0-9]+\"", html);
    }

    [Fact]
    public async Task Should_list_people_with_statement_counts_and_filter_them()
    {
        var client = site.Factory.CreateClient();

        var all = await client.GetStringAsync("/speakers");
        Assert.Contains("href=\"/speakers/ilse-brandvold\"", all);
        Assert.Contains("href=\"/speakers/aurelio-kasprzak\"", all);

        var filtered = await client.GetStringAsync("/speakers?q=brandv");
        Assert.Contains("href=\"/speakers/ilse-brandvold\"", filtered);
        Assert.DoesNotContain("href=\"/speakers/aurelio-kasprzak\"", filtered);
    }

    [Fact]
    public async Task Should_keep_two_people_who_share_a_surname_apart()
    {
        await using var context = site.CreateContext();
        var okafors = await context.People.Where(p => p.Name.EndsWith("Okafor")).Select(p => p.Name).OrderBy(n => n).ToListAsync();

        Assert.Contains("Dana Okafor", okafors);
        Assert.Contains("Tomas Okafor", okafors);
        var dana = await context.People.SingleAsync(p => p.Name == "Dana Okafor");
        var tomas = await context.People.SingleAsync(p => p.Name == "Tomas Okafor");
        Assert.NotEqual(dana.Id, tomas.Id);
    }

    [Fact]
    public async Task Should_show_a_person_with_their_statements_linked_to_the_source()
    {
        var html = await site.Factory.CreateClient().GetStringAsync("/speakers/aurelio-kasprzak");

        Assert.Contains("<h1>Aurelio Kasprzak</h1>", html);
        Assert.Contains("Statements per month", html);
        Assert.Matches("href=\"/articles/[0-9]+#s-[0-9]+\"", html);
    }

    [Fact]
    public async Task Should_highlight_each_statement_of_an_article_with_an_anchor_and_a_link()
    {
        await using var context = site.CreateContext();
        var statement = await context.Statements.Where(s => s.SpeakerId != null).OrderBy(s => s.Id).FirstAsync();
        var article = await context.Articles.SingleAsync(a => a.Id == statement.ArticleId);

        var html = await site.Factory.CreateClient().GetStringAsync($"/articles/{article.Id}");

        Assert.Contains($"id=\"s-{statement.Id}\"", html);
        Assert.Contains($"href=\"/statements/{statement.Id}\"", html);
        var highlighted = Regex.Match(html, $"id=\"s-{statement.Id}\"[^>]*>([^<]*)<").Groups[1].Value;
        Assert.Equal(article.Body[statement.Start..statement.End], statement.Text);
        Assert.NotEmpty(highlighted);
        Assert.StartsWith(WebUtility.HtmlDecode(highlighted), statement.Text);
    }

    [Fact]
    public async Task Should_show_who_what_where_when_and_source_of_a_statement()
    {
        await using var context = site.CreateContext();
        var statement = await context.Statements.Include(s => s.Speaker).Include(s => s.Article)
            .Where(s => s.Speaker != null).OrderBy(s => s.Id).FirstAsync();

        var html = WebUtility.HtmlDecode(await site.Factory.CreateClient().GetStringAsync($"/statements/{statement.Id}"));

        Assert.Contains(statement.Text, html);
        Assert.Contains(statement.Speaker!.Name, html);
        Assert.Contains(statement.Article!.Title, html);
        Assert.Contains($"/articles/{statement.ArticleId}#s-{statement.Id}", html);
        Assert.Contains("machine-extracted", html);
    }

    [Theory]
    [InlineData("/speakers/nobody-by-this-name")]
    [InlineData("/articles/999999999")]
    [InlineData("/statements/999999999")]
    [InlineData("/claims/999999999")]
    [InlineData("/no/such/page")]
    public async Task Should_answer_404_with_a_helpful_page(string path)
    {
        var response = await site.Factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Page not found", html);
        Assert.Contains("href=\"/speakers\"", html);
    }
}
