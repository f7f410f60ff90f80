using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.VisualBasic.FileIO;
using NewsClaims.Core.Statements;
using NewsClaims.Data.Exports;

namespace NewsClaims.IntegrationTests.Exports;

/// <summary>The statement exports: complete under the readers' rule, every value as stored, CSV that survives a real parser.</summary>
[Collection(ExportCollection.Name)]
public sealed class StatementExportTests(ExportSiteFixture site)
{
    [Fact]
    public async Task Should_export_every_statement_readers_see_once_as_a_json_line_with_its_stored_values()
    {
        var response = await site.Anonymous().GetAsync("/api/v1/exports/statements.jsonl");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("statements.jsonl", response.Content.Headers.ContentDisposition.FileName?.Trim('"'));
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n');
        Assert.Equal("", lines[^1]);
        var rows = lines[..^1].Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var expected = await StoredAsync(ExportScope.Readers);
        Assert.True(expected.Count > 2_500, $"the generated knowledge base holds a few thousand visible statements, not {expected.Count}");
        Assert.Contains(expected.Values, s => s.ReportedVia is not null);
        Assert.Equal(expected.Keys.Order(), rows.Select(r => r.GetProperty("id").GetInt64()));

        foreach (var row in rows)
        {
            var s = expected[row.GetProperty("id").GetInt64()];
            Assert.Equal(s.Text, row.GetProperty("text").GetString());
            Assert.Equal((s.Start, s.End), (row.GetProperty("start").GetInt32(), row.GetProperty("end").GetInt32()));
            Assert.Equal(s.SpeakerSlug, row.GetProperty("speaker").ValueKind == JsonValueKind.Null ? null : row.GetProperty("speaker").GetProperty("slug").GetString());
            Assert.Equal(s.ArticleTitle, row.GetProperty("article").GetProperty("title").GetString());
            Assert.Equal(KnowledgeBaseExport.Text(s.Status), row.GetProperty("status").GetString());
            Assert.Equal(s.Confidence, row.GetProperty("confidence").GetDouble());
            Assert.EndsWith($"/statements/{s.Id}", row.GetProperty("url").GetString());
            Assert.Equal(s.ReportedVia, row.GetProperty("reportedVia").GetString());
        }

        var awkward = rows.Single(r => r.GetProperty("id").GetInt64() == site.AwkwardStatementId);
        Assert.Equal(ExportSiteFixture.AwkwardWords, awkward.GetProperty("text").GetString());
        Assert.Equal("direct", awkward.GetProperty("kind").GetString());
        Assert.Equal((site.PersonId, site.PersonSlug, "Ines Ferro-Costa"), (awkward.GetProperty("speaker").GetProperty("id").GetInt64(),
            awkward.GetProperty("speaker").GetProperty("slug").GetString(), awkward.GetProperty("speaker").GetProperty("name").GetString()));
        Assert.Equal("Ines Ferro", awkward.GetProperty("mention").GetProperty("text").GetString());
        Assert.Equal("said", awkward.GetProperty("cue").GetProperty("text").GetString());
        Assert.Equal("the hearing", awkward.GetProperty("where").GetString());
        Assert.Equal(("at the hearing", "2026-11-29", "day"), (awkward.GetProperty("when").GetProperty("text").GetString(),
            awkward.GetProperty("when").GetProperty("date").GetString(), awkward.GetProperty("when").GetProperty("precision").GetString()));
        var article = awkward.GetProperty("article");
        Assert.Equal(("Ferro speaks, with \"quotes\", commas", "https://courier.export.test/ferro", "The Export Test Courier", "2026-11-30"),
            (article.GetProperty("title").GetString(), article.GetProperty("url").GetString(), article.GetProperty("outlet").GetString(), article.GetProperty("published").GetString()));
        Assert.Equal("test", awkward.GetProperty("extractorVersion").GetString());
        var unnamed = rows.Single(r => r.GetProperty("id").GetInt64() == site.ShownUnnamedStatementId);
        Assert.Equal(JsonValueKind.Null, unnamed.GetProperty("speaker").ValueKind);
        Assert.Equal("Staff", unnamed.GetProperty("unnamedSource").GetString());
    }

    [Fact]
    public async Task Should_export_statements_as_csv_that_round_trips_through_a_csv_parser_with_the_stored_values()
    {
        var response = await site.Anonymous().GetAsync("/api/v1/exports/statements.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal("statements.csv", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var records = Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(StatementCsvHeader, records[0]);
        var expected = await StoredAsync(ExportScope.Readers);
        var rows = records.Skip(1).Select(r => StatementCsvHeader.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();
        Assert.Equal(expected.Keys.Order(), rows.Select(r => long.Parse(r["id"], CultureInfo.InvariantCulture)));

        foreach (var row in rows)
        {
            var s = expected[long.Parse(row["id"], CultureInfo.InvariantCulture)];
            Assert.Equal(s.Text, row["text"]);
            Assert.Equal((s.Start, s.End), (int.Parse(row["start"], CultureInfo.InvariantCulture), int.Parse(row["end"], CultureInfo.InvariantCulture)));
            Assert.Equal(s.SpeakerSlug ?? "", row["speaker_slug"]);
            Assert.Equal(s.SpeakerName ?? "", row["speaker_name"]);
            Assert.Equal(s.ArticleTitle, row["article_title"]);
            Assert.Equal(s.Outlet ?? "", row["outlet"]);
            Assert.Equal(s.CueText ?? "", row["cue"]);
            Assert.Equal(KnowledgeBaseExport.Text(s.Status), row["status"]);
            Assert.Equal(s.Confidence, double.Parse(row["confidence"], CultureInfo.InvariantCulture));
            Assert.Equal(s.ReportedVia ?? "", row["reported_via"]);
        }

        var awkward = rows.Single(r => r["id"] == site.AwkwardStatementId.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(ExportSiteFixture.AwkwardWords, awkward["text"]);
        Assert.StartsWith("=SUM(A1)", awkward["text"]);
        Assert.Equal("Ferro speaks, with \"quotes\", commas", awkward["article_title"]);
        Assert.Equal(("2026-11-29", "day", "2026-11-30"), (awkward["when_date"], awkward["when_precision"], awkward["published"]));
        Assert.Equal("", rows.Single(r => r["id"] == site.ShownUnnamedStatementId.ToString(CultureInfo.InvariantCulture))["speaker_id"]);
    }

    [Fact]
    public async Task Should_leave_rejected_and_unconfirmed_unnamed_statements_out_for_readers_and_give_an_editor_everything_with_its_status()
    {
        var anonymous = await IdsAsync(site.Anonymous(), "/api/v1/exports/statements.jsonl");
        Assert.DoesNotContain(site.RejectedStatementId, anonymous.Keys);
        Assert.DoesNotContain(site.HiddenUnnamedStatementId, anonymous.Keys);
        Assert.Contains(site.ShownUnnamedStatementId, anonymous.Keys);
        Assert.DoesNotContain("rejected", anonymous.Values);

        var editor = await site.BearerClientAsync(site.EditorEmail);
        var response = await editor.GetAsync("/api/v1/exports/statements.jsonl?scope=all");
        Assert.True(response.Headers.CacheControl is { NoStore: true, Private: true }, "an export with unpublished material must not be kept by shared caches");
        var all = await IdsAsync(editor, "/api/v1/exports/statements.jsonl?scope=all");
        Assert.Equal((await StoredAsync(ExportScope.All)).Keys.Order(), all.Keys.Order());
        Assert.Equal("rejected", all[site.RejectedStatementId]);
        Assert.Equal("published", all[site.HiddenUnnamedStatementId]);
        await using var db = site.CreateContext();
        Assert.Equal(await db.Statements.CountAsync(s => s.Status == StatementStatus.Rejected), all.Values.Count(v => v == "rejected"));

        // The same through the site's sign-in cookie, and in the CSV.
        var cookie = await site.CookieClientAsync(site.EditorEmail);
        var csv = Parse(await cookie.GetStringAsync("/api/v1/exports/statements.csv?scope=all"));
        Assert.Equal(all.Count, csv.Count - 1);
        Assert.Contains(csv, r => r[0] == site.RejectedStatementId.ToString(CultureInfo.InvariantCulture) && r[Array.IndexOf(StatementCsvHeader, "status")] == "rejected");
    }

    [Theory]
    [InlineData("/api/v1/exports/statements.jsonl?scope=all")]
    [InlineData("/api/v1/exports/statements.csv?scope=all")]
    [InlineData("/api/v1/exports/claims.jsonld?scope=all")]
    [InlineData("/api/v1/exports/people.jsonl?scope=all")]
    [InlineData("/api/v1/exports/annotations.jsonld?scope=all")]
    public async Task Should_refuse_the_everything_scope_with_problem_details_unless_an_editor_asks(string path)
    {
        var anonymous = await site.Anonymous().GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType!.MediaType);
        using (var problem = JsonDocument.Parse(await anonymous.Content.ReadAsStringAsync()))
        {
            Assert.Equal(401, problem.RootElement.GetProperty("status").GetInt32());
            Assert.Contains("editor", problem.RootElement.GetProperty("detail").GetString());
        }

        var reader = await (await site.BearerClientAsync(site.ReaderEmail)).GetAsync(path);
        Assert.Equal(HttpStatusCode.Forbidden, reader.StatusCode);
        Assert.Equal("application/problem+json", reader.Content.Headers.ContentType!.MediaType);

        var editor = await (await site.BearerClientAsync(site.EditorEmail)).GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, editor.StatusCode);

        var unknown = await site.Anonymous().GetAsync(path.Replace("scope=all", "scope=everything", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType!.MediaType);
    }

    public static readonly string[] StatementCsvHeader =
    [
        "id", "url", "kind", "text", "start", "end", "speaker_id", "speaker_slug", "speaker_name", "unnamed_source", "mention_text",
        "cue", "where", "when_text", "when_date", "when_precision", "article_id", "article_title", "article_url", "outlet", "published", "reported_via",
        "status", "confidence", "extractor_version",
    ];

    /// <summary>The framework's own RFC 4180 reader (quoted fields may hold quotes, commas and line breaks); nothing trimmed.</summary>
    public static List<string[]> Parse(string csv)
    {
        using var parser = new TextFieldParser(new StringReader(csv)) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
        parser.SetDelimiters(",");
        var records = new List<string[]>();
        while (!parser.EndOfData)
        {
            records.Add(parser.ReadFields() ?? []);
        }

        return records;
    }

    /// <summary>The statements as the database holds them, read without the export's code, under the same rule.</summary>
    private async Task<Dictionary<long, Stored>> StoredAsync(ExportScope scope)
    {
        await using var db = site.CreateContext();
        var statements = scope == ExportScope.All ? db.Statements : db.Statements.Where(ReaderVisibility.IsShown);
        return await statements
            .Select(s => new Stored(s.Id, s.Text, s.Start, s.End, s.Speaker!.Slug, s.Speaker.Name, s.CueText, s.Article!.Title, s.Article.Outlet!.Name, s.Status, s.Confidence, s.ReportedVia ?? s.Article.ReportedVia))
            .ToDictionaryAsync(s => s.Id);
    }

    private static async Task<Dictionary<long, string>> IdsAsync(HttpClient client, string path)
    {
        var text = await client.GetStringAsync(path);
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(r => r.GetProperty("id").GetInt64(), r => r.GetProperty("status").GetString()!);
    }

    private sealed record Stored(
        long Id, string Text, int Start, int End, string? SpeakerSlug, string? SpeakerName, string? CueText, string ArticleTitle, string? Outlet, StatementStatus Status, double Confidence, string? ReportedVia);
}
