using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Annotations;
using NewsClaims.Core.Claims;
using NewsClaims.Core.Statements;
using NewsClaims.IntegrationTests.Infrastructure;
using Npgsql;

namespace NewsClaims.IntegrationTests.Data;

/// <summary>
/// Deleting never silently drops or orphans editors' work: the database refuses (RESTRICT) and nothing is lost;
/// only an article's own derived data (revisions, statements) goes with it.
/// </summary>
public sealed class DeleteBehaviourTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Should_refuse_to_delete_an_article_with_an_annotation_and_lose_nothing()
    {
        var author = Sample.Account();
        var (article, statement, _) = Sample.QuotedArticle();
        var annotation = Annotation.OnArticle(article, Sample.Span(article.Body, "fatal"), author.Id, AnnotationMotivation.Questioning, "Fatal for whom?");
        await SaveAsync(author, article, annotation);

        await using (var context = fixture.CreateContext())
        {
            context.Articles.Remove(await context.Articles.SingleAsync(a => a.Id == article.Id));
            var error = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
            AssertForeignKeyViolation(error.InnerException, "fk_annotations_articles_article_id");
        }

        await AssertStillThereAsync(article.Id, statement.Id, annotation.Id);
    }

    [Fact]
    public async Task Should_refuse_to_delete_an_article_whose_statement_is_annotated()
    {
        var author = Sample.Account();
        var (article, statement, _) = Sample.QuotedArticle();
        var annotation = Annotation.OnStatement(statement, author.Id, AnnotationMotivation.Correcting, "Wrong speaker?");
        await SaveAsync(author, article, annotation);

        await using (var context = fixture.CreateContext())
        {
            var error = await Assert.ThrowsAsync<PostgresException>(() => context.Articles.Where(a => a.Id == article.Id).ExecuteDeleteAsync());
            AssertForeignKeyViolation(error, "fk_annotations_statements_statement_id");
        }

        await AssertStillThereAsync(article.Id, statement.Id, annotation.Id);
    }

    [Fact]
    public async Task Should_refuse_to_delete_an_article_whose_statement_is_part_of_a_claim()
    {
        var (article, statement, _) = Sample.QuotedArticle();
        var claim = new Claim("An offensive would be fatal.", null);
        claim.Include(statement, null);
        await SaveAsync(article, claim);

        await using (var context = fixture.CreateContext())
        {
            var error = await Assert.ThrowsAsync<PostgresException>(() => context.Articles.Where(a => a.Id == article.Id).ExecuteDeleteAsync());
            AssertForeignKeyViolation(error, "fk_claim_statements_statements_statement_id");
        }

        await using var read = fixture.CreateContext();
        Assert.True(await read.ClaimStatements.AnyAsync(cs => cs.ClaimId == claim.Id && cs.StatementId == statement.Id));
    }

    [Fact]
    public async Task Should_delete_an_article_without_editor_work_together_with_its_statements_and_revisions()
    {
        var (article, statement, speaker) = Sample.QuotedArticle();
        var subject = Sample.Person("Oskar Trell");
        statement.Mention(subject, StatementPersonRole.Subject);
        article.Revise(article.Body + " Updated.", null, "Typo");
        await SaveAsync(article);

        await using (var context = fixture.CreateContext())
        {
            context.Articles.Remove(await context.Articles.SingleAsync(a => a.Id == article.Id));
            await context.SaveChangesAsync();
        }

        await using var read = fixture.CreateContext();
        Assert.False(await read.Articles.AnyAsync(a => a.Id == article.Id));
        Assert.False(await read.Statements.AnyAsync(s => s.ArticleId == article.Id));
        Assert.False(await read.ArticleRevisions.AnyAsync(r => r.ArticleId == article.Id));
        Assert.False(await read.StatementPersons.AnyAsync(p => p.StatementId == statement.Id));
        Assert.Equal(2, await read.People.CountAsync(p => p.Id == speaker.Id || p.Id == subject.Id));
    }

    [Fact]
    public async Task Should_refuse_to_delete_a_person_who_is_quoted()
    {
        var (article, statement, speaker) = Sample.QuotedArticle();
        await SaveAsync(article);

        await using (var context = fixture.CreateContext())
        {
            var error = await Assert.ThrowsAsync<PostgresException>(() => context.People.Where(p => p.Id == speaker.Id).ExecuteDeleteAsync());
            AssertForeignKeyViolation(error, "fk_statements_people_speaker_id");
        }

        await using var read = fixture.CreateContext();
        Assert.Equal(speaker.Id, (await read.Statements.SingleAsync(s => s.Id == statement.Id)).SpeakerId);
    }

    [Fact]
    public async Task Should_refuse_to_delete_a_person_a_statement_is_about()
    {
        var (article, statement, _) = Sample.QuotedArticle();
        var subject = Sample.Person("Oskar Trell");
        statement.Mention(subject, StatementPersonRole.Addressee);
        await SaveAsync(article);

        await using var context = fixture.CreateContext();
        var error = await Assert.ThrowsAsync<PostgresException>(() => context.People.Where(p => p.Id == subject.Id).ExecuteDeleteAsync());
        AssertForeignKeyViolation(error, "fk_statement_persons_people_person_id");
    }

    [Fact]
    public async Task Should_delete_a_person_with_no_statements_together_with_aliases_and_roles()
    {
        var person = Sample.Person();
        person.AddAlias("Velden");
        person.AddRole("Mayor", "Lunport", null, null);
        await SaveAsync(person);

        await using (var context = fixture.CreateContext())
        {
            Assert.Equal(1, await context.People.Where(p => p.Id == person.Id).ExecuteDeleteAsync());
        }

        await using var read = fixture.CreateContext();
        Assert.False(await read.PersonAliases.AnyAsync(a => a.PersonId == person.Id));
        Assert.False(await read.PersonRoles.AnyAsync(r => r.PersonId == person.Id));
    }

    [Fact]
    public async Task Should_refuse_to_delete_an_annotation_that_has_replies()
    {
        var author = Sample.Account();
        var article = Sample.Article();
        var annotation = Annotation.OnArticle(article, author.Id, AnnotationMotivation.Commenting, "First.");
        var reply = annotation.Reply(author.Id, "Second.");
        await SaveAsync(author, article, annotation);

        await using var context = fixture.CreateContext();
        var error = await Assert.ThrowsAsync<PostgresException>(() => context.Annotations.Where(a => a.Id == annotation.Id).ExecuteDeleteAsync());
        AssertForeignKeyViolation(error, "fk_annotations_annotations_parent_id");
        Assert.True(await context.Annotations.AnyAsync(a => a.Id == reply.Id));
    }

    [Fact]
    public async Task Should_ungroup_statements_when_their_quote_group_is_deleted()
    {
        var (article, statement, _) = Sample.QuotedArticle();
        statement.GroupWith(new QuoteGroup(Sample.Unique("fatal"), DateTimeOffset.UtcNow));
        await SaveAsync(article);

        await using var context = fixture.CreateContext();
        await context.QuoteGroups.Where(g => g.Id == statement.QuoteGroupId).ExecuteDeleteAsync();
        var saved = await context.Statements.SingleAsync(s => s.Id == statement.Id);
        Assert.Null(saved.QuoteGroupId);
        Assert.Equal("fatal", saved.Text);
    }

    [Fact]
    public async Task Should_delete_a_claims_own_links_but_keep_its_statements_and_related_claims()
    {
        var (article, statement, _) = Sample.QuotedArticle();
        var claim = new Claim("An offensive would be fatal.", null);
        var other = new Claim("An offensive is coming.", null);
        claim.Include(statement, null);
        claim.Relate(ClaimRelationKind.SameAs, other, null);
        other.Relate(ClaimRelationKind.Supports, claim, null);
        await SaveAsync(article, claim, other);

        await using (var context = fixture.CreateContext())
        {
            Assert.Equal(1, await context.Claims.Where(c => c.Id == claim.Id).ExecuteDeleteAsync());
        }

        await using var read = fixture.CreateContext();
        Assert.True(await read.Statements.AnyAsync(s => s.Id == statement.Id));
        Assert.True(await read.Claims.AnyAsync(c => c.Id == other.Id));
        Assert.False(await read.ClaimStatements.AnyAsync(cs => cs.ClaimId == claim.Id));
        Assert.False(await read.ClaimRelations.AnyAsync(r => r.FromClaimId == claim.Id || r.ToClaimId == claim.Id));
    }

    [Fact]
    public async Task Should_refuse_to_delete_a_claim_with_an_annotation()
    {
        var author = Sample.Account();
        var claim = new Claim("An offensive would be fatal.", author.Id);
        var annotation = Annotation.OnClaim(claim, author.Id, AnnotationMotivation.Assessing, "Rated after the briefing.");
        await SaveAsync(author, claim, annotation);

        await using var context = fixture.CreateContext();
        var error = await Assert.ThrowsAsync<PostgresException>(() => context.Claims.Where(c => c.Id == claim.Id).ExecuteDeleteAsync());
        AssertForeignKeyViolation(error, "fk_annotations_claims_claim_id");
    }

    [Fact]
    public async Task Should_refuse_to_delete_an_outlet_that_has_articles()
    {
        var outlet = new Core.Outlets.Outlet(Sample.Unique("Lunport Herald"));
        await SaveAsync(Sample.Article(outlet: outlet));

        await using var context = fixture.CreateContext();
        var error = await Assert.ThrowsAsync<PostgresException>(() => context.Outlets.Where(o => o.Id == outlet.Id).ExecuteDeleteAsync());
        AssertForeignKeyViolation(error, "fk_articles_outlets_outlet_id");
    }

    private async Task SaveAsync(params object[] entities)
    {
        await using var context = fixture.CreateContext();
        context.AddRange(entities);
        await context.SaveChangesAsync();
    }

    private async Task AssertStillThereAsync(long articleId, long statementId, long annotationId)
    {
        await using var read = fixture.CreateContext();
        Assert.True(await read.Articles.AnyAsync(a => a.Id == articleId));
        Assert.True(await read.Statements.AnyAsync(s => s.Id == statementId && s.ArticleId == articleId));
        Assert.Equal(1, await read.ArticleRevisions.CountAsync(r => r.ArticleId == articleId));
        var annotation = await read.Annotations.SingleAsync(a => a.Id == annotationId);
        Assert.True(annotation.ArticleId == articleId || annotation.StatementId == statementId);
    }

    private static void AssertForeignKeyViolation(Exception? error, string constraint)
    {
        var postgres = Assert.IsType<PostgresException>(error);
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, postgres.SqlState);
        Assert.Equal(constraint, postgres.ConstraintName);
    }
}
