using System.Net;
using System.Text.Json;
using NewsClaims.Core.Annotations;
using NewsClaims.Core.Articles;
using NewsClaims.Core.Claims;
using NewsClaims.Core.Statements;
using NewsClaims.IntegrationTests.Infrastructure;
using Npgsql;

namespace NewsClaims.IntegrationTests.Search;

/// <summary>
/// One search box, three tabs: the chosen tab's items come back, ranked and highlighted; every tab gives all three
/// totals, counted the same way whichever tab asked; a count that stopped at the window says so.
/// </summary>
[Collection(SearchCollection.Name)]
public sealed class ResultTabTests(SearchFixture site)
{
    [Fact]
    public async Task Should_return_the_chosen_tabs_items_and_every_tabs_total()
    {
        await using (var context = site.CreateContext())
        {
            var editor = Sample.Account();
            context.Users.Add(editor);
            var article = new Article("Quillmoor ferry hearing", Sample.UniqueBody(), publishedOn: new DateOnly(2025, 2, 3));
            var statement = article.AddStatement(Sample.Span(article.Body, "the alliance stood ready"), StatementKind.Indirect, 0.9);
            statement.AttributeTo(Sample.Person("Ines Quillmoor"), Sample.Span(article.Body, "Mara Velden"), "test");
            context.Articles.Add(article);
            context.Claims.AddRange(
                new Claim("The Quillmoor ferry loses money every winter", editor.Id),
                new Claim("Quillmoor tolls doubled in a year", editor.Id),
                new Claim("Nobody asked Quillmoor residents", editor.Id));
            var published = Annotation.OnStatement(statement, editor.Id, AnnotationMotivation.Commenting, "Quillmoor minutes say otherwise.");
            published.Publish();
            var second = Annotation.OnStatement(statement, editor.Id, AnnotationMotivation.Questioning, "Which Quillmoor route is meant?");
            second.Publish();
            var draft = Annotation.OnStatement(statement, editor.Id, AnnotationMotivation.Commenting, "Quillmoor draft, not for readers.");
            draft.Unpublish();
            context.Annotations.AddRange(published, second, draft);
            await context.SaveChangesAsync();
        }

        var statements = await site.ApiAsync("/api/v1/search?q=quillmoor");
        Assert.Equal("statements", statements.GetProperty("tab").GetString());
        Assert.Single(SearchFixture.StatementIds(statements));
        Assert.Equal((3L, false, 0), Section(statements, "claims"));
        Assert.Equal((2L, false, 0), Section(statements, "annotations"));

        var claims = await site.ApiAsync("/api/v1/search?q=quillmoor&tab=claims");
        Assert.Equal("claims", claims.GetProperty("tab").GetString());
        Assert.Equal((1L, false, 0), Section(claims, "statements"));
        Assert.Equal(JsonValueKind.Null, claims.GetProperty("nextCursor").ValueKind);
        Assert.Contains(claims.GetProperty("facets").GetProperty("person").EnumerateArray(), p => p.GetProperty("label").GetString() == "Ines Quillmoor");
        Assert.Equal((3L, false, 3), Section(claims, "claims"));
        Assert.All(claims.GetProperty("claims").GetProperty("items").EnumerateArray(),
            c => Assert.Contains("<mark>Quillmoor</mark>", c.GetProperty("highlight").GetString(), StringComparison.Ordinal));
        Assert.Equal((2L, false, 0), Section(claims, "annotations"));

        var annotations = await site.ApiAsync("/api/v1/search?q=quillmoor&tab=annotations");
        Assert.Equal((3L, false, 0), Section(annotations, "claims"));
        Assert.Equal((2L, false, 2), Section(annotations, "annotations"));
        Assert.DoesNotContain(annotations.GetProperty("annotations").GetProperty("items").EnumerateArray(),
            a => a.GetProperty("highlight").GetString()!.Contains("draft", StringComparison.Ordinal));

        var unknown = await site.ApiAsync("/api/v1/search?q=quillmoor&tab=verdicts");
        Assert.Equal("statements", unknown.GetProperty("tab").GetString());
        Assert.Single(SearchFixture.StatementIds(unknown));
        Assert.Contains(unknown.GetProperty("messages").EnumerateArray(), m => m.GetString()!.Contains("is not a tab", StringComparison.Ordinal));

        var page = await site.Client.GetStringAsync("/search?q=quillmoor&tab=claims");
        Assert.Contains("Quillmoor tolls doubled in a year", page.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("Quillmoor minutes say otherwise", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_count_a_section_to_its_window_and_say_when_there_are_more()
    {
        await using (var context = site.CreateContext())
        {
            context.Claims.AddRange(Enumerable.Range(1, 201).Select(i => new Claim($"The Tarnholt levy rose again in year {i}", null)));
            await context.SaveChangesAsync();
        }

        // Counted off the tab (any 201 matches) and on it (the newest 201): the same total either way.
        var counted = await site.ApiAsync("/api/v1/search?q=tarnholt");
        var listed = await site.ApiAsync("/api/v1/search?q=tarnholt&tab=claims");
        Assert.Equal((200L, true, 0), Section(counted, "claims"));
        Assert.Equal((200L, true, 20), Section(listed, "claims"));
        Assert.Contains("Claims <span class=\"count\">200+</span>", WebUtility.HtmlDecode(await site.Client.GetStringAsync("/search?q=tarnholt")), StringComparison.Ordinal);

        await using (var connection = new NpgsqlConnection(site.ConnectionString))
        {
            await connection.OpenAsync();
            await using var delete = new NpgsqlCommand("DELETE FROM claims WHERE id = (SELECT min(id) FROM claims WHERE text LIKE 'The Tarnholt levy%')", connection);
            Assert.Equal(1, await delete.ExecuteNonQueryAsync());
        }

        // Fresh addresses, so the reader cache cannot answer.
        Assert.Equal((200L, false, 0), Section(await site.ApiAsync("/api/v1/search?q=tarnholt&size=19"), "claims"));
        Assert.Equal((200L, false, 19), Section(await site.ApiAsync("/api/v1/search?q=tarnholt&tab=claims&size=19"), "claims"));
    }

    [Fact]
    public async Task Should_page_through_a_claims_tab_by_rank_without_gaps_or_repeats()
    {
        var made = new List<long>();
        await using (var context = site.CreateContext())
        {
            // The word once, twice or three times: ranks differ, and many claims share each rank.
            var claims = Enumerable.Range(1, 45)
                .Select(i => new Claim($"{string.Join(" and ", Enumerable.Repeat("Oskvik", 1 + (i % 3)))} fares went up in month {i}", null))
                .ToList();
            context.Claims.AddRange(claims);
            await context.SaveChangesAsync();
            made.AddRange(claims.Select(c => c.Id));
        }

        var whole = ClaimIds(await site.ApiAsync("/api/v1/search?q=oskvik&tab=claims&size=50"));
        Assert.Equal(made.Order(), whole.Order());

        var walked = new List<long>();
        var pages = 0;
        string? after = null;
        do
        {
            var page = await site.ApiAsync("/api/v1/search?q=oskvik&tab=claims&size=20" + (after is null ? "" : "&after=" + after));
            Assert.Equal(45, page.GetProperty("claims").GetProperty("total").GetInt64());
            walked.AddRange(ClaimIds(page));
            after = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (after is not null && pages < 5);

        Assert.Equal(3, pages);
        Assert.Equal(whole, walked);

        // A cursor belongs to its tab: one from the claims tab does not page statements, nor the other way round.
        var claimsCursor = (await site.ApiAsync("/api/v1/search?q=oskvik&tab=claims&size=20")).GetProperty("nextCursor").GetString();
        var misused = await site.ApiAsync("/api/v1/search?q=oskvik&after=" + claimsCursor);
        Assert.Contains(misused.GetProperty("messages").EnumerateArray(), m => m.GetString()!.Contains("not valid", StringComparison.Ordinal));

        var html = await site.Client.GetStringAsync("/search?q=oskvik&tab=claims");
        Assert.Contains("rel=\"next\"", html, StringComparison.Ordinal);
        Assert.Contains("More claims", html, StringComparison.Ordinal);
    }

    private static List<long> ClaimIds(JsonElement result) =>
        [.. result.GetProperty("claims").GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetInt64())];

    private static (long Total, bool IsLowerBound, int Items) Section(JsonElement result, string name)
    {
        var section = result.GetProperty(name);
        return (section.GetProperty("total").GetInt64(), section.GetProperty("totalIsLowerBound").GetBoolean(), section.GetProperty("items").GetArrayLength());
    }
}
