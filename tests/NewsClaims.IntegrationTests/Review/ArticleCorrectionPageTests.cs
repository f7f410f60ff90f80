using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Articles;
using NewsClaims.Core.Common;
using NewsClaims.Core.Statements;
using NewsClaims.IntegrationTests.Import;
using NewsClaims.IntegrationTests.Infrastructure;

namespace NewsClaims.IntegrationTests.Review;

/// <summary>The correction page through the real site: statements follow their words; removed ones are listed, not highlighted.</summary>
public sealed class ArticleCorrectionPageTests(ImportSiteFixture site) : IClassFixture<ImportSiteFixture>
{
    [Fact]
    public async Task Should_save_a_corrected_text_move_statements_with_it_and_list_the_ones_whose_words_are_gone()
    {
        var body = $"Mayor Enna Vos said the bridge reopens in Mai. Vos added that the tolls will go. {Guid.NewGuid():N}";
        var article = new Article("Bridge reopens", body);
        var speaker = Sample.Person("Enna Vos");
        var kept = article.AddStatement(Sample.Span(body, "the bridge reopens in Mai"), StatementKind.Indirect, 0.8, "test");
        kept.AttributeTo(speaker, Sample.Span(body, "Enna Vos"), "test");
        var removed = article.AddStatement(Sample.Span(body, "the tolls will go"), StatementKind.Indirect, 0.8, "test");
        removed.AttributeTo(speaker, Sample.Span(body, "Vos", 2), "test");
        await using (var db = site.CreateContext())
        {
            db.Articles.Add(article);
            await db.SaveChangesAsync();
        }

        var editor = await site.SignedInClientAsync(site.EditorEmail);
        var corrected = body.Replace("in Mai.", "in May.", StringComparison.Ordinal).Replace(" Vos added that the tolls will go.", "", StringComparison.Ordinal);
        var first = await PostAsync(editor, article.Id, new() { ["revision"] = "1", ["body"] = corrected, ["reason"] = "month spelt wrong; tolls line was not said" });
        var stale = await PostAsync(editor, article.Id, new() { ["revision"] = "1", ["body"] = corrected + " More.", ["reason"] = "late" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("Saved as revision 2", await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        await using (var db = site.CreateContext())
        {
            var stored = await db.Articles.SingleAsync(a => a.Id == article.Id);
            Assert.Equal((2, corrected), (stored.CurrentRevision, stored.Body));
            var moved = await db.Statements.SingleAsync(s => s.Id == kept.Id);
            Assert.Equal((AnchorStatus.Anchored, "the bridge reopens in May"), (moved.AnchorStatus, moved.Text));
            Assert.Equal(moved.Text, corrected[moved.Start..moved.End]);
            Assert.Equal(AnchorStatus.Orphaned, (await db.Statements.SingleAsync(s => s.Id == removed.Id)).AnchorStatus);
        }

        var page = await site.Factory.CreateClient().GetStringAsync($"/articles/{article.Id}");
        Assert.Contains($"id=\"s-{kept.Id}\"", page);
        Assert.DoesNotContain($"id=\"s-{removed.Id}\"", page);
        Assert.Contains("No longer in the text", page);
        Assert.Contains("the tolls will go", page);
    }

    [Fact]
    public async Task Should_refuse_an_empty_text_and_keep_the_article()
    {
        var (article, _, _) = Sample.QuotedArticle();
        await using (var db = site.CreateContext())
        {
            db.Articles.Add(article);
            await db.SaveChangesAsync();
        }

        var editor = await site.SignedInClientAsync(site.EditorEmail);
        var response = await PostAsync(editor, article.Id, new() { ["revision"] = "1", ["body"] = "   " });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        await using var check = site.CreateContext();
        Assert.Equal(1, (await check.Articles.SingleAsync(a => a.Id == article.Id)).CurrentRevision);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, long articleId, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await FormToken.FromAsync(client, $"/articles/{articleId}/correct");
        return await client.PostAsync($"/articles/{articleId}/correct", new FormUrlEncodedContent(fields));
    }
}
