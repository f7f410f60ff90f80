using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Articles;
using NewsClaims.Core.Claims;
using NewsClaims.Core.Statements;
using NewsClaims.Data.Claims;
using NewsClaims.IntegrationTests.Import;
using NewsClaims.IntegrationTests.Infrastructure;

namespace NewsClaims.IntegrationTests.Review;

/// <summary>Claims through the real site: made from statements, rated with sources, related, shown to readers, conflicts refused.</summary>
public sealed class ClaimEditingTests(ImportSiteFixture site) : IClassFixture<ImportSiteFixture>
{
    [Fact]
    public async Task Should_make_a_claim_from_two_statements_rate_it_and_show_it_to_readers()
    {
        var (first, second) = await SeedAsync();
        var editor = await site.SignedInClientAsync(site.EditorEmail);

        var created = await PostAsync(editor, "/claims/new", $"/claims/new?statement={first}", new()
        {
            ["Text"] = "The night ferry pays for itself.",
            ["Topics"] = "Transport, ferries",
            ["Statements"] = $"{first} {second}",
            ["Verdict"] = "MostlyFalse",
            ["Explanation"] = "The operator's accounts show a subsidy every year.",
            ["Sources"] = "Ferry accounts 2025 | https://accounts.example.test/ferry-2025",
        });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = long.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
        await using (var db = site.CreateContext())
        {
            var claim = await db.Claims.Include(c => c.Statements).SingleAsync(c => c.Id == id);
            Assert.Equal((VerdictRating.MostlyFalse, "The operator's accounts show a subsidy every year."), (claim.Verdict, claim.VerdictExplanation));
            Assert.Equal(["transport", "ferries"], claim.Topics);
            Assert.Equal([first, second], claim.Statements.Select(s => s.StatementId).Order());
            Assert.Equal("https://accounts.example.test/ferry-2025", Assert.Single(claim.VerdictSources).Url);
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == ClaimEditing.EntityType && e.EntityId == id.ToString() && e.Action == "create"));
        }

        var page = Reader.Html.Text(await site.Factory.CreateClient().GetStringAsync($"/claims/{id}"));
        Assert.Contains("The night ferry pays for itself.", page);
        Assert.Contains("Mostly false", page);
        Assert.Contains("the night ferry covers its costs", page);
    }

    [Fact]
    public async Task Should_refuse_a_verdict_without_explanation_and_a_source_that_is_not_a_web_address()
    {
        var (first, _) = await SeedAsync();
        var editor = await site.SignedInClientAsync(site.EditorEmail);
        var fields = new Dictionary<string, string> { ["Text"] = "A claim without reasons.", ["Statements"] = $"{first}", ["Verdict"] = "False" };

        var noExplanation = await PostAsync(editor, "/claims/new", "/claims/new", new(fields));
        fields["Explanation"] = "Because.";
        fields["Sources"] = "Hostile | javascript:alert(1)";
        var badSource = await PostAsync(editor, "/claims/new", "/claims/new", new(fields));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, noExplanation.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badSource.StatusCode);
        Assert.Contains("is not a web address", WebUtility.HtmlDecode(await badSource.Content.ReadAsStringAsync()));
        await using var db = site.CreateContext();
        Assert.False(await db.Claims.AnyAsync(c => c.Text == "A claim without reasons."));
    }

    [Fact]
    public async Task Should_relate_two_claims_and_refuse_a_stale_edit()
    {
        var (first, second) = await SeedAsync();
        var editor = await site.SignedInClientAsync(site.EditorEmail);
        var a = await CreateAsync(editor, "The ferry is profitable.", first);
        var b = await CreateAsync(editor, "The ferry needs a subsidy.", second);
        uint seen;
        await using (var db = site.CreateContext())
        {
            seen = (await db.Claims.SingleAsync(c => c.Id == a)).Version;
        }

        var related = await PostAsync(editor, $"/claims/{a}/relations", $"/claims/{a}/edit", new() { ["kind"] = "Contradicts", ["other"] = b.ToString() });
        var saved = await PostAsync(editor, $"/claims/{a}/edit", $"/claims/{a}/edit", new() { ["Version"] = seen.ToString(), ["Text"] = "The ferry makes money.", ["Statements"] = $"{first}" });
        var stale = await PostAsync(editor, $"/claims/{a}/edit", $"/claims/{a}/edit", new() { ["Version"] = seen.ToString(), ["Text"] = "The ferry is very profitable.", ["Statements"] = $"{first}" });

        Assert.Equal(HttpStatusCode.Redirect, related.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("The ferry is very profitable.", await stale.Content.ReadAsStringAsync());
        await using (var db = site.CreateContext())
        {
            var claim = await db.Claims.Include(c => c.Relations).SingleAsync(c => c.Id == a);
            Assert.Equal("The ferry makes money.", claim.Text);
            Assert.Contains(claim.Relations, r => r.ToClaimId == b && r.Kind == ClaimRelationKind.Contradicts);
        }

        Assert.Contains("The ferry needs a subsidy.", Reader.Html.Text(await site.Factory.CreateClient().GetStringAsync($"/claims/{a}")));
    }

    private async Task<long> CreateAsync(HttpClient editor, string text, long statement)
    {
        var response = await PostAsync(editor, "/claims/new", "/claims/new", new() { ["Text"] = text, ["Statements"] = statement.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return long.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private async Task<(long First, long Second)> SeedAsync()
    {
        var body = $"Skipper Juno Halm said the night ferry covers its costs. Councillor Pia Roos said it never has. {Guid.NewGuid():N}";
        var article = new Article("Night ferry row", body);
        var first = article.AddStatement(Sample.Span(body, "the night ferry covers its costs"), StatementKind.Indirect, 0.8, "test");
        first.AttributeTo(Sample.Person("Juno Halm"), Sample.Span(body, "Juno Halm"), "test");
        var second = article.AddStatement(Sample.Span(body, "it never has"), StatementKind.Indirect, 0.8, "test");
        second.AttributeTo(Sample.Person("Pia Roos"), Sample.Span(body, "Pia Roos"), "test");
        await using var db = site.CreateContext();
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return (first.Id, second.Id);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string formPage, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await FormToken.FromAsync(client, formPage);
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }
}
