using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Extraction;
using NewsClaims.IntegrationTests.Infrastructure;

namespace NewsClaims.IntegrationTests.Import;

/// <summary><c>newsclaims import PATH...</c> as a separate process: files and folders in, a summary out, nothing half-done.</summary>
public sealed class ImportCommandTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("newsclaims-import-test-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Should_import_files_and_folders_of_every_format_and_summarise_what_became_of_each()
    {
        var nested = _folder.CreateSubdirectory("nested");
        await File.WriteAllTextAsync(Path.Combine(_folder.FullName, "velden.txt"), ImportTestKit.VeldenText("https://news.example.test/cli/velden"));
        await File.WriteAllTextAsync(Path.Combine(nested.FullName, "sluice.html"), ImportTestKit.Page("Sluice gates", "Greet Mulder-Oyelaran said the sluice gates would open at dawn."));
        await File.WriteAllTextAsync(Path.Combine(nested.FullName, "dyke.json"), "[{\"title\":\"Dyke survey\",\"text\":\"Joris Velthuis said the dyke survey was complete.\"}]");
        await File.WriteAllTextAsync(Path.Combine(nested.FullName, "feed.jsonl"),
            "{\"id\":\"p1\",\"title\":\"Pumps\",\"text\":\"Anouk Sterrenberg said the pumps ran all night.\"}\n{\"id\":\"p2\", broken\n");
        await File.WriteAllTextAsync(Path.Combine(nested.FullName, "notes.md"), "not an article: ignored inside a folder");

        var first = await Cli.RunAsync(database.ConnectionString, "import", _folder.FullName);
        var second = await Cli.RunAsync(database.ConnectionString, "import", _folder.FullName);

        Assert.Equal(2, first.ExitCode);
        Assert.Contains("Imported:   4 articles", first.Output, StringComparison.Ordinal);
        Assert.Contains("Rejected:   1", first.Output, StringComparison.Ordinal);
        Assert.Contains("feed.jsonl:2: rejected: not valid JSON", first.Errors, StringComparison.Ordinal);
        Assert.Contains("newsclaims: 1 of 5 articles were rejected", first.Errors, StringComparison.Ordinal);
        Assert.Contains("Duplicates: 4 skipped", second.Output, StringComparison.Ordinal);
        Assert.Contains("Imported:   0 articles", second.Output, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        string[] titles = [ImportTestKit.VeldenTitle, "Sluice gates", "Dyke survey", "Pumps"];
        Assert.Equal(4, await db.Articles.CountAsync(a => titles.Contains(a.Title)));
        Assert.Equal(1, await db.People.CountAsync(p => p.Name == "Oskar Trell"));
    }

    [Fact]
    public async Task Should_say_which_path_is_missing_and_exit_2()
    {
        var result = await Cli.RunAsync(database.ConnectionString, "import", Path.Combine(_folder.FullName, "nowhere.jsonl"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nowhere.jsonl: no such file or folder", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_leave_no_partial_article_when_killed_midway_and_complete_on_a_rerun()
    {
        const int count = 1500;
        var file = Path.Combine(_folder.FullName, "many.jsonl");
        await File.WriteAllLinesAsync(file, Enumerable.Range(1, count).Select(Line), new UTF8Encoding(false));
        var small = new Dictionary<string, string> { ["Import__BatchSize"] = "25" };
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString;

        using (var process = Cli.Start(connection, small, "import", "--quiet", file))
        {
            await using var db = database.CreateContext();
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (await db.Articles.CountAsync() < 100 && !process.HasExited && waited.Elapsed < TimeSpan.FromMinutes(2))
            {
                await Task.Delay(50);
            }

            Assert.False(process.HasExited, "the import finished before it could be killed: make the file larger");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        int stored;
        await using (var db = database.CreateContext())
        {
            stored = await db.Articles.CountAsync();
            Assert.InRange(stored, 100, count - 1);
            await AssertEveryArticleIsWholeAsync();
        }

        var rerun = await Cli.RunAsync(database.ConnectionString, "import", "--quiet", file);

        Assert.Equal(0, rerun.ExitCode);
        Assert.Contains($"Imported:   {count - stored:N0} articles", rerun.Output, StringComparison.Ordinal);
        Assert.Contains($"Duplicates: {stored:N0} skipped", rerun.Output, StringComparison.Ordinal);
        await using var check = database.CreateContext();
        Assert.Equal(count, await check.Articles.CountAsync());
        await AssertEveryArticleIsWholeAsync();
    }

    /// <summary>Each stored article has its first revision and exactly the statements the engine finds in its text.</summary>
    private async Task AssertEveryArticleIsWholeAsync()
    {
        await using var db = database.CreateContext();
        var articles = await db.Articles.AsNoTracking()
            .Select(a => new { a.Id, a.Title, a.Body, a.PublishedOn, Outlet = a.Outlet != null ? a.Outlet.Name : null, Revisions = a.Revisions.Count, Statements = a.Statements.Count })
            .ToListAsync();
        var extractor = new StatementExtractor();
        Assert.All(articles, a =>
        {
            Assert.Equal(1, a.Revisions);
            Assert.Equal(extractor.Extract(new ArticleText(a.Body, a.Title, a.PublishedOn, a.Outlet)).Statements.Count, a.Statements);
        });
    }

    /// <summary>An invented article per number: different people and words, so each is new and has statements.</summary>
    private static string Line(int n) => JsonSerializer.Serialize(new
    {
        id = $"many-{n}",
        title = $"Harbour bulletin {n}",
        outlet = n % 2 == 0 ? "The Lunport Ledger" : "Coastal Wire",
        published = new DateOnly(2025, 1, 1).AddDays(n % 300).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        text = $"Harbour master Elin Vos{n} said berth {n} would reopen after repairs to the quay wall.\n\n" +
            $"“We expect the first ships at berth {n} within a week,” Vos{n} said on Monday.\n\n" +
            $"Port engineer Tamsin Oyelowo{n % 37} warned that the dredging budget for berth {n} was running short.",
    });
}
