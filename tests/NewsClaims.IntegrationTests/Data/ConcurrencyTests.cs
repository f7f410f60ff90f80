using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Annotations;
using NewsClaims.IntegrationTests.Infrastructure;

namespace NewsClaims.IntegrationTests.Data;

/// <summary>Two editors working on the same row: the second save is refused (xmin), not silently last-writer-wins.</summary>
public sealed class ConcurrencyTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Should_refuse_the_second_of_two_concurrent_statement_reviews()
    {
        var first = Sample.Account("First");
        var second = Sample.Account("Second");
        var (article, statement, _) = Sample.QuotedArticle();
        await using (var setup = fixture.CreateContext())
        {
            setup.Users.AddRange(first, second);
            setup.Articles.Add(article);
            await setup.SaveChangesAsync();
        }

        await using var one = fixture.CreateContext();
        await using var two = fixture.CreateContext();
        var seenByOne = await one.Statements.SingleAsync(s => s.Id == statement.Id);
        var seenByTwo = await two.Statements.SingleAsync(s => s.Id == statement.Id);
        var versionBefore = seenByOne.Version;

        seenByOne.Confirm(first.Id, DateTimeOffset.UtcNow);
        await one.SaveChangesAsync();
        Assert.NotEqual(versionBefore, seenByOne.Version);

        seenByTwo.Reject(second.Id, DateTimeOffset.UtcNow, "Wrong speaker.");
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => two.SaveChangesAsync());

        await using var read = fixture.CreateContext();
        var saved = await read.Statements.SingleAsync(s => s.Id == statement.Id);
        Assert.Equal((Core.Statements.StatementStatus.Confirmed, first.Id), (saved.Status, saved.ReviewedById));
    }

    [Fact]
    public async Task Should_refuse_the_second_of_two_concurrent_annotation_edits()
    {
        var author = Sample.Account();
        var article = Sample.Article();
        var annotation = Annotation.OnArticle(article, author.Id, AnnotationMotivation.Commenting, "Draft.");
        await using (var setup = fixture.CreateContext())
        {
            setup.Users.Add(author);
            setup.AddRange(article, annotation);
            await setup.SaveChangesAsync();
        }

        await using var one = fixture.CreateContext();
        await using var two = fixture.CreateContext();
        var a = await one.Annotations.SingleAsync(x => x.Id == annotation.Id);
        var b = await two.Annotations.SingleAsync(x => x.Id == annotation.Id);
        a.Edit("Edited in tab one.", author.Id);
        await one.SaveChangesAsync();
        b.Edit("Edited in tab two.", author.Id);

        // Either guard may fire first: the xmin token, or the unique (annotation, revision number) of the history row.
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => two.SaveChangesAsync());

        await using var read = fixture.CreateContext();
        Assert.Equal("Edited in tab one.", (await read.Annotations.SingleAsync(x => x.Id == annotation.Id)).Body);
    }

    [Fact]
    public async Task Should_refuse_a_stale_annotation_update_with_a_concurrency_exception()
    {
        var author = Sample.Account();
        var article = Sample.Article();
        var annotation = Annotation.OnArticle(article, author.Id, AnnotationMotivation.Tagging, "Tags only.");
        await using (var setup = fixture.CreateContext())
        {
            setup.Users.Add(author);
            setup.AddRange(article, annotation);
            await setup.SaveChangesAsync();
        }

        await using var one = fixture.CreateContext();
        await using var two = fixture.CreateContext();
        (await one.Annotations.SingleAsync(x => x.Id == annotation.Id)).Publish();
        var stale = await two.Annotations.SingleAsync(x => x.Id == annotation.Id);
        await one.SaveChangesAsync();

        stale.Retag(["rhetoric"]);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => two.SaveChangesAsync());
    }
}
