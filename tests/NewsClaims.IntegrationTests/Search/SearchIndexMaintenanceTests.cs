using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsClaims.Core.Articles;
using NewsClaims.Core.Statements;
using NewsClaims.Data;
using NewsClaims.IntegrationTests.Infrastructure;

namespace NewsClaims.IntegrationTests.Search;

/// <summary>The search table follows the statements, people and articles it is built from (database triggers).</summary>
[Collection(SearchCollection.Name)]
public sealed class SearchIndexMaintenanceTests(SearchFixture site)
{
    [Fact]
    public async Task Should_find_statements_by_a_speakers_new_name_and_new_alias()
    {
        var person = Sample.Person("Ilse Quarterman");
        var article = new Article("Quarterman on tides", $"Ilse Quarterman said the tides were unusually kind. {Guid.NewGuid():N}");
        var statement = article.AddStatement(Sample.Span(article.Body, "the tides were unusually kind"), StatementKind.Indirect, 0.9);
        statement.AttributeTo(person, Sample.Span(article.Body, "Ilse Quarterman"), "test");
        await using (var context = site.CreateContext())
        {
            context.Articles.Add(article);
            await context.SaveChangesAsync();
            person.Rename("Ilse Vandermolen");
            person.AddAlias("Captain Tidewater");
            await context.SaveChangesAsync();
        }

        Assert.Contains(statement.Id, SearchFixture.StatementIds(await site.ApiAsync("/api/v1/search?q=vandermolen%20tides")));
        Assert.Contains(statement.Id, SearchFixture.StatementIds(await site.ApiAsync("/api/v1/search?q=tidewater")));
    }

    [Fact]
    public async Task Should_follow_an_article_retitled_and_drop_a_rejected_statement()
    {
        var article = new Article("Quiet day at the locks", $"Lockkeeper Ivo Brandsma said the gates would reopen at dawn. {Guid.NewGuid():N}");
        var statement = article.AddStatement(Sample.Span(article.Body, "the gates would reopen at dawn"), StatementKind.Indirect, 0.9);
        statement.AttributeTo(Sample.Person("Ivo Brandsma"), Sample.Span(article.Body, "Ivo Brandsma"), "test");
        var editor = Sample.Account();
        await using (var context = site.CreateContext())
        {
            context.Users.Add(editor);
            context.Articles.Add(article);
            await context.SaveChangesAsync();
            article.Retitle("Floodgate drama at Kessling");
            await context.SaveChangesAsync();
        }

        Assert.Contains(statement.Id, SearchFixture.StatementIds(await site.ApiAsync("/api/v1/search?q=kessling%20floodgate")));

        // Rejected through the site's own context, as an editor would: its save evicts the cached search at once.
        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<NewsClaimsDbContext>();
            var stored = await context.Statements.SingleAsync(s => s.Id == statement.Id);
            stored.Reject(editor.Id, DateTimeOffset.UtcNow, "Not a statement.");
            await context.SaveChangesAsync();
        }

        Assert.DoesNotContain(statement.Id, SearchFixture.StatementIds(await site.ApiAsync("/api/v1/search?q=kessling%20floodgate")));
    }

    [Fact]
    public async Task Should_use_the_gin_indexes_for_words_and_trigrams()
    {
        await using var context = site.CreateContext();
        await using var connection = await site.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SET enable_seqscan = off;
            EXPLAIN SELECT statement_id FROM statement_search WHERE document @@ websearch_to_tsquery('public.nc_english', 'harbour');
            """;
        var plan = string.Join('\n', await ReadAllAsync(command));
        Assert.Contains("ix_statement_search_document", plan, StringComparison.Ordinal);

        command.CommandText = "EXPLAIN SELECT statement_id FROM statement_search WHERE 'harbor plan' <% folded_text";
        Assert.Contains("ix_statement_search_folded_text_trgm", string.Join('\n', await ReadAllAsync(command)), StringComparison.Ordinal);
    }

    private static async Task<List<string>> ReadAllAsync(Npgsql.NpgsqlCommand command)
    {
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        do
        {
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }
        }
        while (await reader.NextResultAsync());

        return lines;
    }
}
