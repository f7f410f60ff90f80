using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace NewsClaims.IntegrationTests.Search;

/// <summary>Whatever is typed or crafted, search answers sensibly (results or a helpful message), never with a 5xx.</summary>
[Collection(SearchCollection.Name)]
public sealed class BadInputTests(SearchFixture site)
{
    public static TheoryData<string, string> Inputs => new()
    {
        { "empty", "" },
        { "spaces", "   " },
        { "10 KB", string.Join(' ', Enumerable.Repeat("ostrovia harbour", 640)) },
        { "stop words only", "the and of to be" },
        { "unbalanced quote", "\"prove fatal" },
        { "tsquery operators", "& | ! : * ( ) <-> <2> fatal:* !ostrovia" },
        { "only operators", "&|!:*()<->" },
        { "SQL fragment", "'; DROP TABLE statements; --" },
        { "SQL union", "x' UNION SELECT password_hash FROM asp_net_users --" },
        { "control characters", "fatal\u0000\u0001\u0007\u001b ostrovia" },
        { "lone surrogate", "fatal \ud800 ostrovia" },
        { "emoji", "ostrovia 🙂" },
        { "markup", "<script>alert(1)</script>" },
        { "backslashes", "\\\\ \\' \\\" fatal" },
        { "percent and underscore", "%_% fatal" },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task Should_answer_the_api_without_a_server_error(string label, string query)
    {
        using var response = await site.Client.GetAsync("/api/v1/search?q=" + Uri.EscapeDataString(query));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{label}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var found = body.GetProperty("statements").GetProperty("items").GetArrayLength();
        Assert.True(found > 0 || body.GetProperty("messages").GetArrayLength() > 0, $"{label}: neither results nor a message");
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task Should_answer_the_page_and_the_quote_check_without_a_server_error(string label, string query)
    {
        using var page = await site.Client.GetAsync("/search?q=" + Uri.EscapeDataString(query));
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"{label}: page answered {(int)page.StatusCode}");
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        using var check = await site.Client.GetAsync("/api/v1/search/quote-check?text=" + Uri.EscapeDataString(query));
        Assert.True(check.StatusCode == HttpStatusCode.OK, $"{label}: quote check answered {(int)check.StatusCode}");
    }

    [Fact]
    public async Task Should_keep_the_statements_table_after_a_query_written_as_sql()
    {
        await site.ApiAsync("/api/v1/search?q=" + Uri.EscapeDataString("'); DELETE FROM statements; --"));
        await using var context = site.CreateContext();
        Assert.True(await context.Statements.CountAsync() > 5);
    }

    [Fact]
    public async Task Should_explain_that_stop_words_alone_cannot_be_searched()
    {
        var result = await site.ApiAsync("/api/v1/search?q=the%20and%20of");
        Assert.Contains(result.GetProperty("messages").EnumerateArray(), m => m.GetString()!.Contains("too common", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_use_only_the_first_300_characters_of_a_10_kb_query_and_say_so()
    {
        var result = await site.ApiAsync("/api/v1/search?q=" + Uri.EscapeDataString("ostrovia " + new string('x', 10_000)));
        Assert.True(result.GetProperty("query").GetString()!.Length <= 300);
        Assert.Contains(result.GetProperty("messages").EnumerateArray(), m => m.GetString()!.Contains("first", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_ask_for_words_when_the_query_is_empty()
    {
        var result = await site.ApiAsync("/api/v1/search?q=");
        Assert.Equal(0, result.GetProperty("total").GetInt64());
        Assert.Contains(result.GetProperty("messages").EnumerateArray(), m => m.GetString()!.StartsWith("Type a few words", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("kind=banana", "banana")]
    [InlineData("status=rejected", "rejected")]
    [InlineData("verdict=pants_on_fire", "pants_on_fire")]
    [InlineData("person=nobody-at-all", "nobody-at-all")]
    [InlineData("outlet=999999999", "999999999")]
    [InlineData("outlet=abc", "abc")]
    [InlineData("year=twenty", "twenty")]
    [InlineData("from=19-12-2025", "19-12-2025")]
    [InlineData("lang=xx", "xx")]
    [InlineData("sort=sideways", "sideways")]
    [InlineData("after=not-a-cursor", "page link")]
    [InlineData("size=100000", null)]
    [InlineData("size=abc", null)]
    public async Task Should_ignore_an_unknown_filter_value_and_say_so(string parameter, string? named)
    {
        var plain = await site.ApiAsync("/api/v1/search?q=ostrovia");
        var result = await site.ApiAsync($"/api/v1/search?q=ostrovia&{parameter}");
        Assert.Equal(plain.GetProperty("total").GetInt64(), result.GetProperty("total").GetInt64());
        if (named is not null)
        {
            Assert.Contains(result.GetProperty("messages").EnumerateArray(), m => m.GetString()!.Contains(named, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Should_answer_429_with_retry_after_once_an_anonymous_client_passes_the_limit()
    {
        await using var limited = site.Factory.WithWebHostBuilder(b => b.UseSetting("Search:RateLimit:PermitLimit", "3"));
        using var client = limited.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.GetAsync("/api/v1/search?q=ostrovia");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var api = await client.GetAsync("/api/v1/search?q=ostrovia");
        Assert.Equal(HttpStatusCode.TooManyRequests, api.StatusCode);
        Assert.True(api.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 and <= 60 }, $"Retry-After was {api.Headers.RetryAfter}");
        using var page = await client.GetAsync("/search?q=ostrovia");
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Contains("Too many searches", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Reading pages is not limited.
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }
}
