using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsClaims.Data;
using NewsClaims.Data.Identity;
using NewsClaims.Data.Import;

namespace NewsClaims.IntegrationTests.Import;

/// <summary>
/// Invented articles (fictional people and places) and the helpers the import tests share: the pipeline wired
/// as the site wires it, on a test database, and the stored statements read back for comparison.
/// </summary>
internal static class ImportTestKit
{
    /// <summary>
    /// The invented counterpart of the sample article: a secretary general's warning "in Lunport", a president's
    /// reply "during his annual live broadcast on December 19", a second-hand source in quote marks, scare quotes.
    /// </summary>
    public const string VeldenTitle = "Harbour League Warns of Ostrovian Offensive, Citing 'Fatal' Risk for Kessa";

    public const string VeldenBody =
        "Harbour League Secretary General Mara Velden has issued a stark warning, saying that the next Ostrovian offensive against Varland could prove ‘fatal’ for Kessa.\n\n" +
        "Speaking in Lunport, Velden described the current situation as the most dangerous since the founding of the League.\n\n" +
        "Her remarks, as reported by ‘Kessa Today,’ were echoed by several member states.\n\n" +
        "This approach, she argued, would strengthen Varland’s defences and deter further aggression.\n\n" +
        "Ostrovian President Oskar Trell, however, offered a different view.\n\n" +
        "During his annual live broadcast on December 19, he called Velden ‘intelligent and systematic’ but said her warnings were exaggerated.\n\n" +
        "Trell’s remarks were laced with defiance and scepticism.\n\n" +
        "He urged Velden to ‘read the new Harbour Strategy before lecturing others,’ a document that analysts say signals a harder line.";

    public const string VeldenUrl = "https://news.example.test/world/harbour-league-warning";

    public static string VeldenText(string? url = VeldenUrl) => $"""
        ---
        title: {VeldenTitle}
        url: {url}
        outlet: The Lunport Ledger
        published: 2025-12-20
        author: Ana Pell
        language: en
        ---
        {VeldenBody}
        """;

    public static ArticleSubmission Velden(string? url = VeldenUrl) =>
        new(VeldenTitle, VeldenBody, url, "The Lunport Ledger", "Ana Pell", new DateOnly(2025, 12, 20), "en");

    /// <summary>A saved news page around a body: navigation, scripts, styles, an iframe and a cookie banner that must not survive.</summary>
    public static string Page(string title, string body, string? url = null, string? author = "Ana Pell", string? published = "2025-12-20", string? outlet = "The Lunport Ledger")
    {
        var paragraphs = string.Concat(body.Split("\n\n").Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>\n"));
        return $$"""
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
              <meta charset="utf-8">
              <title>{{WebUtility.HtmlEncode(title)}} | The Lunport Ledger</title>
              <meta property="og:title" content="{{WebUtility.HtmlEncode(title)}}">
              {{(outlet is null ? "" : $"<meta property=\"og:site_name\" content=\"{outlet}\">")}}
              {{(author is null ? "" : $"<meta name=\"author\" content=\"{author}\">")}}
              {{(published is null ? "" : $"<meta property=\"article:published_time\" content=\"{published}T07:30:00Z\">")}}
              {{(url is null ? "" : $"<link rel=\"canonical\" href=\"{url}\">")}}
              <style>body { font-family: serif; } .ad { display: block; }</style>
              <script>window.tracker = { send: function () { document.title = "hacked"; } };</script>
            </head>
            <body>
              <header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
              <div class="cookie-banner">We use cookies. <button>Accept</button></div>
              <main>
                <article>
                  <h1>{{WebUtility.HtmlEncode(title)}}</h1>
                  {{(author is null ? "" : $"<p class=\"byline\">By {author}</p>")}}
                  {{paragraphs}}
                  <script>document.write("<p>injected by script</p>");</script>
                  <iframe src="https://ads.example.test/slot"></iframe>
                  <noscript><p>Enable scripts for comments</p></noscript>
                </article>
              </main>
              <aside class="ad">Advertisement: buy more harbour cranes</aside>
              <footer>© The Lunport Ledger <script>alert(1)</script></footer>
            </body>
            </html>
            """;
    }

    /// <summary>The import pipeline as the site wires it, on <paramref name="connectionString"/>.</summary>
    public static ServiceProvider Services(string connectionString, Action<ImportOptions>? configure = null, TimeProvider? clock = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddNewsClaimsData(connectionString);
        services.AddNewsClaimsImport();
        if (configure is not null)
        {
            services.PostConfigure(configure);
        }

        return services.BuildServiceProvider();
    }

    public static async Task<ImportOutcome> ImportAsync(this ServiceProvider services, ArticleSubmission submission, string? by = null)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ArticleImporter>().ImportAsync(submission, by, CancellationToken.None);
    }

    public static async Task<IReadOnlyList<ImportResult>> ImportAsync(this ServiceProvider services, IReadOnlyList<ImportItem> items)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ArticleImporter>().ImportAsync(items, null, CancellationToken.None);
    }

    public static long ArticleId(this ImportOutcome outcome) => outcome switch
    {
        ImportOutcome.Imported imported => imported.ArticleId,
        ImportOutcome.Duplicate duplicate => throw new Xunit.Sdk.XunitException($"Expected an import, got a duplicate of {duplicate.ExistingArticleId}: {duplicate.Reason}"),
        ImportOutcome.Rejected rejected => throw new Xunit.Sdk.XunitException($"Expected an import, got a rejection: {rejected.Reason}"),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>The article an import stored, or found already stored.</summary>
    public static long StoredId(this ImportOutcome outcome) =>
        outcome is ImportOutcome.Duplicate duplicate ? duplicate.ExistingArticleId : outcome.ArticleId();

    public static string Reason(this ImportOutcome outcome) =>
        outcome is ImportOutcome.Rejected rejected ? rejected.Reason : throw new Xunit.Sdk.XunitException($"Expected a rejection, got {outcome}");

    /// <summary>An article's statements as (words, speaker) in text order: what must not differ between channels.</summary>
    public static async Task<List<(string Text, string? Speaker, string Kind)>> StatementsAsync(NewsClaimsDbContext db, long articleId) =>
        (await db.Statements.AsNoTracking()
            .Where(s => s.ArticleId == articleId)
            .OrderBy(s => s.Start)
            .Select(s => new { s.Text, Speaker = s.Speaker != null ? s.Speaker.Name : null, s.Kind })
            .ToListAsync())
        .Select(s => (s.Text, s.Speaker, s.Kind.ToString()))
        .ToList();

    /// <summary>Counts that prove nothing else was stored: articles, statements, people, aliases, quote groups.</summary>
    public static async Task<(int Articles, int Statements, int People, int Aliases, int Groups)> CountsAsync(NewsClaimsDbContext db) =>
        (await db.Articles.CountAsync(), await db.Statements.CountAsync(), await db.People.CountAsync(), await db.PersonAliases.CountAsync(), await db.QuoteGroups.CountAsync());

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>An editor account, not yet saved.</summary>
    public static EditorAccount Editor() => Infrastructure.Sample.Account("Import test editor");

    /// <summary>The shared corpus's sample article (third-party text, read in place), or null when the corpus is absent.</summary>
    public static string? SeedArticle()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsClaims.sln")))
            {
                var seed = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpus", "seed", "nato-rutte-putin.txt"));
                return File.Exists(seed) ? seed : null;
            }
        }

        return null;
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsClaims.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (NewsClaims.sln) is not above the test binaries.");
    }
}
