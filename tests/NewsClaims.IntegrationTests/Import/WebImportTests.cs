using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Statements;

namespace NewsClaims.IntegrationTests.Import;

/// <summary>The site's ways in: the API, the paste form with its preview, file upload and a web address.</summary>
public sealed class WebImportTests(ImportSiteFixture site, PageServer pages) : IClassFixture<ImportSiteFixture>, IClassFixture<PageServer>
{
    [Fact]
    public async Task Should_import_an_article_posted_to_the_api_and_answer_with_its_id_and_statements()
    {
        var client = await site.SignedInClientAsync(site.EditorEmail);
        var body = new
        {
            id = "api-1",
            title = ImportTestKit.VeldenTitle,
            text = ImportTestKit.VeldenBody + "\n\nPosted to the API.",
            url = "https://news.example.test/api/velden",
            outlet = "The Lunport Ledger",
            published = "2025-12-20",
            author = "Ana Pell",
            language = "en",
        };

        var created = await client.PostAsJsonAsync("/api/v1/articles", body);
        var again = await client.PostAsJsonAsync("/api/v1/articles", body);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var id = json.RootElement.GetProperty("id").GetInt64();
        Assert.Equal($"/api/v1/articles/{id}", created.Headers.Location!.OriginalString);
        var statements = json.RootElement.GetProperty("statements").EnumerateArray().ToList();
        var urged = statements.Single(s => s.GetProperty("text").GetString() == "read the new Harbour Strategy before lecturing others");
        Assert.Equal("Oskar Trell", urged.GetProperty("speaker").GetProperty("name").GetString());
        Assert.Equal("oskar-trell", urged.GetProperty("speaker").GetProperty("slug").GetString());
        Assert.Equal("urged", urged.GetProperty("cue").GetProperty("text").GetString());

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using var duplicate = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
        Assert.Equal(id, duplicate.RootElement.GetProperty("id").GetInt64());
        Assert.True(duplicate.RootElement.GetProperty("duplicate").GetBoolean());
        Assert.Equal(statements.Count, duplicate.RootElement.GetProperty("statements").GetArrayLength());

        await using var db = site.CreateContext();
        var article = await db.Articles.SingleAsync(a => a.Id == id);
        var editor = await db.Users.SingleAsync(u => u.Email == site.EditorEmail);
        Assert.Equal(editor.Id, article.ImportedById);
    }

    [Fact]
    public async Task Should_refuse_the_api_to_anonymous_callers_and_to_accounts_that_are_not_editors()
    {
        var anonymous = site.Factory.CreateClient(new() { AllowAutoRedirect = false });
        var reader = await site.SignedInClientAsync(site.ReaderEmail);
        var body = new { title = "Refused", text = "The mayor said nothing would be stored." };

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/articles", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync("/api/v1/articles", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = site.EditorEmail, password = "wrong password" })).StatusCode);
        await using var db = site.CreateContext();
        Assert.False(await db.Articles.AnyAsync(a => a.Title == "Refused"));
    }

    public static TheoryData<string, string, HttpStatusCode, string> BadRequests => new()
    {
        { "application/json", "{\"title\": \"Broken\", \"text\": ", HttpStatusCode.BadRequest, "not valid JSON" },
        { "application/json", "{\"title\": \"No text\"}", HttpStatusCode.BadRequest, "missing \"text\"" },
        { "application/json", "{\"title\": \"Typed\", \"text\": [1, 2]}", HttpStatusCode.BadRequest, "must be a string" },
        { "application/json", "{\"title\": \"Blank\", \"text\": \"   \"}", HttpStatusCode.UnprocessableEntity, "body is empty" },
        { "application/json", "{\"title\": \"Dated\", \"text\": \"The mayor said so.\", \"published\": \"2025-02-30\"}", HttpStatusCode.BadRequest, "2025-02-30" },
        { "text/plain", "The mayor said so.", HttpStatusCode.UnsupportedMediaType, "" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Should_answer_bad_api_input_with_a_problem_naming_it_and_store_nothing(string contentType, string content, HttpStatusCode status, string reason)
    {
        var client = await site.SignedInClientAsync(site.EditorEmail);
        await using var db = site.CreateContext();
        var before = await db.Articles.CountAsync();

        var response = await client.PostAsync("/api/v1/articles", new StringContent(content, Encoding.UTF8, contentType));

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(reason, await DetailAsync(response), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await db.Articles.CountAsync());
    }

    [Fact]
    public async Task Should_refuse_invalid_utf8_and_oversized_bodies_from_the_api()
    {
        var client = await site.SignedInClientAsync(site.EditorEmail);
        byte[] latin1 = [.. "{\"title\":\"Caf"u8, 0xE9, .. "\",\"text\":\"The mayor said the caf"u8, 0xE9, .. " stays open.\"}"u8];
        var huge = JsonSerializer.Serialize(new { title = "Huge", text = new string('a', 3 * 1024 * 1024) });

        var invalid = await client.PostAsync("/api/v1/articles", new ByteArrayContent(latin1) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } });
        var tooLarge = await client.PostAsync("/api/v1/articles", new StringContent(huge, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("not valid UTF-8", await DetailAsync(invalid), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Contains("the limit is 2 MB", await DetailAsync(tooLarge), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_preview_a_pasted_article_without_storing_it_then_import_it()
    {
        var client = await site.SignedInClientAsync(site.EditorEmail);
        var token = await ImportSiteFixture.AntiforgeryTokenAsync(client);
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Title"] = ImportTestKit.VeldenTitle,
            ["Text"] = ImportTestKit.VeldenBody + "\n\nPasted into the form.",
            ["Url"] = "https://news.example.test/pasted/velden",
            ["Outlet"] = "The Lunport Ledger",
            ["Author"] = "Ana Pell",
            ["Published"] = "2025-12-20",
            ["Language"] = "en",
            ["ReportedVia"] = "",
        };
        await using var db = site.CreateContext();
        var before = await db.Articles.CountAsync();

        var preview = await client.PostAsync("/import/preview", new FormUrlEncodedContent(form));
        var previewHtml = await preview.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("read the new Harbour Strategy before lecturing others", previewHtml, StringComparison.Ordinal);
        Assert.Contains("Oskar Trell", previewHtml, StringComparison.Ordinal);
        Assert.Contains("Nothing is stored yet", previewHtml, StringComparison.Ordinal);
        Assert.Equal(before, await db.Articles.CountAsync());

        var saved = await client.PostAsync("/import/paste", new FormUrlEncodedContent(form));
        var savedHtml = await saved.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("1 imported", savedHtml, StringComparison.Ordinal);
        var article = await db.Articles.AsNoTracking().SingleAsync(a => a.CanonicalUrl == "https://news.example.test/pasted/velden");
        Assert.Contains($"href=\"/articles/{article.Id}\"", savedHtml, StringComparison.Ordinal);

        var again = await client.PostAsync("/import/paste", new FormUrlEncodedContent(form));
        Assert.Contains("already imported", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before + 1, await db.Articles.CountAsync());
    }

    [Fact]
    public async Task Should_keep_the_import_pages_for_editors_and_demand_the_antiforgery_token()
    {
        var anonymous = site.Factory.CreateClient(new() { AllowAutoRedirect = false });
        var reader = await site.SignedInClientAsync(site.ReaderEmail);
        var editor = await site.SignedInClientAsync(site.EditorEmail);
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Title"] = "Forged", ["Text"] = "The mayor said the form was forged." });

        var anonymousPage = await anonymous.GetAsync("/import");
        Assert.Equal(HttpStatusCode.Redirect, anonymousPage.StatusCode);
        Assert.Contains("/account/login", anonymousPage.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync("/import")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsync("/import/paste", form)).StatusCode);
        await using var db = site.CreateContext();
        Assert.False(await db.Articles.AnyAsync(a => a.Title == "Forged"));
    }

    [Fact]
    public async Task Should_say_what_is_wrong_with_a_pasted_text_and_keep_what_was_typed()
    {
        var client = await site.SignedInClientAsync(site.EditorEmail);
        var token = await ImportSiteFixture.AntiforgeryTokenAsync(client);
        var tooLong = new string('w', 2 * 1024 * 1024 + 10);

        var empty = await client.PostAsync("/import/preview", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Title"] = "Kept title", ["Text"] = "" }));
        var large = await client.PostAsync("/import/preview", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Title"] = "Large", ["Text"] = tooLong }));

        var emptyHtml = await empty.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Contains("Paste the article", emptyHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"Kept title\"", emptyHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, large.StatusCode);
        Assert.Contains("the limit is 2 MB", await large.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_import_uploaded_files_of_every_format_and_report_each()
    {
        var client = await site.SignedInClientAsync(site.EditorEmail);
        var token = await ImportSiteFixture.AntiforgeryTokenAsync(client);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { File("---\ntitle: Quay lights\npublished: 2025-08-01\n---\nPim Achterberg said the quay lights would be fixed by Friday."), "files", "quay.txt" },
            { File(ImportTestKit.Page("Sluice gates", "Greet Mulder-Oyelaran said the sluice gates would open at dawn.")), "files", "sluice.html" },
            { File("{\"title\":\"Dyke survey\",\"text\":\"Joris Velthuis said the dyke survey was complete.\"}"), "files", "dyke.json" },
            { File("{\"title\":\"Pumps\",\"text\":\"Anouk Sterrenberg said the pumps ran all night.\"}\n{broken\n"), "files", "pumps.jsonl" },
        };

        var response = await client.PostAsync("/import/upload", form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("4 imported, 0 already imported (skipped), 1 rejected", html, StringComparison.Ordinal);
        Assert.Contains("pumps.jsonl:2", html, StringComparison.Ordinal);
        await using var db = site.CreateContext();
        Assert.True(await db.Articles.AnyAsync(a => a.Title == "Sluice gates" && !a.Body.Contains("<")));
        foreach (var speaker in new[] { "Pim Achterberg", "Greet Mulder-Oyelaran", "Joris Velthuis", "Anouk Sterrenberg" })
        {
            Assert.True(await db.Statements.AnyAsync(s => s.Speaker!.Name == speaker), $"no statement by {speaker}");
        }
    }

    [Fact]
    public async Task Should_import_a_web_page_by_its_address_reading_title_date_and_author_from_the_html()
    {
        var client = await site.SignedInClientAsync(site.EditorEmail);
        var token = await ImportSiteFixture.AntiforgeryTokenAsync(client);

        var response = await client.PostAsync("/import/url", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["address"] = pages.BaseUrl + "/go/velden",
        }));

        Assert.Contains("1 imported", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = site.CreateContext();
        var article = await db.Articles.AsNoTracking().Include(a => a.Outlet).SingleAsync(a => a.Body.Contains("Served from the test page server"));
        Assert.Equal((ImportTestKit.VeldenTitle, "Ana Pell", new DateOnly(2025, 12, 20), "The Lunport Ledger"), (article.Title, article.Author, article.PublishedOn!.Value, article.Outlet!.Name));
        Assert.Equal(pages.BaseUrl + "/news/velden", article.CanonicalUrl);
        Assert.DoesNotContain("cookies", article.Body, StringComparison.OrdinalIgnoreCase);
        Assert.True(await db.Statements.AnyAsync(s => s.ArticleId == article.Id && s.Speaker!.Name == "Oskar Trell" && s.Status != StatementStatus.Rejected));
    }

    public static TheoryData<string, string> BadPages => new()
    {
        { "/slow", "did not answer within 2 seconds" },
        { "/loop/0", "redirects more than 5 times" },
        { "/huge", "larger than 5 MB" },
        { "/image", "image/png, not a web page" },
        { "/missing", "answered 404" },
    };

    [Theory]
    [MemberData(nameof(BadPages))]
    public async Task Should_give_up_on_a_bad_web_page_with_a_reason(string path, string reason)
    {
        await using var impatient = site.Factory.WithWebHostBuilder(b => b.UseSetting("Import:FetchTimeout", "00:00:02"));
        var client = impatient.CreateClient(new() { AllowAutoRedirect = false });
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = site.EditorEmail, password = ImportSiteFixture.Password });
        using var tokenJson = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokenJson.RootElement.GetProperty("accessToken").GetString());
        var token = await ImportSiteFixture.AntiforgeryTokenAsync(client);
        await using var db = site.CreateContext();
        var before = await db.Articles.CountAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var response = await client.PostAsync("/import/url", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["address"] = pages.BaseUrl + path,
        }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(reason, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.Equal(before, await db.Articles.CountAsync());
    }

    private static ByteArrayContent File(string text) => new(Encoding.UTF8.GetBytes(text));

    /// <summary>The problem's detail (RFC 9457), or the body as it is when it is not a problem document.</summary>
    private static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return text;
        }

        using var json = JsonDocument.Parse(text);
        return json.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : text;
    }
}
