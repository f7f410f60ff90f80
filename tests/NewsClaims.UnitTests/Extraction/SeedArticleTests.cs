using System.Text.Json;
using NewsClaims.Extraction;
using Xunit.Abstractions;

namespace NewsClaims.UnitTests.Extraction;

/// <summary>
/// The sample article the product was specified from, read from ../shared/corpus/seed next to the repository
/// (never copied into it). Without the corpus the test records that it was absent and passes.
/// </summary>
public class SeedArticleTests(ITestOutputHelper output)
{
    private static string? SeedDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsClaims.sln")))
            {
                var seed = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpus", "seed"));
                return File.Exists(Path.Combine(seed, "nato-rutte-putin.gold.json")) ? seed : null;
            }
        }

        return null;
    }

    [Fact]
    public void Seed_article_gives_every_gold_statement_with_its_speaker_and_no_non_statement()
    {
        var seed = SeedDirectory();
        if (seed is null)
        {
            output.WriteLine("SKIPPED: ../shared/corpus/seed not found next to the repository; the seed acceptance check runs in `newsclaims eval --gold seed:...`.");
            Assert.Null(seed);
            return;
        }

        using var gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(seed, "nato-rutte-putin.gold.json")));
        var text = File.ReadAllText(Path.Combine(seed, gold.RootElement.GetProperty("file").GetString()!));
        var result = new StatementExtractor().Extract(new ArticleText(text));

        foreach (var g in gold.RootElement.GetProperty("statements").EnumerateArray())
        {
            int start = g.GetProperty("start").GetInt32(), end = g.GetProperty("end").GetInt32();
            var match = result.Statements.FirstOrDefault(s => s.Start < end && start < s.End);
            Assert.True(match is not null, $"gold statement at {start} not found");
            Assert.Equal(g.GetProperty("speaker").GetString(), result.Speakers[match!.SpeakerIndex!.Value].Name);
        }

        foreach (var n in gold.RootElement.GetProperty("not_statements").EnumerateArray())
        {
            int start = n.GetProperty("start").GetInt32(), end = n.GetProperty("end").GetInt32();
            Assert.DoesNotContain(result.Statements, s => s.Start < end && start < s.End && s.End - s.Start <= 3 * (end - start) + 10);
        }

        Assert.Equal("Brussels", result.Statements.First(s => s.Start == 216).Place);
        var when = result.Statements.First(s => s.Text == "intelligent and systematic").When!;
        Assert.Equal(("December 19", (DateOnly?)null, DatePrecision.Day), (when.Text, when.Date, when.Precision));

        var dated = new StatementExtractor().Extract(new ArticleText(text, Published: new DateOnly(2025, 12, 20)));
        Assert.Equal(new DateOnly(2025, 12, 19), dated.Statements.First(s => s.Text == "intelligent and systematic").When!.Date);
        output.WriteLine($"seed article: {result.Statements.Count} statements, {result.Speakers.Count} speakers");
    }
}
