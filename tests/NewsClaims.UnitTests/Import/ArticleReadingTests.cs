using System.Text;
using NewsClaims.Data.Import;

namespace NewsClaims.UnitTests.Import;

/// <summary>Reading articles from bytes: every problem becomes a reason naming it, never an exception.</summary>
public class ArticleReadingTests
{
    private static readonly ImportOptions Options = new();

    [Fact]
    public void Should_read_json_with_the_corpus_spellings_of_its_fields()
    {
        var item = JsonArticle.Parse(Encoding.UTF8.GetBytes("{\"doc_id\":\"d1\",\"publisher\":\"Wire\",\"publication_date\":\"2016-03-02T10:00:00Z\",\"title\":\"T\",\"body\":\"B\",\"author\":[\"A\",\"C\"]}"), "in.jsonl:3");

        Assert.Equal("in.jsonl:3 (id d1)", item.Origin);
        Assert.Equal(new ArticleSubmission("T", "B", Outlet: "Wire", Author: "A, C", Published: new DateOnly(2016, 3, 2)), item.Submission);
    }

    [Theory]
    [InlineData("{\"text\":\"x\",\"published\":\"2025-02-30\"}", "\"published\": \"2025-02-30\" is not a real date")]
    [InlineData("{\"text\":\"x\",\"published\":\"yesterday\"}", "is not a real date in the form YYYY-MM-DD")]
    [InlineData("{\"text\":\"x\",\"title\":7}", "\"title\" must be a string, not a number")]
    [InlineData("{\"text\":\"x\",\"author\":{\"name\":\"A\"}}", "\"author\" must be a string or a list of strings")]
    [InlineData("{\"title\":\"x\"}", "missing \"text\"")]
    [InlineData("\"just a string\"", "expected a JSON object, found a string")]
    [InlineData("{\"text\": \"x\",}", "not valid JSON")]
    [InlineData("{\"id\":\"\\ud800\",\"text\":\"x\"}", "lone UTF-16 surrogate")]
    [InlineData("{\"text\":\"a \\udc00 b\"}", "lone UTF-16 surrogate")]
    public void Should_name_what_is_wrong_with_a_json_article(string json, string problem)
    {
        var item = JsonArticle.Parse(Encoding.UTF8.GetBytes(json), "in.json");

        Assert.Null(item.Submission);
        Assert.Contains(problem, item.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_number_json_lines_skip_blank_ones_and_refuse_an_overlong_one_unread()
    {
        var options = new ImportOptions { MaxBodyBytes = 100 };
        var overlong = "{\"text\":\"" + new string('x', 1024 * 1024) + "\"}";
        var bytes = Encoding.UTF8.GetBytes("{\"text\":\"a\"}\n\n   \n" + overlong + "\r\n{\"text\":\"b\"}");

        var items = ArticleFiles.Read("feed.jsonl", bytes, new ImportOptions()).ToList();
        var file = Path.Combine(Path.GetTempPath(), $"newsclaims-{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(file, "{\"text\":\"a\"}\n" + overlong + "\n");
        List<ImportItem> limited;
        try
        {
            limited = ArticleFiles.Read(file, options).ToList();
        }
        finally
        {
            File.Delete(file);
        }

        Assert.Equal(["feed.jsonl:1", "feed.jsonl:4", "feed.jsonl:5"], items.Select(i => i.Origin));
        Assert.All(items, i => Assert.NotNull(i.Submission));
        Assert.Equal("b", items[2].Submission!.Body);
        Assert.Equal(2, limited.Count);
        Assert.NotNull(limited[0].Submission);
        Assert.Contains("1 MB is far over the 0.1 kB limit", limited[1].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_invalid_utf8_with_the_offset_and_binary_data()
    {
        Assert.False(ArticleFiles.TryDecode([(byte)'a', (byte)'b', 0xC3, 0x28], out _, out var invalid));
        Assert.Contains("offset 2", invalid, StringComparison.Ordinal);
        Assert.False(ArticleFiles.TryDecode([(byte)'a', 0, (byte)'b'], out _, out var binary));
        Assert.Contains("binary", binary, StringComparison.Ordinal);
        Assert.True(ArticleFiles.TryDecode([0xEF, 0xBB, 0xBF, .. "Zoë"u8], out var text, out _));
        Assert.Equal("Zoë", text);
    }

    [Fact]
    public void Should_read_a_json_file_holding_a_list_of_articles()
    {
        var items = ArticleFiles.Read("list.json", Encoding.UTF8.GetBytes("[{\"text\":\"a\"},{\"title\":\"no text\"}]"), Options).ToList();

        Assert.Equal(["list.json[0]", "list.json[1]"], items.Select(i => i.Origin));
        Assert.NotNull(items[0].Submission);
        Assert.Contains("missing \"text\"", items[1].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_read_title_date_author_outlet_and_language_from_a_page()
    {
        const string page = """
            <html lang="pt_BR"><head><title>Ferry strike | Coastal Wire</title>
            <meta property="og:site_name" content="Coastal Wire">
            <link rel="canonical" href="/news/ferry-strike">
            <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-11-05T09:00:00+01:00","author":{"@type":"Person","name":"Rui Falcão"}}</script>
            </head><body><nav>Menu</nav><article><h1>Ferry strike</h1><p>Ferry crews said the strike would last two days.</p></article></body></html>
            """;

        var article = HtmlArticle.Parse(page, "https://wire.example.test/news/ferry-strike?ref=home");

        Assert.Equal(("Ferry strike | Coastal Wire", "Coastal Wire", "Rui Falcão", new DateOnly(2024, 11, 5), "pt-br"), (article.Title, article.Outlet, article.Author, article.Published!.Value, article.Language));
        Assert.Equal("https://wire.example.test/news/ferry-strike", article.Url);
        Assert.Contains("Ferry crews said the strike would last two days.", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Menu", article.Body, StringComparison.Ordinal);
    }
}
