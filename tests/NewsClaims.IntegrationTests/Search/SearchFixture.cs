using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NewsClaims.Core.Articles;
using NewsClaims.Core.Outlets;
using NewsClaims.Core.Statements;
using NewsClaims.Data.Demo;
using NewsClaims.Data.Import;
using NewsClaims.IntegrationTests.Infrastructure;
using NewsClaims.IntegrationTests.Web;

namespace NewsClaims.IntegrationTests.Search;

/// <summary>
/// The real site on a fresh database with the demo articles, the sample article from the shared corpus (when it is
/// there) and a few statements made for search: accents, another language, the same quote in two articles.
/// </summary>
public sealed class SearchFixture : DatabaseFixture
{
    private NewsClaimsWebFactory? _root;

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>Null when the shared corpus is not beside the repository.</summary>
    public long? SampleArticleId { get; private set; }

    public static string SampleArticleMissing => $"The sample article is not at {SampleArticlePath}; its acceptance checks were not run.";

    public static string SampleArticlePath { get; } = Path.Combine(RepositoryRoot(), "..", "shared", "corpus", "seed", "nato-rutte-putin.txt");

    public long DejaVu { get; private set; }

    public long Ostrovia { get; private set; }

    public long German { get; private set; }

    public long HarbourPlan { get; private set; }

    public long HarbourPlanRetold { get; private set; }

    public string VeldenSlug { get; private set; } = "";

    public long OutletId { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _root = new NewsClaimsWebFactory(ConnectionString);
        Factory = _root.WithWebHostBuilder(b => b.UseSetting("Search:RateLimit:PermitLimit", "100000"));
        Client = Factory.CreateClient();
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().LoadAsync(CancellationToken.None);
            if (File.Exists(SampleArticlePath))
            {
                var importer = scope.ServiceProvider.GetRequiredService<ArticleImporter>();
                var outcome = await importer.ImportAsync(PlainTextArticle.Parse(await File.ReadAllTextAsync(SampleArticlePath)), null, CancellationToken.None);
                SampleArticleId = outcome switch
                {
                    ImportOutcome.Imported imported => imported.ArticleId,
                    ImportOutcome.Duplicate duplicate => duplicate.ExistingArticleId,
                    _ => throw new InvalidOperationException($"The sample article was not imported: {outcome}"),
                };
            }
        }

        await using var context = CreateContext();
        var outlet = new Outlet(Sample.Unique("Lunport Gazette"));
        var velden = Sample.Person("Mara Velden");
        var brandt = Sample.Person("Zoë Brandt");
        var article = new Article("Harbour League chief warns of 'fatal' offensive", Sample.UniqueBody(), outlet: outlet, publishedOn: new DateOnly(2024, 3, 1));
        var dejaVu = article.AddStatement(Sample.Span(article.Body, "déjà vu all over again"), StatementKind.Direct, 0.9);
        dejaVu.AttributeTo(brandt, Sample.Span(article.Body, "Zoë Brandt"), "test");
        var ostrovia = article.AddStatement(Sample.Span(article.Body, "a new offensive by Ostrovia would prove 'fatal' for its government"), StatementKind.Mixed, 0.9);
        ostrovia.AttributeTo(velden, Sample.Span(article.Body, "Mara Velden"), "test");

        var german = new Article("Hafengespräche gescheitert", $"Ministerin Greta Albers sagte, die Verhandlungen seien gescheitert. {Guid.NewGuid():N}", language: "de", publishedOn: new DateOnly(2023, 5, 2));
        var germanStatement = german.AddStatement(Sample.Span(german.Body, "die Verhandlungen seien gescheitert"), StatementKind.Indirect, 0.8);
        germanStatement.AttributeTo(Sample.Person("Greta Albers"), Sample.Span(german.Body, "Greta Albers"), "test");

        var first = new Article("Velden stands firm", $"Velden said: 'We will not back down from the harbour plan, whatever it costs.' {Guid.NewGuid():N}", publishedOn: new DateOnly(2025, 1, 10));
        var plan = first.AddStatement(Sample.Span(first.Body, "We will not back down from the harbour plan, whatever it costs."), StatementKind.Direct, 0.9);
        plan.AttributeTo(velden, Sample.Span(first.Body, "Velden"), "test");
        var second = new Article("Harbour row goes on", $"Velden told reporters 'we will not back down from the harbour plan whatever it costs' on Monday. {Guid.NewGuid():N}", publishedOn: new DateOnly(2025, 1, 12));
        var retold = second.AddStatement(Sample.Span(second.Body, "we will not back down from the harbour plan whatever it costs"), StatementKind.Direct, 0.9);
        retold.AttributeTo(velden, Sample.Span(second.Body, "Velden"), "test");

        context.AddRange(article, german, first, second);
        await context.SaveChangesAsync();
        (DejaVu, Ostrovia, German, HarbourPlan, HarbourPlanRetold) = (dejaVu.Id, ostrovia.Id, germanStatement.Id, plan.Id, retold.Id);
        (VeldenSlug, OutletId) = (velden.Slug, outlet.Id);
    }

    public override async Task DisposeAsync()
    {
        Client?.Dispose();
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        if (_root is not null)
        {
            await _root.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    /// <summary>GET on the JSON API; fails the test on anything but 200.</summary>
    public async Task<JsonElement> ApiAsync(string pathAndQuery)
    {
        using var response = await Client.GetAsync(pathAndQuery);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{pathAndQuery} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static IReadOnlyList<long> StatementIds(JsonElement result) =>
        [.. result.GetProperty("statements").GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetInt64())];

    /// <summary>The statements found by their words; empty when the search fell back to a respelling or to likeness.</summary>
    public static IReadOnlyList<long> WordMatchIds(JsonElement result) =>
        result.GetProperty("match").GetString() == "words" ? StatementIds(result) : [];

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NewsClaims.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? AppContext.BaseDirectory;
    }
}
