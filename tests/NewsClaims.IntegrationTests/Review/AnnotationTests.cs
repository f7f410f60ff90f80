using System.Net;
using AngleSharp.Html.Parser;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Articles;
using NewsClaims.IntegrationTests.Import;
using NewsClaims.IntegrationTests.Infrastructure;

namespace NewsClaims.IntegrationTests.Review;

/// <summary>Notes through the real site: on selected words, beside their passage; Markdown rendered, hostile markup neutralised.</summary>
public sealed class AnnotationTests(ImportSiteFixture site) : IClassFixture<ImportSiteFixture>
{
    public static TheoryData<string> Payloads() =>
    [
        "<script>alert('x')</script>",
        "[click](javascript:alert('x'))",
        "<img src=x onerror=alert('x')>",
        "<iframe src=\"https://evil.example.test\"></iframe>",
        "<a href=\"javascript:alert('x')\">link</a>",
        "<svg onload=alert('x')>",
        "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgneCcpPC9zY3JpcHQ+)",
        "<div style=\"background:url(javascript:alert('x'))\">s</div>",
        "![x](javascript:alert('x'))",
        "<details open ontoggle=alert('x')>",
    ];

    [Fact]
    public async Task Should_annotate_selected_words_and_show_the_note_beside_its_passage_to_readers()
    {
        var (articleId, body) = await SeedAsync();
        var editor = await site.SignedInClientAsync(site.EditorEmail);
        var start = body.IndexOf("the quay will close", StringComparison.Ordinal);

        var created = await PostAsync(editor, articleId, new()
        {
            ["Target"] = "Article", ["TargetId"] = articleId.ToString(), ["Start"] = start.ToString(), ["End"] = (start + 19).ToString(),
            ["Motivation"] = "Questioning", ["Body"] = "Which **quay**? See [the plan](https://plan.example.test/quay).", ["Tags"] = "harbour, dates", ["Publish"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = long.Parse(created.Headers.Location!.OriginalString.Split("#n-")[1]);
        await using (var db = site.CreateContext())
        {
            var note = await db.Annotations.SingleAsync(a => a.Id == id);
            Assert.Equal(("the quay will close", start, start + 19), (note.Selector!.Quote.Exact, note.Selector.Position!.Start, note.Selector.Position.End));
            Assert.Equal(["harbour", "dates"], note.Tags);
        }

        var page = await site.Factory.CreateClient().GetStringAsync($"/articles/{articleId}");
        Assert.Matches($"<span class=\"noted\" data-notes=\"{id}\"[^>]*>the quay will close</span>", page);
        Assert.Contains("<strong>quay</strong>", page);
        Assert.Contains("href=\"https://plan.example.test/quay\"", page);
        Assert.Contains("On “the quay will close”", WebUtility.HtmlDecode(page));
    }

    [Fact]
    public async Task Should_export_published_notes_as_a_w3c_annotation_collection_with_both_selectors()
    {
        var (articleId, body) = await SeedAsync();
        var editor = await site.SignedInClientAsync(site.EditorEmail);
        var start = body.IndexOf("in March", StringComparison.Ordinal);
        await PostAsync(editor, articleId, new()
        {
            ["Target"] = "Article", ["TargetId"] = articleId.ToString(), ["Start"] = start.ToString(), ["End"] = (start + 8).ToString(),
            ["Motivation"] = "Assessing", ["Body"] = "Exported note", ["Tags"] = "export", ["Publish"] = "true",
        });
        await PostAsync(editor, articleId, new() { ["Target"] = "Article", ["TargetId"] = articleId.ToString(), ["Motivation"] = "Commenting", ["Body"] = "Unpublished draft note" });

        using var collection = System.Text.Json.JsonDocument.Parse(await site.Factory.CreateClient().GetStringAsync("/annotations/export.jsonld"));

        var root = collection.RootElement;
        Assert.Equal(("http://www.w3.org/ns/anno.jsonld", "AnnotationCollection"), (root.GetProperty("@context").GetString(), root.GetProperty("type").GetString()));
        var items = root.GetProperty("items").EnumerateArray().ToList();
        await using (var db = site.CreateContext())
        {
            Assert.Equal(await db.Annotations.CountAsync(a => a.Visibility == Core.Annotations.AnnotationVisibility.Published), items.Count);
        }

        Assert.DoesNotContain(items, i => i.GetProperty("body")[0].GetProperty("value").GetString() == "Unpublished draft note");
        var note = Assert.Single(items, i => i.GetProperty("body")[0].GetProperty("value").GetString() == "Exported note");
        Assert.Equal("assessing", note.GetProperty("motivation").GetString());
        Assert.Equal("export", note.GetProperty("body")[1].GetProperty("value").GetString());
        var target = note.GetProperty("target");
        Assert.EndsWith($"/articles/{articleId}", target.GetProperty("source").GetString());
        var selectors = target.GetProperty("selector").EnumerateArray().ToList();
        Assert.Equal("in March", selectors.Single(x => x.GetProperty("type").GetString() == "TextQuoteSelector").GetProperty("exact").GetString());
        var position = selectors.Single(x => x.GetProperty("type").GetString() == "TextPositionSelector");
        Assert.Equal((start, start + 8), (position.GetProperty("start").GetInt32(), position.GetProperty("end").GetInt32()));
    }

    [Fact]
    public async Task Should_publish_a_draft_by_editing_it_refuse_a_stale_edit_with_both_texts_and_show_a_reply()
    {
        var (articleId, _) = await SeedAsync();
        var editor = await site.SignedInClientAsync(site.EditorEmail);
        var created = await PostAsync(editor, articleId, new() { ["Target"] = "Article", ["TargetId"] = articleId.ToString(), ["Motivation"] = "Questioning", ["Body"] = "Draft: which quay?" });
        var id = long.Parse(created.Headers.Location!.OriginalString.Split("#n-")[1]);
        uint seen;
        await using (var db = site.CreateContext())
        {
            seen = (await db.Annotations.SingleAsync(a => a.Id == id)).Version;
        }

        var edited = await PostAsync(editor, articleId, new() { ["version"] = seen.ToString(), ["body"] = "Which quay: north or south?", ["publish"] = "true" }, $"/annotations/{id}/edit");
        var stale = await PostAsync(editor, articleId, new() { ["version"] = seen.ToString(), ["body"] = "A late rewrite", ["publish"] = "true" }, $"/annotations/{id}/edit");
        var reply = await PostAsync(editor, articleId, new() { ["ReplyTo"] = id.ToString(), ["Motivation"] = "Commenting", ["Body"] = "The north quay, says the port office.", ["Publish"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var conflict = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Contains("Which quay: north or south?", conflict);
        Assert.Contains("A late rewrite", conflict);
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        await using (var db = site.CreateContext())
        {
            var note = await db.Annotations.Include(a => a.Revisions).SingleAsync(a => a.Id == id);
            Assert.Equal(("Which quay: north or south?", Core.Annotations.AnnotationVisibility.Published, 2), (note.Body, note.Visibility, note.Revisions.Count));
            var answer = await db.Annotations.SingleAsync(a => a.ParentId == id);
            Assert.Equal(articleId, answer.ArticleId);
        }

        var page = WebUtility.HtmlDecode(await site.Factory.CreateClient().GetStringAsync($"/articles/{articleId}"));
        Assert.Contains("Which quay: north or south?", page);
        Assert.Contains("The north quay, says the port office.", page);
        Assert.DoesNotContain("A late rewrite", page);
    }

    [Fact]
    public async Task Should_show_a_note_on_a_person_on_their_page()
    {
        var (articleId, _) = await SeedAsync();
        var person = Infrastructure.Sample.Person("Lene Aas");
        await using (var db = site.CreateContext())
        {
            db.People.Add(person);
            await db.SaveChangesAsync();
        }

        var editor = await site.SignedInClientAsync(site.EditorEmail);
        var created = await PostAsync(editor, articleId, new() { ["Target"] = "Person", ["TargetId"] = person.Id.ToString(), ["Motivation"] = "Linking", ["Body"] = "Port director since 2019.", ["Publish"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.StartsWith($"/speakers/{person.Slug}#n-", created.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("Port director since 2019.", await site.Factory.CreateClient().GetStringAsync($"/speakers/{person.Slug}"));
    }

    [Fact]
    public async Task Should_keep_a_draft_from_readers_until_it_is_published()
    {
        var (articleId, _) = await SeedAsync();
        var editor = await site.SignedInClientAsync(site.EditorEmail);

        var created = await PostAsync(editor, articleId, new() { ["Target"] = "Article", ["TargetId"] = articleId.ToString(), ["Motivation"] = "Commenting", ["Body"] = "Draft: check the date with the port office." });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.DoesNotContain("check the date with the port office", await site.Factory.CreateClient().GetStringAsync($"/articles/{articleId}"));
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task Should_neutralise_hostile_markup_in_a_note(string payload)
    {
        var (articleId, _) = await SeedAsync();
        var editor = await site.SignedInClientAsync(site.EditorEmail);
        await PostAsync(editor, articleId, new() { ["Target"] = "Article", ["TargetId"] = articleId.ToString(), ["Motivation"] = "Commenting", ["Body"] = "Note " + payload, ["Publish"] = "true" });

        var page = await site.Factory.CreateClient().GetStringAsync($"/articles/{articleId}");
        var notes = new HtmlParser().ParseDocument(page).QuerySelector("section.article-notes");

        // Judged on the parsed page, as a browser sees it: the payload may show as text, never as markup.
        Assert.NotNull(notes);
        Assert.Contains("Note", notes.TextContent);
        Assert.Empty(notes.QuerySelectorAll("script, iframe, img, svg, details, object, embed, style, [style]"));
        Assert.DoesNotContain(notes.QuerySelectorAll("*").SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(notes.QuerySelectorAll("a[href]"), a => !Regex.IsMatch(a.GetAttribute("href")!, "^(https?:|mailto:)", RegexOptions.IgnoreCase));
    }

    [Fact]
    public async Task Should_refuse_a_passage_outside_the_article_and_an_empty_note()
    {
        var (articleId, body) = await SeedAsync();
        var editor = await site.SignedInClientAsync(site.EditorEmail);

        var outside = await PostAsync(editor, articleId, new() { ["Target"] = "Article", ["TargetId"] = articleId.ToString(), ["Start"] = "5", ["End"] = (body.Length + 10).ToString(), ["Motivation"] = "Commenting", ["Body"] = "x" });
        var empty = await PostAsync(editor, articleId, new() { ["Target"] = "Article", ["TargetId"] = articleId.ToString(), ["Motivation"] = "Commenting", ["Body"] = "   " });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, outside.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        await using var db = site.CreateContext();
        Assert.False(await db.Annotations.AnyAsync(a => a.ArticleId == articleId));
    }

    private async Task<(long Id, string Body)> SeedAsync()
    {
        var body = $"Port director Lene Aas said the quay will close in March.\n\nShe gave no reason. {Guid.NewGuid():N}";
        var article = new Article("Quay to close", body);
        await using var db = site.CreateContext();
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return (article.Id, body);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, long articleId, Dictionary<string, string> fields, string path = "/annotations")
    {
        // Reader pages authenticate by cookie only; an editors' page gives the bearer client its token.
        fields["__RequestVerificationToken"] = await FormToken.FromAsync(client, $"/articles/{articleId}/correct");
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }
}
