using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsClaims.Core.Articles;
using NewsClaims.Core.Auditing;
using NewsClaims.Data;
using NewsClaims.Data.Editing;
using NewsClaims.Data.Identity;
using NewsClaims.Data.Import;
using NewsClaims.IntegrationTests.Infrastructure;

namespace NewsClaims.IntegrationTests.Editing;

/// <summary>Corrections that must not land: stale, concurrent, empty, unchanged, too large, another article's text, no article.</summary>
public sealed class CorrectionRefusalTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private readonly ServiceProvider _services =
        EditingTestKit.Services(database.ConnectionString, o => o.MaxBodyBytes = 4096);

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Should_refuse_a_stale_correction_without_losing_the_first()
    {
        var (article, first, second) = await SaveArticleAsync();
        var firstBody = article.Body.Replace("fatal", "disastrous", StringComparison.Ordinal);

        Assert.IsType<CorrectionOutcome.Corrected>(await _services.CorrectAsync(new ArticleCorrection(article.Id, 1, firstBody, first.Id)));
        var stale = await _services.CorrectAsync(new ArticleCorrection(article.Id, 1, article.Body + "\n\nAddendum.", second.Id));

        Assert.Equal(new CorrectionOutcome.Conflict(article.Id, 1, 2), stale);
        await AssertStoredAsync(article.Id, firstBody, 2);
    }

    [Fact]
    public async Task Should_refuse_the_second_of_two_corrections_racing_from_the_same_revision()
    {
        var (article, first, second) = await SaveArticleAsync();
        var winnerBody = article.Body + "\n\nUpdate from the winner.";
        var loserBody = article.Body + "\n\nUpdate from the loser.";

        // The loser has loaded revision 1 and is about to save when the winner's correction commits.
        var race = new RunBeforeSave(() => _services.CorrectAsync(new ArticleCorrection(article.Id, 1, winnerBody, first.Id)));
        var options = (DbContextOptionsBuilder<NewsClaimsDbContext>)new DbContextOptionsBuilder<NewsClaimsDbContext>().UseNewsClaimsPostgres(database.ConnectionString);
        await using var loserContext = new NewsClaimsDbContext(options.AddInterceptors(race).Options);
        var loser = new ArticleCorrector(loserContext, Options.Create(new ImportOptions()), NullLogger<ArticleCorrector>.Instance);

        var outcome = await loser.CorrectAsync(new ArticleCorrection(article.Id, 1, loserBody, second.Id), CancellationToken.None);

        Assert.IsType<CorrectionOutcome.Corrected>(race.Outcome);
        Assert.Equal(new CorrectionOutcome.Conflict(article.Id, 1, 2), outcome);
        await AssertStoredAsync(article.Id, winnerBody, 2);
        await using var db = database.CreateContext();
        Assert.False(await db.AuditEntries.AnyAsync(e => e.AccountId == second.Id));
    }

    [Theory]
    [InlineData("", "the corrected text is empty")]
    [InlineData(" \n\t ", "the corrected text is empty")]
    [InlineData("\u200B", "the corrected text is empty")]
    public async Task Should_refuse_an_empty_correction(string body, string reason)
    {
        var (article, editor, _) = await SaveArticleAsync();

        var outcome = await _services.CorrectAsync(new ArticleCorrection(article.Id, 1, body, editor.Id));

        Assert.Equal(new CorrectionOutcome.Refused(reason), outcome);
        await AssertStoredAsync(article.Id, article.Body, 1);
    }

    [Fact]
    public async Task Should_refuse_a_correction_that_changes_nothing_once_normalised()
    {
        var (article, editor, _) = await SaveArticleAsync();

        var outcome = await _services.CorrectAsync(new ArticleCorrection(article.Id, 1, article.Body.Replace("\n", "\r\n", StringComparison.Ordinal) + "  \n", editor.Id));

        Assert.Equal(new CorrectionOutcome.Refused("the corrected text is the same as the current one"), outcome);
        await AssertStoredAsync(article.Id, article.Body, 1);
    }

    [Fact]
    public async Task Should_refuse_a_correction_over_the_import_body_limit()
    {
        var (article, editor, _) = await SaveArticleAsync();

        var bytes = await _services.CorrectAsync(new ArticleCorrection(article.Id, 1, article.Body + new string('é', 2000), editor.Id));
        var characters = await _services.CorrectAsync(new ArticleCorrection(article.Id, 1, new string('x', 100_000), editor.Id));

        Assert.Contains("the limit is 4 kB", Assert.IsType<CorrectionOutcome.Refused>(bytes).Reason, StringComparison.Ordinal);
        Assert.Contains("the limit is 4 kB", Assert.IsType<CorrectionOutcome.Refused>(characters).Reason, StringComparison.Ordinal);
        await AssertStoredAsync(article.Id, article.Body, 1);
    }

    [Fact]
    public async Task Should_refuse_another_article_s_text()
    {
        var (article, editor, _) = await SaveArticleAsync();
        var (other, _, _) = await SaveArticleAsync();

        var outcome = await _services.CorrectAsync(new ArticleCorrection(article.Id, 1, other.Body, editor.Id));

        Assert.Equal(new CorrectionOutcome.Refused($"the corrected text is the same as article {other.Id}'s"), outcome);
        await AssertStoredAsync(article.Id, article.Body, 1);
    }

    [Fact]
    public async Task Should_say_when_the_article_does_not_exist()
    {
        var (_, editor, _) = await SaveArticleAsync();

        Assert.Equal(new CorrectionOutcome.NotFound(-5), await _services.CorrectAsync(new ArticleCorrection(-5, 1, "Some text.", editor.Id)));
    }

    private async Task AssertStoredAsync(long articleId, string body, int revision)
    {
        await using var db = database.CreateContext();
        var stored = await db.Articles.AsNoTracking().SingleAsync(a => a.Id == articleId);
        Assert.Equal((body, revision), (stored.Body, stored.CurrentRevision));
        Assert.Equal(revision, await db.ArticleRevisions.CountAsync(r => r.ArticleId == articleId));
        Assert.Equal(revision - 1, await db.AuditEntries.CountAsync(e => e.EntityType == AuditedEntity.Article && e.EntityId == articleId.ToString(CultureInfo.InvariantCulture)));
    }

    private async Task<(Article Article, EditorAccount First, EditorAccount Second)> SaveArticleAsync()
    {
        var (article, _, _) = Sample.QuotedArticle();
        var first = Sample.Account("First corrector");
        var second = Sample.Account("Second corrector");
        await using var db = database.CreateContext();
        db.Users.AddRange(first, second);
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return (article, first, second);
    }

    /// <summary>Runs another correction to completion just before this context's first save.</summary>
    private sealed class RunBeforeSave(Func<Task<CorrectionOutcome>> other) : SaveChangesInterceptor
    {
        public CorrectionOutcome? Outcome { get; private set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Outcome ??= await other();
            return result;
        }
    }
}
