using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsClaims.Core.Annotations;
using NewsClaims.Core.Articles;
using NewsClaims.Core.Claims;
using NewsClaims.Core.Common;
using NewsClaims.Core.Outlets;
using NewsClaims.Core.People;
using NewsClaims.Core.Statements;
using NewsClaims.Data.Identity;
using NewsClaims.Data.Import;
using NewsClaims.IntegrationTests.Infrastructure;
using NewsClaims.IntegrationTests.Web;

namespace NewsClaims.IntegrationTests.Reader;

/// <summary>
/// The demo site plus what the reader pages must show that demo imports do not make: a person whose role changed,
/// an undated article, a long timeline, a rated claim with a related claim, editors' notes, and (when the shared
/// corpus sits beside the clone) the sample article imported through the real pipeline.
/// </summary>
public sealed class ReaderSiteFixture : DemoSiteFixture
{
    public const int TimelineStatements = 120;

    public long? SeedArticleId { get; private set; }

    public string? SeedGoldPath { get; private set; }

    public long RoleChangeStatementId { get; private set; }

    public long UndatedStatementId { get; private set; }

    public long UnnamedSourceStatementId { get; private set; }

    public long ClaimId { get; private set; }

    public long RelatedClaimId { get; private set; }

    public long ClaimedStatementId { get; private set; }

    public string TimelineSlug => "veronika-tallgren";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ImportSeedWhenPresentAsync();
        await using var db = CreateContext();

        var editor = new EditorAccount { UserName = "ana@newsclaims.test", Email = "ana@newsclaims.test", DisplayName = "Ana Editor" };
        db.Users.Add(editor);

        // A person who changed jobs: the statement from 2019 must show the role she held then.
        var outlet = new Outlet("The Reader Test Gazette", "gazette.newsclaims.test");
        var person = new Person("Veronika Tallgren", description: "Invented person for the reader tests.");
        person.AddRole("Mayor of Essery Bay", null, new DateOnly(2014, 1, 1), new DateOnly(2020, 12, 31));
        person.AddRole("Minister of Harbours", "Government of Valdoria", new DateOnly(2021, 1, 1), null);
        var old = new Article("Tallgren opens the new quay", "Mayor Veronika Tallgren said the quay would open in spring.", outlet: outlet, publishedOn: new DateOnly(2019, 5, 2));
        var oldStatement = old.AddStatement(new TextSpan(29, 58, "the quay would open in spring"), StatementKind.Indirect, 0.9, "test");
        oldStatement.AttributeTo(person, new TextSpan(6, 23, "Veronika Tallgren"), "test");
        oldStatement.MarkCue(new TextSpan(24, 28, "said"));
        oldStatement.DateAs("in spring", null, DatePrecision.Unknown);
        db.Articles.Add(old);

        // An article without a publication date, quoting a day without a year.
        var undated = new Article("Undated harbour note", "On March 3 the pilot, Ansel Quist, said the channel was closed. Harbour staff said the buoys were moved.");
        var undatedStatement = undated.AddStatement(Sample.Span(undated.Body, "the channel was closed"), StatementKind.Indirect, 0.8, "test");
        undatedStatement.DateAs("March 3", null, DatePrecision.Unknown);
        undatedStatement.AttributeTo(Sample.Person("Ansel Quist"), Sample.Span(undated.Body, "Ansel Quist"), "test");

        // An unnamed source: kept, shown to readers only once an editor confirms it.
        var unnamedStatement = undated.AddStatement(Sample.Span(undated.Body, "the buoys were moved"), StatementKind.Indirect, 0.9, "test");
        unnamedStatement.AttributeTo(null, null, "test", "Harbour staff");
        db.Articles.Add(undated);

        // A long timeline, one statement a day, for keyset pagination.
        var body = string.Join("\n\n", Enumerable.Range(1, TimelineStatements).Select(i => $"Tallgren said point number {i:000} is settled."));
        var timeline = new Article("Tallgren answers every question", body, outlet: outlet, publishedOn: new DateOnly(2024, 6, 30));
        var offset = 0;
        for (var i = 1; i <= TimelineStatements; i++)
        {
            var text = $"point number {i:000} is settled";
            var start = body.IndexOf(text, offset, StringComparison.Ordinal);
            var statement = timeline.AddStatement(new TextSpan(start, start + text.Length, text), i % 3 == 0 ? StatementKind.Direct : StatementKind.Indirect, 0.7, "test");
            statement.AttributeTo(person, null, "test");
            var day = new DateOnly(2024, 1, 1).AddDays(i);
            statement.DateAs(day.ToString("MMMM d"), day, DatePrecision.Day);
            offset = start + text.Length;
        }

        db.Articles.Add(timeline);
        await db.SaveChangesAsync();

        var claimed = await db.Statements.Include(s => s.Article).Where(s => s.SpeakerId != null && s.Article!.IsSample).OrderBy(s => s.Id).FirstAsync();
        var claim = new Claim("The coastal rail line will be paid for within this parliament.", editor.Id, ["transport"]);
        claim.Include(claimed, editor.Id);
        claim.Rate(VerdictRating.MostlyFalse, "No budget line exists for it in the published plans.", [new VerdictSource("Budget plan 2026", "https://budget.newsclaims.test/2026")], editor.Id, DateTimeOffset.UtcNow);
        var related = new Claim("The rail line has no budget.", editor.Id);
        claim.Relate(ClaimRelationKind.Contradicts, related, editor.Id);
        db.Claims.AddRange(claim, related);
        var note = Annotation.OnStatement(claimed, editor.Id, AnnotationMotivation.Questioning, "Which parliament <b>term</b> is meant?");
        note.Publish();
        var draft = Annotation.OnStatement(claimed, editor.Id, AnnotationMotivation.Commenting, "Draft note nobody may read");
        db.Annotations.AddRange(note, draft);
        await db.SaveChangesAsync();

        RoleChangeStatementId = oldStatement.Id;
        UndatedStatementId = undatedStatement.Id;
        UnnamedSourceStatementId = unnamedStatement.Id;
        ClaimId = claim.Id;
        RelatedClaimId = related.Id;
        ClaimedStatementId = claimed.Id;
    }

    /// <summary>The repository's parent folder holds the shared corpus in the team's set-up; elsewhere it is absent.</summary>
    public static string? FindSeed(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsClaims.sln")))
            {
                var path = Path.Combine(dir.FullName, "..", "shared", "corpus", "seed", file);
                return File.Exists(path) ? Path.GetFullPath(path) : null;
            }
        }

        return null;
    }

    private async Task ImportSeedWhenPresentAsync()
    {
        var text = FindSeed("nato-rutte-putin.txt");
        if (text is null)
        {
            return;
        }

        SeedGoldPath = FindSeed("nato-rutte-putin.gold.json");
        await using var scope = Factory.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<ArticleImporter>()
            .ImportAsync(PlainTextArticle.Parse(await File.ReadAllTextAsync(text)), importedById: null, CancellationToken.None);
        SeedArticleId = outcome is ImportOutcome.Imported imported
            ? imported.ArticleId
            : throw new InvalidOperationException($"The sample article was not imported: {outcome}");
    }
}
