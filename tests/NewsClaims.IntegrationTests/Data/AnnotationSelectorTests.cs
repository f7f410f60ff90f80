using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Annotations;
using NewsClaims.IntegrationTests.Infrastructure;

namespace NewsClaims.IntegrationTests.Data;

/// <summary>W3C selectors are stored as JSONB in a documented shape, and can be queried both from LINQ and from SQL.</summary>
public sealed class AnnotationSelectorTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Should_store_the_selectors_as_jsonb_in_the_w3c_shape()
    {
        var (article, annotation) = await SaveAnnotationAsync("intelligent and systematic");
        var start = article.Body.IndexOf("intelligent and systematic", StringComparison.Ordinal);

        await using var context = fixture.CreateContext();
        var row = await context.Database
            .SqlQuery<string>($"SELECT selector::text AS \"Value\" FROM annotations WHERE id = {annotation.Id} AND pg_typeof(selector) = 'jsonb'::regtype")
            .SingleAsync();
        using var json = JsonDocument.Parse(row);
        var quote = json.RootElement.GetProperty("quote");
        Assert.Equal("intelligent and systematic", quote.GetProperty("exact").GetString());
        Assert.EndsWith("called Velden '", quote.GetProperty("prefix").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("' and urged her", quote.GetProperty("suffix").GetString(), StringComparison.Ordinal);
        var position = json.RootElement.GetProperty("position");
        Assert.Equal(start, position.GetProperty("start").GetInt32());
        Assert.Equal(start + "intelligent and systematic".Length, position.GetProperty("end").GetInt32());
    }

    [Fact]
    public async Task Should_round_trip_the_selectors()
    {
        var (article, annotation) = await SaveAnnotationAsync("read the new Harbour Strategy");

        await using var context = fixture.CreateContext();
        var saved = await context.Annotations.SingleAsync(a => a.Id == annotation.Id);
        var selector = Assert.IsType<AnnotationSelector>(saved.Selector);
        Assert.Equal("read the new Harbour Strategy", selector.Quote.Exact);
        Assert.Equal(annotation.Selector!.Quote.Prefix, selector.Quote.Prefix);
        Assert.Equal(annotation.Selector.Quote.Suffix, selector.Quote.Suffix);
        Assert.Equal("read the new Harbour Strategy", article.Body[selector.Position!.Start..selector.Position.End]);
    }

    [Fact]
    public async Task Should_query_selectors_from_linq()
    {
        var (article, annotation) = await SaveAnnotationAsync("déjà vu all over again");
        var start = annotation.Selector!.Position!.Start;

        await using var context = fixture.CreateContext();
        var query = context.Annotations.Where(a =>
            a.ArticleId == article.Id && a.Selector!.Position!.Start <= start && a.Selector.Position.End > start && a.Selector.Quote.Exact.StartsWith("déjà"));
        Assert.Contains("selector", query.ToQueryString(), StringComparison.Ordinal);
        Assert.Equal(annotation.Id, (await query.SingleAsync()).Id);
    }

    [Fact]
    public async Task Should_query_selectors_with_jsonb_operators()
    {
        var (_, annotation) = await SaveAnnotationAsync("the alliance stood ready");

        await using var context = fixture.CreateContext();
        var probe = """{"quote": {"exact": "the alliance stood ready"}}""";
        var containment = await context.Database
            .SqlQuery<long>($"SELECT id AS \"Value\" FROM annotations WHERE selector @> {probe}::jsonb")
            .ToListAsync();
        Assert.Contains(annotation.Id, containment);

        var end = await context.Database
            .SqlQuery<int>($"SELECT (selector -> 'position' ->> 'end')::int AS \"Value\" FROM annotations WHERE id = {annotation.Id}")
            .SingleAsync();
        Assert.Equal(annotation.Selector!.Position!.End, end);
    }

    [Fact]
    public async Task Should_keep_a_quote_selector_without_a_position()
    {
        var author = Sample.Account();
        var article = Sample.Article();
        var annotation = Annotation.OnArticle(article, author.Id, AnnotationMotivation.Commenting, "Whole article.");
        annotation.Reanchor(new AnnotationSelector(new TextQuoteSelector("fatal", "prove '", "' for"), null), 1);
        await using (var context = fixture.CreateContext())
        {
            context.Users.Add(author);
            context.AddRange(article, annotation);
            await context.SaveChangesAsync();
        }

        await using var read = fixture.CreateContext();
        var saved = await read.Annotations.SingleAsync(a => a.Id == annotation.Id);
        Assert.Equal(("fatal", "prove '", "' for"), (saved.Selector!.Quote.Exact, saved.Selector.Quote.Prefix, saved.Selector.Quote.Suffix));
        Assert.Null(saved.Selector.Position);
    }

    private async Task<(Core.Articles.Article Article, Annotation Annotation)> SaveAnnotationAsync(string words)
    {
        var author = Sample.Account();
        var article = Sample.Article();
        var annotation = Annotation.OnArticle(article, Sample.Span(article.Body, words), author.Id, AnnotationMotivation.Commenting, "Note.");
        await using var context = fixture.CreateContext();
        context.Users.Add(author);
        context.AddRange(article, annotation);
        await context.SaveChangesAsync();
        return (article, annotation);
    }
}
