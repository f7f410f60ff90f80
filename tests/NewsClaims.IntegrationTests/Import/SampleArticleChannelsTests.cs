using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Data.Import;
using Npgsql;
using Xunit.Abstractions;

namespace NewsClaims.IntegrationTests.Import;

/// <summary>
/// The acceptance check of the import: one article through the command line, the API, the paste form and as an
/// HTML file gives the same statements by the same people, each person created once, and importing it again
/// by any channel creates nothing. Run on the invented sample always, and on the shared corpus's sample article
/// (read in place, never copied) when it is next to the repository.
/// </summary>
public sealed class SampleArticleChannelsTests(ImportSiteFixture site, ITestOutputHelper output) : IClassFixture<ImportSiteFixture>
{
    [Fact]
    public async Task Should_give_the_invented_sample_the_same_statements_and_people_through_every_channel()
    {
        var statements = await ImportThroughEveryChannelAsync("velden.txt", ImportTestKit.VeldenText());

        Assert.Contains(("read the new Harbour Strategy before lecturing others", (string?)"Oskar Trell", "Direct"), statements);
        Assert.Contains(statements, s => s.Speaker == "Mara Velden" && s.Text.StartsWith("the next Ostrovian offensive", StringComparison.Ordinal));
        await AssertPeopleAsync(("Mara Velden", ["Velden"]), ("Oskar Trell", ["Trell"]));
    }

    [Fact]
    public async Task Should_give_the_sample_article_its_gold_statements_and_two_people_through_every_channel()
    {
        var seed = ImportTestKit.SeedArticle();
        if (seed is null)
        {
            output.WriteLine("../shared/corpus/seed is not next to the repository: the invented sample above covers the channels.");
            Assert.Null(ImportTestKit.SeedArticle());
            return;
        }

        var statements = await ImportThroughEveryChannelAsync(Path.GetFileName(seed), await File.ReadAllTextAsync(seed));

        using var gold = JsonDocument.Parse(await File.ReadAllTextAsync(Path.ChangeExtension(seed, ".gold.json")));
        foreach (var expected in gold.RootElement.GetProperty("statements").EnumerateArray())
        {
            var text = expected.GetProperty("text").GetString()!;
            var speaker = expected.GetProperty("speaker").GetString();
            Assert.True(statements.Any(s => s.Speaker == speaker && (s.Text.Contains(text, StringComparison.Ordinal) || text.Contains(s.Text, StringComparison.Ordinal))),
                $"gold statement by {speaker} not stored: {text}");
        }

        output.WriteLine($"{statements.Count} statements stored; the gold file lists {gold.RootElement.GetProperty("statements").GetArrayLength()}.");
        await AssertPeopleAsync(
            ("Mark Rutte", ["Rutte", "NATO Secretary General", "the NATO leader"]),
            ("Vladimir Putin", ["Putin", "Russian President"]));
    }

    /// <summary>Imports the file through each channel into an emptied knowledge base; returns the (common) statements.</summary>
    private async Task<List<(string Text, string? Speaker, string Kind)>> ImportThroughEveryChannelAsync(string fileName, string fileText)
    {
        var submission = PlainTextArticle.Parse(fileText);
        var byChannel = new Dictionary<string, List<(string Text, string? Speaker, string Kind)>>();
        var folder = Directory.CreateTempSubdirectory("newsclaims-sample-");
        try
        {
            var file = Path.Combine(folder.FullName, fileName);
            await File.WriteAllTextAsync(file, fileText);
            var client = await site.SignedInClientAsync(site.EditorEmail);

            await EmptyAsync();
            var cli = await Cli.RunAsync(site.ConnectionString, "import", file);
            Assert.True(cli.ExitCode == 0, cli.Errors);
            byChannel["command line"] = await StoredAsync();

            await EmptyAsync();
            var api = await client.PostAsJsonAsync("/api/v1/articles", ApiBody(submission));
            Assert.Equal(HttpStatusCode.Created, api.StatusCode);
            byChannel["API"] = await StoredAsync();

            await EmptyAsync();
            var paste = await client.PostAsync("/import/paste", new FormUrlEncodedContent(await FormAsync(client, submission)));
            Assert.Contains("1 imported", await paste.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            byChannel["paste form"] = await StoredAsync();

            await EmptyAsync();
            var page = ImportTestKit.Page(submission.Title, submission.Body, submission.Url, submission.Author, submission.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), submission.Outlet);
            using var upload = new MultipartFormDataContent
            {
                { new StringContent(await ImportSiteFixture.AntiforgeryTokenAsync(client)), "__RequestVerificationToken" },
                { new ByteArrayContent(ImportTestKit.Utf8(page)), "files", Path.ChangeExtension(fileName, ".html") },
            };
            var html = await client.PostAsync("/import/upload", upload);
            Assert.Contains("1 imported", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            byChannel["HTML file"] = await StoredAsync();

            var reference = byChannel["command line"];
            Assert.NotEmpty(reference);
            foreach (var (channel, statements) in byChannel)
            {
                Assert.True(reference.SequenceEqual(statements), $"{channel} stored other statements than the command line:\n{string.Join("\n", statements)}");
            }

            // Again, by every channel: nothing new.
            await using var db = site.CreateContext();
            var before = await ImportTestKit.CountsAsync(db);
            Assert.Contains("Duplicates: 1 skipped", (await Cli.RunAsync(site.ConnectionString, "import", file)).Output, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/articles", ApiBody(submission))).StatusCode);
            Assert.Contains("already imported", await (await client.PostAsync("/import/paste", new FormUrlEncodedContent(await FormAsync(client, submission)))).Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(before, await ImportTestKit.CountsAsync(db));
            return reference;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private async Task AssertPeopleAsync(params (string Name, string[] Aliases)[] expected)
    {
        await using var db = site.CreateContext();
        var speakers = await db.People.AsNoTracking()
            .Where(p => db.Statements.Any(s => s.SpeakerId == p.Id))
            .Include(p => p.Aliases)
            .ToListAsync();
        Assert.Equal(expected.Select(e => e.Name).Order(), speakers.Select(p => p.Name).Order());
        foreach (var (name, aliases) in expected)
        {
            var person = speakers.Single(p => p.Name == name);
            Assert.All(aliases, alias => Assert.Contains(alias, person.Aliases.Select(a => a.Alias)));
        }

        Assert.Equal(speakers.Count, await db.People.CountAsync(p => expected.Select(e => e.Name).Contains(p.Name)));
    }

    private async Task<List<(string Text, string? Speaker, string Kind)>> StoredAsync()
    {
        await using var db = site.CreateContext();
        var id = await db.Articles.Select(a => a.Id).SingleAsync();
        return await ImportTestKit.StatementsAsync(db, id);
    }

    private async Task EmptyAsync()
    {
        await using var connection = await site.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("TRUNCATE articles, people, outlets, quote_groups RESTART IDENTITY CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static object ApiBody(ArticleSubmission s) => new
    {
        title = s.Title,
        text = s.Body,
        url = s.Url,
        outlet = s.Outlet,
        author = s.Author,
        published = s.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        language = s.Language,
    };

    private static async Task<Dictionary<string, string>> FormAsync(HttpClient client, ArticleSubmission s) => new()
    {
        ["__RequestVerificationToken"] = await ImportSiteFixture.AntiforgeryTokenAsync(client),
        ["Title"] = s.Title,
        ["Text"] = s.Body,
        ["Url"] = s.Url ?? "",
        ["Outlet"] = s.Outlet ?? "",
        ["Author"] = s.Author ?? "",
        ["Published"] = s.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
        ["Language"] = s.Language ?? "en",
    };
}
