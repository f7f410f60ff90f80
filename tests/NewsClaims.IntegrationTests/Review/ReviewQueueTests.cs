using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Articles;
using NewsClaims.Core.Statements;
using NewsClaims.Data.Review;
using NewsClaims.IntegrationTests.Import;
using NewsClaims.IntegrationTests.Infrastructure;

namespace NewsClaims.IntegrationTests.Review;

/// <summary>The review queue through the real site and a real database: who may use it, each decision, its record, conflicts.</summary>
public sealed partial class ReviewQueueTests(ImportSiteFixture site) : IClassFixture<ImportSiteFixture>
{
    [Fact]
    public async Task Should_refuse_the_queue_to_anonymous_visitors_and_to_accounts_without_the_editor_role()
    {
        var anonymous = site.Factory.CreateClient(new() { AllowAutoRedirect = false });
        var page = await anonymous.GetAsync("/review");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var post = await anonymous.PostAsync("/review/1/confirm", new FormUrlEncodedContent(new Dictionary<string, string> { ["version"] = "1" }));
        Assert.True(post.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, $"anonymous POST answered {post.StatusCode}");

        var reader = await site.SignedInClientAsync(site.ReaderEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync("/review")).StatusCode);
    }

    [Fact]
    public async Task Should_list_machine_statements_lowest_confidence_first_each_in_its_passage()
    {
        var (article, low, high) = await SeedAsync();
        var editor = await site.SignedInClientAsync(site.EditorEmail);

        var html = await editor.GetStringAsync($"/review?article={article}");

        var order = ItemIds().Matches(html).Select(m => long.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal([low, high], order);
        Assert.Contains("<mark>the ferry would run all winter</mark>", html);
        Assert.Contains("Harbour master Ilse Varga said ", WebUtility.HtmlDecode(html));
    }

    [Fact]
    public async Task Should_confirm_record_who_and_what_and_leave_the_queue()
    {
        var (article, low, _) = await SeedAsync();
        var editor = await site.SignedInClientAsync(site.EditorEmail);
        var version = await VersionAsync(low);

        var response = await PostAsync(editor, $"/review/{low}/confirm", new() { ["version"] = version.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = site.CreateContext();
        var statement = await db.Statements.SingleAsync(s => s.Id == low);
        Assert.Equal(StatementStatus.Confirmed, statement.Status);
        var account = await db.Users.SingleAsync(u => u.Email == site.EditorEmail);
        Assert.Equal(account.Id, statement.ReviewedById);
        var entry = await db.AuditEntries.SingleAsync(e => e.EntityType == StatementReview.EntityType && e.EntityId == low.ToString());
        Assert.Equal(("confirm", account.Id), (entry.Action, entry.AccountId));
        Assert.Equal(("extracted", "confirmed"), (entry.Changes["status"].From, entry.Changes["status"].To));
        Assert.DoesNotContain($"id=\"r-{low}\"", await editor.GetStringAsync($"/review?article={article}"));

        // Readers can see what was decided, by whom, from what to what.
        var history = Reader.Html.Text(await site.Factory.CreateClient().GetStringAsync($"/history/statement/{low}"));
        Assert.Contains("confirm by " + account.DisplayName, history);
        Assert.Contains("status extracted confirmed", history);
    }

    [Fact]
    public async Task Should_reject_only_with_a_reason_and_hide_the_statement_from_readers()
    {
        var (_, low, _) = await SeedAsync();
        var editor = await site.SignedInClientAsync(site.EditorEmail);
        var version = (await VersionAsync(low)).ToString();

        var noReason = await PostAsync(editor, $"/review/{low}/reject", new() { ["version"] = version, ["reason"] = "  " });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        await using (var db = site.CreateContext())
        {
            Assert.Equal(StatementStatus.Extracted, (await db.Statements.SingleAsync(s => s.Id == low)).Status);
        }

        var rejected = await PostAsync(editor, $"/review/{low}/reject", new() { ["version"] = version, ["reason"] = "Scare quotes, nobody said it." });
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        await using (var db = site.CreateContext())
        {
            var statement = await db.Statements.SingleAsync(s => s.Id == low);
            Assert.Equal((StatementStatus.Rejected, "Scare quotes, nobody said it."), (statement.Status, statement.RejectionReason));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await site.Factory.CreateClient().GetAsync($"/statements/{low}")).StatusCode);
    }

    [Fact]
    public async Task Should_correct_the_speaker_to_a_new_person_and_show_readers_the_fixed_attribution()
    {
        var (_, _, high) = await SeedAsync();
        var editor = await site.SignedInClientAsync(site.EditorEmail);
        var name = $"Oona Lindqvist {Guid.NewGuid():N}"[..24];

        var response = await PostAsync(editor, $"/review/{high}/correct", new()
        {
            ["version"] = (await VersionAsync(high)).ToString(),
            ["NewSpeakerName"] = name,
            ["Kind"] = "Direct",
            ["Place"] = "Kessling quay",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = site.CreateContext();
        var statement = await db.Statements.Include(s => s.Speaker).SingleAsync(s => s.Id == high);
        Assert.Equal((StatementStatus.Corrected, name, StatementKind.Direct, "Kessling quay"), (statement.Status, statement.Speaker!.Name, statement.Kind, statement.Place));
        var entry = await db.AuditEntries.SingleAsync(e => e.EntityType == StatementReview.EntityType && e.EntityId == high.ToString());
        Assert.Equal(("Ilse Varga", name), (entry.Changes["speaker"].From, entry.Changes["speaker"].To));
        Assert.Equal(("indirect", "direct"), (entry.Changes["kind"].From, entry.Changes["kind"].To));
        var page = WebUtility.HtmlDecode(await site.Factory.CreateClient().GetStringAsync($"/statements/{high}"));
        Assert.Contains(name, page);
        Assert.Contains("editor-corrected", page);
    }

    [Fact]
    public async Task Should_refuse_a_span_outside_the_article_and_change_nothing()
    {
        var (_, low, _) = await SeedAsync();
        var editor = await site.SignedInClientAsync(site.EditorEmail);

        var response = await PostAsync(editor, $"/review/{low}/correct", new() { ["version"] = (await VersionAsync(low)).ToString(), ["Start"] = "5", ["End"] = "999999" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        await using var db = site.CreateContext();
        Assert.Equal(StatementStatus.Extracted, (await db.Statements.SingleAsync(s => s.Id == low)).Status);
        Assert.False(await db.AuditEntries.AnyAsync(e => e.EntityType == StatementReview.EntityType && e.EntityId == low.ToString()));
    }

    [Fact]
    public async Task Should_show_the_second_of_two_editors_a_conflict_with_both_versions_and_keep_the_first_decision()
    {
        var (_, low, _) = await SeedAsync();
        var first = await site.SignedInClientAsync(site.EditorEmail);
        var second = await site.SignedInClientAsync(site.EditorEmail);
        var seen = (await VersionAsync(low)).ToString();

        var confirmed = await PostAsync(first, $"/review/{low}/confirm", new() { ["version"] = seen });
        var late = await PostAsync(second, $"/review/{low}/correct", new() { ["version"] = seen, ["Place"] = "Somewhere else" });

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var html = Reader.Html.Text(await late.Content.ReadAsStringAsync());
        Assert.Contains("What you tried", html);
        Assert.Contains("Somewhere else", html);
        Assert.Contains("What is saved now", html);
        Assert.Contains("Last decision: confirm", html);
        await using var db = site.CreateContext();
        var statement = await db.Statements.SingleAsync(s => s.Id == low);
        Assert.Equal((StatementStatus.Confirmed, (string?)null), (statement.Status, statement.Place));
    }

    [Fact]
    public async Task Should_confirm_ticked_statements_in_bulk_and_leave_one_changed_meanwhile()
    {
        var (article, low, high) = await SeedAsync();
        var editor = await site.SignedInClientAsync(site.EditorEmail);
        var (lowVersion, highVersion) = (await VersionAsync(low), await VersionAsync(high));
        await PostAsync(editor, $"/review/{high}/correct", new() { ["version"] = highVersion.ToString(), ["Place"] = "Kessling" });

        var token = await TokenAsync(editor);
        var form = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", token),
            new("selected", $"{low}:{lowVersion}"),
            new("selected", $"{high}:{highVersion}"),
            new("back.Article", article.ToString()),
        };
        var response = await editor.PostAsync("/review/confirm", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("conflicts-1", response.Headers.Location!.ToString());
        await using var db = site.CreateContext();
        Assert.Equal(StatementStatus.Confirmed, (await db.Statements.SingleAsync(s => s.Id == low)).Status);
        Assert.Equal(StatementStatus.Corrected, (await db.Statements.SingleAsync(s => s.Id == high)).Status);
    }

    [Fact]
    public async Task Should_export_reviewed_statements_as_evaluation_gold_and_the_decision_log()
    {
        var (article, low, high) = await SeedAsync();
        var editor = await site.SignedInClientAsync(site.EditorEmail);
        await PostAsync(editor, $"/review/{low}/reject", new() { ["version"] = (await VersionAsync(low)).ToString(), ["reason"] = "Scare quotes." });
        await PostAsync(editor, $"/review/{high}/confirm", new() { ["version"] = (await VersionAsync(high)).ToString() });

        var gold = (await editor.GetStringAsync("/review/export/gold.jsonl")).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).Single(e => e.GetProperty("id").GetString() == article.ToString());
        var statement = Assert.Single(gold.GetProperty("statements").EnumerateArray());
        Assert.Equal(("Ilse Varga", "the ferry would run all winter"), (statement.GetProperty("speaker").GetString(), statement.GetProperty("text").GetString()));
        var text = gold.GetProperty("text").GetString()!;
        Assert.Equal("the ferry would run all winter", text[statement.GetProperty("start").GetInt32()..statement.GetProperty("end").GetInt32()]);
        var rejected = Assert.Single(gold.GetProperty("not_statements").EnumerateArray());
        Assert.Equal(("maybe", "Scare quotes."), (rejected.GetProperty("text").GetString(), rejected.GetProperty("reason").GetString()));

        var decisions = await editor.GetStringAsync("/review/export/decisions.jsonl");
        Assert.Contains($"\"statement\":{low},", decisions);
        Assert.Contains("\"action\":\"reject\"", decisions);
        Assert.Equal(HttpStatusCode.Redirect, (await site.Factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/review/export/gold.jsonl")).StatusCode);
    }

    [Fact]
    public async Task Should_offer_people_by_name_or_alias_for_the_speaker_type_ahead()
    {
        await SeedAsync();
        var editor = await site.SignedInClientAsync(site.EditorEmail);

        var json = await editor.GetStringAsync("/review/people?q=ilse%20var");

        Assert.Contains("\"name\":\"Ilse Varga\"", json);
        Assert.Equal("[]", await editor.GetStringAsync("/review/people?q=%25%25"));
    }

    private async Task<(long Article, long Low, long High)> SeedAsync()
    {
        var body = $"Harbour master Ilse Varga said the ferry would run all winter. Officials said 'maybe' about the bridge. {Guid.NewGuid():N}";
        var article = new Article("Ferry runs all winter", body);
        var speaker = Sample.Person("Ilse Varga");
        var high = article.AddStatement(Sample.Span(body, "the ferry would run all winter"), StatementKind.Indirect, 0.55, "test");
        high.AttributeTo(speaker, Sample.Span(body, "Ilse Varga"), "subject-cue/name");
        var low = article.AddStatement(Sample.Span(body, "maybe"), StatementKind.Direct, 0.3, "test");
        low.AttributeTo(null, null, "subject-cue/unnamed", "Officials");
        await using var db = site.CreateContext();
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return (article.Id, low.Id, high.Id);
    }

    private async Task<uint> VersionAsync(long id)
    {
        await using var db = site.CreateContext();
        return await db.Statements.Where(s => s.Id == id).Select(s => s.Version).SingleAsync();
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await TokenAsync(client);
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    private static async Task<string> TokenAsync(HttpClient client) =>
        await FormToken.FromAsync(client, "/review");

    [GeneratedRegex("<li class=\"review-item\" id=\"r-(\\d+)\"")]
    private static partial Regex ItemIds();
}
