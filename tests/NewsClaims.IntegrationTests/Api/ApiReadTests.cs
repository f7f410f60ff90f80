using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Statements;
using NewsClaims.IntegrationTests.Reader;

namespace NewsClaims.IntegrationTests.Api;

/// <summary>The read API on the demo data plus the reader fixtures: traceable offsets, the reader rule, keyset pages, ETags.</summary>
public sealed class ApiReadTests(ReaderSiteFixture site) : IClassFixture<ReaderSiteFixture>
{
    private readonly HttpClient _client = site.Factory.CreateClient(new() { AllowAutoRedirect = false });

    [Fact]
    public async Task Should_give_every_statement_offsets_that_point_at_its_exact_words_in_the_article_text()
    {
        await using var db = site.CreateContext();
        var articleIds = await db.Articles.Select(a => a.Id).ToListAsync();
        var checkedSpans = 0;

        foreach (var id in articleIds)
        {
            var article = await GetJsonAsync($"/api/v1/articles/{id}");
            var text = article["text"]!.GetValue<string>();
            foreach (var statement in article["statements"]!.AsArray())
            {
                foreach (var span in new[] { statement, statement!["mention"], statement["cue"] }.OfType<JsonNode>())
                {
                    var (start, end) = (span["start"]!.GetValue<int>(), span["end"]!.GetValue<int>());
                    Assert.Equal(text[start..end], span["text"]!.GetValue<string>());
                    checkedSpans++;
                }
            }
        }

        Assert.True(checkedSpans > 50, $"only {checkedSpans} spans checked");
    }

    [Fact]
    public async Task Should_give_the_sample_article_its_eight_statements_by_rutte_and_putin()
    {
        if (site.SeedArticleId is not { } id)
        {
            // Without the shared corpus beside the clone, the same check on a demo article against the database.
            await using var db = site.CreateContext();
            var demo = await db.Statements.Where(ReaderVisibility.IsShown).Where(s => s.SpeakerId != null).Select(s => s.ArticleId).FirstAsync();
            var names = await db.Statements.Where(ReaderVisibility.IsShown).Where(s => s.ArticleId == demo).Select(s => s.Speaker!.Name).Distinct().OrderBy(n => n).ToListAsync();
            var shown = (await GetJsonAsync($"/api/v1/articles/{demo}"))["statements"]!.AsArray().Select(s => s!["speaker"]?["name"]?.GetValue<string>() ?? "").Distinct().Order().ToList();
            Assert.Equal(names, shown);
            return;
        }

        var article = await GetJsonAsync($"/api/v1/articles/{id}");
        var speakers = article["statements"]!.AsArray().Select(s => s!["speaker"]?["name"]?.GetValue<string>()).ToList();

        Assert.Equal(8, speakers.Count);
        Assert.Equal(["Mark Rutte", "Vladimir Putin"], speakers.Distinct().Order().ToList());
        var rutte = await GetJsonAsync("/api/v1/speakers/mark-rutte");
        Assert.Contains("NATO Secretary General", rutte["aliases"]!.AsArray().Select(a => a!.GetValue<string>()));
    }

    [Fact]
    public async Task Should_page_a_speakers_statements_newest_first_without_gaps_or_repeats()
    {
        var seen = new List<(DateOnly Date, long Id)>();
        var url = $"/api/v1/speakers/{site.TimelineSlug}/statements?limit=50";
        var pages = 0;
        while (url is not null)
        {
            var response = await _client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            foreach (var item in page["items"]!.AsArray())
            {
                var date = item!["when"]?["date"]?.GetValue<string>() ?? item["article"]!["published"]?.GetValue<string>() ?? "0001-01-01";
                seen.Add((DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), item["id"]!.GetValue<long>()));
            }

            url = page["next"]?.GetValue<string>();
            if (url is not null)
            {
                Assert.Equal($"<{url}>; rel=\"next\"", response.Headers.GetValues("Link").Single());
            }

            pages++;
        }

        await using var db = site.CreateContext();
        var expected = await db.Statements.Where(ReaderVisibility.IsShown).CountAsync(s => s.Speaker!.Slug == site.TimelineSlug);
        Assert.True(expected > ReaderSiteFixture.TimelineStatements);
        Assert.Equal(expected, seen.Count);
        Assert.Equal(seen.Count, seen.Select(s => s.Id).Distinct().Count());
        Assert.Equal(seen, seen.OrderByDescending(s => s.Date).ThenByDescending(s => s.Id).ToList());
        Assert.True(pages >= 3);
    }

    [Fact]
    public async Task Should_page_every_list_to_the_same_total_as_the_database()
    {
        await using var db = site.CreateContext();
        var expected = new Dictionary<string, int>
        {
            ["/api/v1/statements?limit=200"] = await db.Statements.Where(ReaderVisibility.IsShown).CountAsync(),
            ["/api/v1/articles?limit=7"] = await db.Articles.CountAsync(),
            ["/api/v1/speakers?limit=13"] = await db.People.CountAsync(p => p.MergedIntoId == null),
            ["/api/v1/claims?limit=1"] = await db.Claims.CountAsync(),
        };

        foreach (var (start, count) in expected)
        {
            var ids = new HashSet<string>();
            for (var url = start; url is not null;)
            {
                var page = await GetJsonAsync(url);
                foreach (var item in page["items"]!.AsArray())
                {
                    Assert.True(ids.Add((item!["id"] ?? item["slug"])!.ToJsonString()), $"{start} repeated an item");
                }

                url = page["next"]?.GetValue<string>();
            }

            Assert.Equal(count, ids.Count);
        }
    }

    [Fact]
    public async Task Should_keep_unnamed_sources_and_drafts_from_readers()
    {
        var statement = await _client.GetAsync($"/api/v1/statements/{site.UnnamedSourceStatementId}");
        Assert.Equal(HttpStatusCode.NotFound, statement.StatusCode);
        Assert.Equal("application/problem+json", statement.Content.Headers.ContentType?.MediaType);

        var claimed = await GetJsonAsync($"/api/v1/statements/{site.ClaimedStatementId}");
        var notes = claimed["annotations"]!.AsArray().Select(a => a!["body"]!.GetValue<string>()).ToList();
        Assert.Contains("Which parliament <b>term</b> is meant?", notes);
        Assert.DoesNotContain("Draft note nobody may read", notes);
        Assert.Contains("&lt;b&gt;term&lt;/b&gt;", claimed["annotations"]![0]!["bodyHtml"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(site.ClaimId, claimed["claims"]![0]!["id"]!.GetValue<long>());
        Assert.Equal("mostly_false", claimed["claims"]![0]!["verdict"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_show_a_claim_with_its_verdict_sources_statements_and_related_claim()
    {
        var claim = await GetJsonAsync($"/api/v1/claims/{site.ClaimId}");

        Assert.Equal("mostly_false", claim["verdict"]!.GetValue<string>());
        Assert.Equal("Mostly false", claim["verdictLabel"]!.GetValue<string>());
        Assert.Equal("https://budget.newsclaims.test/2026", claim["sources"]![0]!["url"]!.GetValue<string>());
        Assert.Equal(site.ClaimedStatementId, claim["statements"]![0]!["id"]!.GetValue<long>());
        Assert.Equal(site.RelatedClaimId, claim["related"]![0]!["id"]!.GetValue<long>());
        Assert.Equal("contradicts", claim["related"]![0]!["relation"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_answer_304_to_a_client_holding_the_current_representation()
    {
        var url = $"/api/v1/claims/{site.ClaimId}";
        var first = await _client.GetAsync(url);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(etag);
        var second = await _client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, second.Headers.ETag);

        using var stale = new HttpRequestMessage(HttpMethod.Get, url);
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"not-the-current-one\""));
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(stale)).StatusCode);
        var other = await _client.GetAsync($"/api/v1/claims/{site.RelatedClaimId}");
        Assert.NotEqual(etag, other.Headers.ETag);
    }

    [Theory]
    [InlineData("/api/v1/statements?cursor=not-a-cursor", "cursor")]
    [InlineData("/api/v1/statements?limit=0", "limit")]
    [InlineData("/api/v1/statements?limit=100000", "limit")]
    [InlineData("/api/v1/statements?kind=shouted", "kind")]
    [InlineData("/api/v1/claims?verdict=maybe", "verdict")]
    public async Task Should_refuse_bad_parameters_with_a_problem_naming_them(string url, string parameter)
    {
        var response = await _client.GetAsync(url);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(problem["errors"]!.AsObject(), e => e.Key.Equals(parameter, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Should_not_accept_a_cursor_from_another_list()
    {
        var articles = await GetJsonAsync("/api/v1/articles?limit=1");
        var cursor = articles["nextCursor"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync($"/api/v1/claims?cursor={cursor}")).StatusCode);
    }

    private async Task<JsonNode> GetJsonAsync(string url)
    {
        var response = await _client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} → {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }
}
