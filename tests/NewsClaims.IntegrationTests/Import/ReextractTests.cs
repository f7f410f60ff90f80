using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsClaims.Core.Statements;
using NewsClaims.Data.Import;
using NewsClaims.IntegrationTests.Infrastructure;
using Npgsql;

namespace NewsClaims.IntegrationTests.Import;

/// <summary><c>newsclaims reextract</c>: machine statements follow the engine; what editors decided stays exactly as they left it.</summary>
public sealed class ReextractTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private readonly ServiceProvider _services = ImportTestKit.Services(database.ConnectionString);

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Should_update_untouched_statements_and_leave_reviewed_ones_exactly_as_the_editor_left_them()
    {
        var id = (await _services.ImportAsync(ImportTestKit.Velden(ImportTestKit.VeldenUrl + "/reextract"))).ArticleId();
        var editor = ImportTestKit.Editor();
        long confirmedId, rejectedId, staleId, goneId;
        await using (var db = database.CreateContext())
        {
            db.Users.Add(editor);
            var statements = await db.Statements.Where(s => s.ArticleId == id).OrderBy(s => s.Start).ToListAsync();
            Assert.True(statements.Count >= 4, $"the engine found only {statements.Count} statements");
            statements[0].Confirm(editor.Id, DateTimeOffset.UtcNow);
            statements[1].Reject(editor.Id, DateTimeOffset.UtcNow, "Not a statement");
            (confirmedId, rejectedId, staleId, goneId) = (statements[0].Id, statements[1].Id, statements[2].Id, statements[3].Id);
            await db.SaveChangesAsync();
        }

        // An older engine's output: one statement with other values, one the current engine does not find, an old version.
        await using (var connection = await database.OpenConnectionAsync())
        {
            await using var command = new NpgsqlCommand(
                """
                UPDATE statements SET confidence = 0.11, speaker_id = NULL, cue_start = NULL, cue_end = NULL, cue_text = NULL, status = 'extracted', extractor_version = 'old' WHERE id = @stale;
                UPDATE statements SET span_start = 0, span_end = 6, text = substr((SELECT body FROM articles WHERE id = @article), 1, 6), extractor_version = 'old' WHERE id = @gone;
                UPDATE articles SET extractor_version = 'old' WHERE id = @article;
                """,
                connection);
            command.Parameters.AddWithValue("stale", staleId);
            command.Parameters.AddWithValue("gone", goneId);
            command.Parameters.AddWithValue("article", id);
            await command.ExecuteNonQueryAsync();
        }

        var before = await SnapshotAsync(id);
        await using (var scope = _services.CreateAsyncScope())
        {
            var counts = await scope.ServiceProvider.GetRequiredService<ArticleReextractor>().ReextractAsync(all: false, null, CancellationToken.None);
            Assert.Equal(1, counts.Articles);
            Assert.Equal(2, counts.KeptAsReviewed);
        }

        var after = await SnapshotAsync(id);
        Assert.Equal(before[confirmedId], after[confirmedId]);
        Assert.Equal(before[rejectedId], after[rejectedId]);
        Assert.DoesNotContain(goneId, after.Keys);
        Assert.Contains(staleId, after.Keys);
        Assert.NotEqual(before[staleId], after[staleId]);
        await using var check = database.CreateContext();
        var stale = await check.Statements.AsNoTracking().SingleAsync(s => s.Id == staleId);
        Assert.NotEqual(0.11, stale.Confidence);
        Assert.NotNull(stale.SpeakerId);
        Assert.Equal(NewsClaims.Extraction.StatementExtractor.Version, stale.ExtractorVersion);
        Assert.Equal(NewsClaims.Extraction.StatementExtractor.Version, (await check.Articles.FindAsync(id))!.ExtractorVersion);
        Assert.Equal(0, await check.Statements.CountAsync(s => s.ArticleId == id && s.Start == 0 && s.End == 6));

        // A second run finds nothing to do.
        await using var again = _services.CreateAsyncScope();
        Assert.Equal(0, (await again.ServiceProvider.GetRequiredService<ArticleReextractor>().ReextractAsync(all: false, null, CancellationToken.None)).Articles);
    }

    /// <summary>Every column of the article's statements, so "exactly as left" is checked field by field.</summary>
    private async Task<Dictionary<long, StatementRow>> SnapshotAsync(long articleId)
    {
        await using var db = database.CreateContext();
        return await db.Statements.AsNoTracking().Where(s => s.ArticleId == articleId).Select(s => new StatementRow(
            s.Id, s.Start, s.End, s.Text, s.Kind, s.SpeakerId, s.MentionText, s.CueText, s.WhenSaidText, s.Place, s.Occasion,
            s.Confidence, s.Status, s.ReviewedById, s.RejectionReason, s.ExtractorVersion, s.QuoteGroupId, s.Version)).ToDictionaryAsync(s => s.Id);
    }

    private sealed record StatementRow(
        long Id, int Start, int End, string Text, StatementKind Kind, long? SpeakerId, string? Mention, string? Cue, string? When, string? Place,
        string? Occasion, double Confidence, StatementStatus Status, string? ReviewedBy, string? RejectionReason, string? ExtractorVersion,
        long? QuoteGroupId, uint Version);
}
