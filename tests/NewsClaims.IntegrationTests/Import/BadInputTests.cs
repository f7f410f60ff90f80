using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NewsClaims.Data.Import;
using NewsClaims.IntegrationTests.Infrastructure;

namespace NewsClaims.IntegrationTests.Import;

/// <summary>Every bad input gets a clear reason naming the problem, stores nothing, and the import goes on.</summary>
public sealed class BadInputTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private readonly ServiceProvider _services = ImportTestKit.Services(database.ConnectionString, o => o.MaxBodyBytes = 64 * 1024);

    public void Dispose() => _services.Dispose();

    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "empty.txt", "", "empty" },
        { "blank.txt", "   \n\t\n  ", "empty" },
        { "blank-body.txt", "---\ntitle: Only a title\n---\n   \n", "empty" },
        { "impossible-date.txt", "---\ntitle: A day that never was\npublished: 2025-02-30\n---\nThe mayor said the ferry would run.", "2025-02-30" },
        { "future-date.txt", "---\ntitle: From the future\npublished: 2999-01-01\n---\nThe mayor said the ferry would run.", "future" },
        { "unclosed.txt", "---\ntitle: Never closed\nThe mayor said the ferry would run.", "never closed" },
        { "bad-language.json", "{\"title\":\"T\",\"text\":\"The mayor said the ferry would run.\",\"language\":\"English\"}", "language" },
        { "no-text.json", "{\"title\":\"Only a title\"}", "missing \"text\"" },
        { "wrong-type.json", "{\"title\":\"T\",\"text\":42}", "must be a string" },
        { "not-an-object.json", "42", "expected a JSON object" },
        { "broken.json", "{\"title\": \"T\", \"text\": ", "not valid JSON" },
        { "bad-url.json", "{\"title\":\"T\",\"text\":\"The mayor said the ferry would run.\",\"url\":\"ftp://files.example.test/a\"}", "not an absolute http or https address" },
        { "slides.pdf", "%PDF-1.7", "unsupported file type" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Should_reject_a_bad_file_with_a_reason_and_store_nothing(string name, string content, string reason)
    {
        await using var db = database.CreateContext();
        var before = await ImportTestKit.CountsAsync(db);

        var results = await _services.ImportAsync(ArticleFiles.Read(name, Encoding.UTF8.GetBytes(content), new ImportOptions()).ToList());

        var result = Assert.Single(results);
        Assert.StartsWith(name, result.Origin, StringComparison.Ordinal);
        Assert.Contains(reason, result.Outcome.Reason(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await ImportTestKit.CountsAsync(db));
    }

    [Fact]
    public async Task Should_reject_a_body_over_the_configured_limit_naming_both_sizes()
    {
        var body = string.Join("\n\n", Enumerable.Repeat("The harbour master said the cranes would be replaced before winter.", 1200));

        var outcome = await _services.ImportAsync(new ArticleSubmission("Too long", body));

        Assert.Contains("the limit is 64 kB", outcome.Reason(), StringComparison.Ordinal);
        Assert.Contains("kB", outcome.Reason().Split(';')[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_a_file_far_over_the_limit_without_reading_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"newsclaims-huge-{Guid.NewGuid():N}.txt");
        using (var file = File.Create(path))
        {
            file.SetLength(50L * 1024 * 1024);
        }

        try
        {
            var options = new ImportOptions();
            var item = Assert.Single(ArticleFiles.Read(path, options));
            Assert.Contains("50 MB is far over the 2 MB limit", item.Problem, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Should_reject_invalid_utf8_and_binary_data_naming_the_problem()
    {
        byte[] latin1 = [.. "---\ntitle: Caf"u8, 0xE9, .. "\n---\nThe mayor said the caf"u8, 0xE9, .. " stays open."u8];
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

        var results = await _services.ImportAsync([.. ArticleFiles.Read("latin1.txt", latin1, new ImportOptions()), .. ArticleFiles.Read("image.txt", png, new ImportOptions()), .. ArticleFiles.Read("image.html", png, new ImportOptions())]);

        Assert.Contains("not valid UTF-8", results[0].Outcome.Reason(), StringComparison.Ordinal);
        Assert.Contains("offset 14", results[0].Outcome.Reason(), StringComparison.Ordinal);
        Assert.Contains("binary data", results[1].Outcome.Reason(), StringComparison.Ordinal);
        Assert.Contains("binary data", results[2].Outcome.Reason(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_reject_a_malformed_json_line_with_its_number_and_import_the_rest()
    {
        var lines = string.Join('\n',
            "{\"id\":\"a\",\"title\":\"Lock repairs\",\"text\":\"The lock keeper, Bram Oosterhuis, said the repairs would take a week.\",\"published\":\"2025-07-01\"}",
            "{\"id\":\"b\",\"title\":\"Broken\",\"text\":\"unterminated",
            "",
            "{\"id\":\"c\",\"title\":\"Lock reopens\",\"text\":\"Bram Oosterhuis said the lock would reopen on Friday morning.\",\"published\":\"2025-07-08\"}",
            "{\"id\":\"d\",\"title\":\"Bad date\",\"text\":\"Bram Oosterhuis said nothing at all.\",\"published\":\"2025-13-01\"}");
        byte[] bytes = [.. Encoding.UTF8.GetBytes(lines), (byte)'\n', .. "{\"id\":\"e\",\"text\":\"Caf"u8, 0xE9, .. "\"}"u8];

        var results = await _services.ImportAsync(ArticleFiles.Read("feed.jsonl", bytes, new ImportOptions()).ToList());

        Assert.Equal(["feed.jsonl:1 (id a)", "feed.jsonl:2", "feed.jsonl:4 (id c)", "feed.jsonl:5", "feed.jsonl:6"], results.Select(r => r.Origin));
        Assert.IsType<ImportOutcome.Imported>(results[0].Outcome);
        Assert.Contains("not valid JSON", results[1].Outcome.Reason(), StringComparison.Ordinal);
        Assert.IsType<ImportOutcome.Imported>(results[2].Outcome);
        Assert.Contains("2025-13-01", results[3].Outcome.Reason(), StringComparison.Ordinal);
        Assert.Contains("not valid UTF-8", results[4].Outcome.Reason(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_keep_only_the_text_of_html_full_of_scripts_styles_and_frames()
    {
        var page = ImportTestKit.Page("Dredging to start", "The harbour master, Liv Sandvoll, said dredging would start in March.\n\n“We cannot wait another season,” Sandvoll said.");

        var result = Assert.Single(await _services.ImportAsync(ArticleFiles.Read("dredging.html", ImportTestKit.Utf8(page), new ImportOptions()).ToList()));

        await using var db = database.CreateContext();
        var article = await db.Articles.FindAsync(result.Outcome.ArticleId());
        Assert.Equal("Dredging to start", article!.Title);
        Assert.Equal(new DateOnly(2025, 12, 20), article.PublishedOn);
        Assert.Equal("Ana Pell", article.Author);
        Assert.Equal("en-gb", article.Language);
        Assert.StartsWith("The harbour master, Liv Sandvoll, said", article.Body, StringComparison.Ordinal);
        Assert.Contains("\n\n“We cannot wait another season,”", article.Body, StringComparison.Ordinal);
        foreach (var junk in new[] { "<", "script", "tracker", "injected", "alert", "Advertisement", "cookies", "Enable scripts", "font-family", "World" })
        {
            Assert.DoesNotContain(junk, article.Body, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Should_turn_markup_in_a_json_text_into_plain_paragraphs()
    {
        var json = "{\"title\":\"Tolls <b>frozen</b>\",\"text\":\"<p>The bridge authority said tolls would stay frozen.</p><script>steal()</script><p>Its chair, Runa Takahashi-Berg, said the budget allowed it.</p>\"}";

        var result = Assert.Single(await _services.ImportAsync(ArticleFiles.Read("tolls.json", ImportTestKit.Utf8(json), new ImportOptions()).ToList()));

        await using var db = database.CreateContext();
        var article = await db.Articles.FindAsync(result.Outcome.ArticleId());
        Assert.Equal("Tolls frozen", article!.Title);
        Assert.Equal("The bridge authority said tolls would stay frozen.\n\nIts chair, Runa Takahashi-Berg, said the budget allowed it.", article.Body);
    }
}
