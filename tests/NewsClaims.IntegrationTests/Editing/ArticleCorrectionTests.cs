using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsClaims.Core.Anchoring;
using NewsClaims.Core.Annotations;
using NewsClaims.Core.Articles;
using NewsClaims.Core.Auditing;
using NewsClaims.Core.Common;
using NewsClaims.Core.Statements;
using NewsClaims.Data.Editing;
using NewsClaims.Data.Identity;
using NewsClaims.IntegrationTests.Import;
using NewsClaims.IntegrationTests.Infrastructure;

namespace NewsClaims.IntegrationTests.Editing;

/// <summary>
/// An editor corrects an article's text: statements and passage annotations follow their words onto the new
/// body (moved, corrected inside, or orphaned with their words), with a revision and an audit trail.
/// </summary>
public sealed class ArticleCorrectionTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private const string Typo = "read the new Harbor Strategy";
    private const string Fixed = "read the new Harbour Strategy";
    private const string Deleted = "intelligent and systematic";
    private const string Moved = "the alliance stood ready";
    private const string Note = "Correction, 21 December: an earlier version of this article gave the wrong date for the broadcast.";

    private readonly ServiceProvider _services = EditingTestKit.Services(database.ConnectionString);

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task Should_move_correct_and_orphan_statements_and_annotations_onto_the_new_body()
    {
        var (article, editor, ids) = await SaveArticleAsync();
        var newBody = Note + "\n\n" + EditingTestKit.Without(article.Body, $" called Velden '{Deleted}' and").Replace(Typo, Fixed, StringComparison.Ordinal);

        var outcome = await _services.CorrectAsync(new ArticleCorrection(article.Id, 1, newBody, editor.Id, "Wrong strategy name; duplicate praise removed"));

        var corrected = Assert.IsType<CorrectionOutcome.Corrected>(outcome);
        Assert.Equal(2, corrected.Revision);
        Assert.Equal(2, corrected.Orphaned);
        Assert.Equal(AnchorRule.Quote, corrected.Passages.Single(p => p.EntityType == AuditedEntity.Statement && p.Id == ids.Fatal).Placement.Rule);
        Assert.Equal(AnchorRule.Fuzzy, corrected.Passages.Single(p => p.EntityType == AuditedEntity.Statement && p.Id == ids.Strategy).Placement.Rule);

        await using var db = database.CreateContext();
        var stored = await db.Articles.Include(a => a.Statements).SingleAsync(a => a.Id == article.Id);
        Assert.Equal(newBody, stored.Body);
        Assert.Equal(2, stored.CurrentRevision);
        foreach (var statement in stored.Statements.Where(s => s.AnchorStatus == AnchorStatus.Anchored))
        {
            Assert.Equal(2, statement.AnchoredRevision);
            Assert.Equal(stored.Body[statement.Start..statement.End], statement.Text);
            Assert.True(statement.SpeakerMention?.IsFoundIn(stored.Body) ?? true);
            Assert.True(statement.Cue?.IsFoundIn(stored.Body) ?? true);
        }

        var fatal = stored.Statements.Single(s => s.Id == ids.Fatal);
        Assert.Equal(("fatal", "Mara Velden", "warned"), (fatal.Text, fatal.MentionText, fatal.CueText));
        Assert.Equal(Fixed, stored.Statements.Single(s => s.Id == ids.Strategy).Text);

        var orphan = stored.Statements.Single(s => s.Id == ids.Praise);
        Assert.Equal((AnchorStatus.Orphaned, Deleted, 1), (orphan.AnchorStatus, orphan.Text, orphan.AnchoredRevision));
        Assert.Equal(Deleted, article.Body[orphan.Start..orphan.End]);

        var annotations = await db.Annotations.Where(a => a.ArticleId == article.Id).ToDictionaryAsync(a => a.Id);
        var moved = annotations[ids.MovedNote];
        Assert.Equal((AnchorStatus.Anchored, 2), (moved.AnchorStatus, moved.ArticleRevision));
        Assert.Equal(Moved, stored.Body[moved.Selector!.Position!.Start..moved.Selector.Position.End]);
        Assert.EndsWith("she said ", moved.Selector.Quote.Prefix, StringComparison.Ordinal);
        var lost = annotations[ids.DeletedNote];
        Assert.Equal((AnchorStatus.Orphaned, Deleted, 1), (lost.AnchorStatus, lost.Selector!.Quote.Exact, lost.ArticleRevision));
        Assert.Equal((AnchorStatus.Anchored, null), (annotations[ids.WholeNote].AnchorStatus, annotations[ids.WholeNote].Selector));

        var revisions = await db.ArticleRevisions.Where(r => r.ArticleId == article.Id).OrderBy(r => r.Number).ToListAsync();
        Assert.Equal([1, 2], revisions.Select(r => r.Number));
        Assert.Equal((article.Body, newBody), (revisions[0].Body, revisions[1].Body));
        Assert.Equal((editor.Id, "Wrong strategy name; duplicate praise removed"), (revisions[1].CreatedById, revisions[1].Reason));
    }

    [Fact]
    public async Task Should_write_an_audit_entry_for_the_article_and_each_moved_or_orphaned_passage()
    {
        var (article, editor, ids) = await SaveArticleAsync();
        var newBody = Note + "\n\n" + EditingTestKit.Without(article.Body, $" called Velden '{Deleted}' and");

        Assert.IsType<CorrectionOutcome.Corrected>(await _services.CorrectAsync(new ArticleCorrection(article.Id, 1, newBody, editor.Id)));

        await using var db = database.CreateContext();
        var entries = await db.AuditEntries.Where(e => e.AccountId == editor.Id).ToListAsync();
        var articleEntry = entries.Single(e => e.EntityType == AuditedEntity.Article);
        Assert.Equal((article.Id.ToString(CultureInfo.InvariantCulture), "corrected"), (articleEntry.EntityId, articleEntry.Action));
        Assert.Equal(new("1", "2"), articleEntry.Changes["CurrentRevision"]);
        Assert.Equal(article.ContentHash, articleEntry.Changes["ContentHash"].From);
        Assert.Contains("orphaned", articleEntry.Changes["Reanchored"].To, StringComparison.Ordinal);
        Assert.True(articleEntry.CreatedAt > DateTimeOffset.UtcNow.AddMinutes(-5));

        var orphaned = entries.Single(e => e.EntityType == AuditedEntity.Statement && e.EntityId == ids.Praise.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("orphaned", orphaned.Action);
        Assert.Equal(new("Anchored", "Orphaned"), orphaned.Changes["AnchorStatus"]);
        var moved = entries.Single(e => e.EntityType == AuditedEntity.Annotation && e.EntityId == ids.MovedNote.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("reanchored", moved.Action);
        Assert.StartsWith("Quote", moved.Changes["AnchorRule"].To, StringComparison.Ordinal);
        Assert.Contains(entries, e => e.EntityType == AuditedEntity.Annotation && e.EntityId == ids.DeletedNote.ToString(CultureInfo.InvariantCulture) && e.Action == "orphaned");
    }

    [Fact]
    public async Task Should_bring_an_orphan_back_when_a_later_revision_restores_its_words()
    {
        var (article, editor, ids) = await SaveArticleAsync();
        var without = EditingTestKit.Without(article.Body, $" called Velden '{Deleted}' and");
        Assert.IsType<CorrectionOutcome.Corrected>(await _services.CorrectAsync(new ArticleCorrection(article.Id, 1, without, editor.Id)));

        var restored = Note + "\n\n" + article.Body;
        var outcome = await _services.CorrectAsync(new ArticleCorrection(article.Id, 2, restored, editor.Id, "Praise restored"));

        Assert.Equal(3, Assert.IsType<CorrectionOutcome.Corrected>(outcome).Revision);
        await using var db = database.CreateContext();
        var praise = await db.Statements.SingleAsync(s => s.Id == ids.Praise);
        Assert.Equal((AnchorStatus.Anchored, 3), (praise.AnchorStatus, praise.AnchoredRevision));
        Assert.Equal(Deleted, restored[praise.Start..praise.End]);
        var note = await db.Annotations.SingleAsync(a => a.Id == ids.DeletedNote);
        Assert.Equal((AnchorStatus.Anchored, 3), (note.AnchorStatus, note.ArticleRevision));
    }

    [Fact]
    public async Task Should_keep_every_imported_statement_true_to_the_corrected_body_or_orphaned_with_its_words()
    {
        var imported = await _services.ImportAsync(ImportTestKit.Velden(ImportTestKit.VeldenUrl + "/corrected"));
        var id = imported.ArticleId();
        var editor = Sample.Account("Corrector");
        List<(long Id, string Text)> before;
        string oldBody;
        await using (var db = database.CreateContext())
        {
            db.Users.Add(editor);
            await db.SaveChangesAsync();
            oldBody = (await db.Articles.SingleAsync(a => a.Id == id)).Body;
            before = await db.Statements.Where(s => s.ArticleId == id).OrderBy(s => s.Start).Select(s => new ValueTuple<long, string>(s.Id, s.Text)).ToListAsync();
        }

        Assert.True(before.Count >= 4, $"the engine found only {before.Count} statements");
        var paragraphs = oldBody.Split("\n\n").ToList();
        var dropped = paragraphs.Single(p => p.Contains("intelligent and systematic", StringComparison.Ordinal));
        paragraphs.Remove(dropped);
        paragraphs.Insert(0, Note);
        var newBody = string.Join("\n\n", paragraphs).Replace("Speaking in Lunport", "Speaking in central Lunport", StringComparison.Ordinal);

        var outcome = Assert.IsType<CorrectionOutcome.Corrected>(await _services.CorrectAsync(new ArticleCorrection(id, 1, newBody, editor.Id, "Broadcast paragraph withdrawn")));

        await using var read = database.CreateContext();
        var after = await read.Statements.Where(s => s.ArticleId == id).ToDictionaryAsync(s => s.Id);
        Assert.Equal(before.Select(b => b.Id).Order(), after.Keys.Order());
        foreach (var (statementId, oldText) in before)
        {
            var statement = after[statementId];
            if (dropped.Contains(oldText, StringComparison.Ordinal))
            {
                Assert.Equal((AnchorStatus.Orphaned, oldText), (statement.AnchorStatus, statement.Text));
            }
            else
            {
                Assert.Equal(AnchorStatus.Anchored, statement.AnchorStatus);
                Assert.Equal(newBody[statement.Start..statement.End], statement.Text);
                Assert.Equal(oldText, statement.Text);
            }
        }

        Assert.Equal(before.Count(b => dropped.Contains(b.Text, StringComparison.Ordinal)), outcome.Orphaned);
        Assert.True(outcome.Orphaned >= 1);
    }

    [Fact]
    public async Task Should_re_anchor_hundreds_of_statements_of_a_long_article_in_one_correction()
    {
        var editor = Sample.Account("Corrector");
        var sentences = Enumerable.Range(0, 6000).Select(i => $"Paragraph {i}: Velden told reporters 'point {i} stands' before the vote.").ToList();
        var article = Sample.Article(string.Join("\n\n", sentences) + $"\n\nRef {Guid.NewGuid():N}.");
        var statements = Enumerable.Range(0, 300).Select(i => article.AddStatement(Sample.Span(article.Body, $"point {i * 20} stands"), StatementKind.Direct, 0.9)).ToList();
        await using (var db = database.CreateContext())
        {
            db.Users.Add(editor);
            db.Articles.Add(article);
            await db.SaveChangesAsync();
        }

        var newBody = Note + "\n\n" + EditingTestKit.Without(article.Body, sentences[2000] + "\n\n").Replace("point 4000 stands", "point 4,000 stands", StringComparison.Ordinal);
        Assert.True(newBody.Length > 400_000);

        var outcome = Assert.IsType<CorrectionOutcome.Corrected>(await _services.CorrectAsync(new ArticleCorrection(article.Id, 1, newBody, editor.Id)));

        Assert.Equal(300, outcome.Passages.Count);
        Assert.Equal([statements[100].Id], outcome.Passages.Where(p => p.Placement.IsOrphaned).Select(p => p.Id));
        Assert.Equal(AnchorRule.Fuzzy, outcome.Passages.Single(p => p.Id == statements[200].Id).Placement.Rule);
        await using var read = database.CreateContext();
        var stored = await read.Statements.Where(s => s.ArticleId == article.Id && s.AnchorStatus == AnchorStatus.Anchored).ToListAsync();
        Assert.Equal(299, stored.Count);
        Assert.All(stored, s => Assert.Equal(newBody[s.Start..s.End], s.Text));
        Assert.Equal("point 4,000 stands", stored.Single(s => s.Id == statements[200].Id).Text);
    }

    private async Task<(Article Article, EditorAccount Editor, SavedIds Ids)> SaveArticleAsync()
    {
        var editor = Sample.Account("Corrector");
        var article = Sample.Article(Sample.UniqueBody().Replace(Fixed, Typo, StringComparison.Ordinal));
        var speaker = Sample.Person();
        var fatal = article.AddStatement(Sample.Span(article.Body, "fatal"), StatementKind.Direct, 0.9, "test-1");
        fatal.AttributeTo(speaker, Sample.Span(article.Body, "Mara Velden"), "named-subject");
        fatal.MarkCue(Sample.Span(article.Body, "warned"));
        var ready = article.AddStatement(Sample.Span(article.Body, Moved), StatementKind.Indirect, 0.8, "test-1");
        var praise = article.AddStatement(Sample.Span(article.Body, Deleted), StatementKind.Direct, 0.9, "test-1");
        var strategy = article.AddStatement(Sample.Span(article.Body, Typo), StatementKind.Direct, 0.9, "test-1");
        var movedNote = Annotation.OnArticle(article, Sample.Span(article.Body, Moved), editor.Id, AnnotationMotivation.Commenting, "Which alliance?");
        var deletedNote = Annotation.OnArticle(article, Sample.Span(article.Body, Deleted), editor.Id, AnnotationMotivation.Questioning, "Said twice?");
        var wholeNote = Annotation.OnArticle(article, editor.Id, AnnotationMotivation.Commenting, "Checked against the broadcast.");
        await using (var db = database.CreateContext())
        {
            db.Users.Add(editor);
            db.AddRange(article, movedNote, deletedNote, wholeNote);
            await db.SaveChangesAsync();
        }

        return (article, editor, new SavedIds(fatal.Id, ready.Id, praise.Id, strategy.Id, movedNote.Id, deletedNote.Id, wholeNote.Id));
    }

    private sealed record SavedIds(long Fatal, long Ready, long Praise, long Strategy, long MovedNote, long DeletedNote, long WholeNote);
}
