using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Statements;

namespace NewsClaims.IntegrationTests.Reader;

public sealed class StatementPageTests(ReaderSiteFixture site) : IClassFixture<ReaderSiteFixture>
{
    [Fact]
    public async Task Should_show_for_every_statement_of_an_article_the_who_what_where_when_the_database_holds()
    {
        await using var db = site.CreateContext();
        var article = await db.Articles.Where(a => a.IsSample).OrderBy(a => a.Id).Skip(1).FirstAsync();
        var statements = await db.Statements.Include(s => s.Speaker).Where(s => s.ArticleId == article.Id).Where(ReaderVisibility.IsShown).ToListAsync();
        Assert.NotEmpty(statements);
        var client = site.Factory.CreateClient();

        foreach (var s in statements)
        {
            var text = Html.Text(await client.GetStringAsync($"/statements/{s.Id}"));
            Assert.Contains(s.Text, text);
            Assert.Contains(s.Speaker?.Name ?? s.UnnamedSource ?? "Speaker not identified", text);
            Assert.Contains(article.Title, text);
            if (s.CueText is not null) { Assert.Contains($"cue “{s.CueText}”", text); }
            if (s.Place is not null) { Assert.Contains(s.Place, text); }
            Assert.Contains(s.Kind switch { Core.Statements.StatementKind.Direct => "Direct quote", Core.Statements.StatementKind.Indirect => "Reported speech", _ => "Mixed" }, text);
        }
    }

    [Fact]
    public async Task Should_hold_back_an_unnamed_source_until_an_editor_confirms_it()
    {
        var client = site.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/statements/{site.UnnamedSourceStatementId}")).StatusCode);

        await using (var db = site.CreateContext())
        {
            var editor = await db.Users.OrderBy(u => u.Id).FirstAsync();
            var statement = await db.Statements.SingleAsync(s => s.Id == site.UnnamedSourceStatementId);
            statement.Confirm(editor.Id, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        var text = Html.Text(await client.GetStringAsync($"/statements/{site.UnnamedSourceStatementId}"));
        Assert.Contains("the buoys were moved", text);
        Assert.Contains("Harbour staff", text);
    }

    [Fact]
    public async Task Should_show_the_role_held_on_the_date_of_the_statement_not_the_current_one()
    {
        var text = Html.Text(await site.Factory.CreateClient().GetStringAsync($"/statements/{site.RoleChangeStatementId}"));

        Assert.Contains("Mayor of Essery Bay at the time", text);
        Assert.DoesNotContain("Minister of Harbours", text);
    }

    [Fact]
    public async Task Should_say_the_year_is_not_stated_instead_of_inventing_one()
    {
        var html = await site.Factory.CreateClient().GetStringAsync($"/statements/{site.UndatedStatementId}");
        var text = Html.Text(html);

        Assert.Contains("“March 3” (year not stated)", text);
        Assert.Contains("publication date not given", text);
        Assert.Contains("Ansel Quist", text);
        Assert.False(Html.JsonLd(html).TryGetProperty("dateCreated", out _), "JSON-LD must not carry a date the text does not give");
    }

    [Fact]
    public async Task Should_show_the_claims_a_statement_supports_and_only_published_notes_as_text()
    {
        var html = await site.Factory.CreateClient().GetStringAsync($"/statements/{site.ClaimedStatementId}");

        Assert.Contains($"href=\"/claims/{site.ClaimId}\"", html);
        Assert.Contains("Verdict: Mostly false", html);
        Assert.Contains("Which parliament &lt;b&gt;term&lt;/b&gt; is meant?", html);
        Assert.Contains("Ana Editor", html);
        Assert.DoesNotContain("Draft note nobody may read", html);
    }

    [Fact]
    public async Task Should_describe_the_statement_as_a_schema_org_quotation_with_opengraph_and_canonical_url()
    {
        await using var db = site.CreateContext();
        var s = await db.Statements.Include(x => x.Speaker).Include(x => x.Article).FirstAsync(x => x.Id == site.RoleChangeStatementId);

        var html = await site.Factory.CreateClient().GetStringAsync($"/statements/{s.Id}");
        var ld = Html.JsonLd(html);

        Assert.Equal("https://schema.org", ld.GetProperty("@context").GetString());
        Assert.Equal("Quotation", ld.GetProperty("@type").GetString());
        Assert.Equal(s.Text, ld.GetProperty("text").GetString());
        Assert.Equal("Person", ld.GetProperty("creator").GetProperty("@type").GetString());
        Assert.Equal(s.Speaker!.Name, ld.GetProperty("creator").GetProperty("name").GetString());
        Assert.Equal(s.Speaker.Name, ld.GetProperty("spokenByCharacter").GetProperty("name").GetString());
        Assert.Equal(s.Article!.Title, ld.GetProperty("isBasedOn").GetProperty("headline").GetString());
        Assert.Equal("2019-05-02", ld.GetProperty("isBasedOn").GetProperty("datePublished").GetString());
        Assert.EndsWith($"/statements/{s.Id}", Html.Canonical(html));
        Assert.StartsWith("http", Html.Canonical(html));
        Assert.Equal(Html.Canonical(html), Html.Meta(html, "og:url"));
        Assert.Contains(s.Text, Html.Meta(html, "og:description"));
    }

    [Fact]
    public async Task Should_answer_404_for_a_rejected_or_missing_statement()
    {
        var response = await site.Factory.CreateClient().GetAsync("/statements/987654321");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
    }
}
