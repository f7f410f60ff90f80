using System.Net;
using Xunit.Abstractions;

namespace NewsClaims.IntegrationTests.Search;

/// <summary>The acceptance checks on the sample article (NATO's Rutte, Russia's Putin), through the real API and page.</summary>
[Collection(SearchCollection.Name)]
public sealed class SampleArticleSearchTests(SearchFixture site, ITestOutputHelper output)
{
    [Fact]
    public async Task Should_rank_Putins_statement_first_for_intelligent_systematic()
    {
        if (!SampleArticleIsThere())
        {
            return;
        }

        var result = await site.ApiAsync("/api/v1/search?q=intelligent%20systematic");
        var first = result.GetProperty("statements").GetProperty("items")[0];
        Assert.Equal("words", result.GetProperty("match").GetString());
        Assert.Equal("intelligent and systematic", first.GetProperty("text").GetString());
        Assert.Equal("Vladimir Putin", first.GetProperty("speaker").GetProperty("name").GetString());
        Assert.Contains("<mark>intelligent</mark>", first.GetProperty("highlight").GetString(), StringComparison.Ordinal);
        Assert.Contains("<mark>systematic</mark>", first.GetProperty("highlight").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_forgive_the_typos_in_inteligent_sistematic_and_say_what_it_searched_for()
    {
        if (!SampleArticleIsThere())
        {
            return;
        }

        var result = await site.ApiAsync("/api/v1/search?q=inteligent%20sistematic");
        Assert.Equal("corrected", result.GetProperty("match").GetString());
        Assert.Equal("intelligent systematic", result.GetProperty("searchedFor").GetString());
        Assert.Equal("intelligent systematic", result.GetProperty("didYouMean").GetString());
        var first = result.GetProperty("statements").GetProperty("items")[0];
        Assert.Equal("intelligent and systematic", first.GetProperty("text").GetString());
        Assert.Equal("Vladimir Putin", first.GetProperty("speaker").GetProperty("name").GetString());

        var page = WebUtility.HtmlDecode(await site.Client.GetStringAsync("/search?q=inteligent%20sistematic"));
        Assert.Contains("showing results for “intelligent systematic”", page, StringComparison.Ordinal);
        Assert.Contains("<mark>intelligent</mark>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_find_Putins_statement_by_the_exact_phrase_read_the_new()
    {
        if (!SampleArticleIsThere())
        {
            return;
        }

        var result = await site.ApiAsync("/api/v1/search?q=%22read%20the%20new%22");
        var first = result.GetProperty("statements").GetProperty("items")[0];
        Assert.Equal("read the new US National Security Strategy", first.GetProperty("text").GetString());
        Assert.Equal("Vladimir Putin", first.GetProperty("speaker").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Should_narrow_the_results_to_one_person_with_the_person_filter()
    {
        if (!SampleArticleIsThere())
        {
            return;
        }

        var all = await site.ApiAsync("/api/v1/search?q=russia");
        var people = all.GetProperty("facets").GetProperty("person").EnumerateArray().ToList();
        var putin = people.Single(p => p.GetProperty("label").GetString() == "Vladimir Putin");
        Assert.Contains(people, p => p.GetProperty("label").GetString() == "Mark Rutte");

        var slug = putin.GetProperty("value").GetString();
        var narrowed = await site.ApiAsync($"/api/v1/search?q=russia&person={slug}");
        var speakers = narrowed.GetProperty("statements").GetProperty("items").EnumerateArray()
            .Select(s => s.GetProperty("speaker").GetProperty("slug").GetString()).ToList();
        Assert.NotEmpty(speakers);
        Assert.All(speakers, s => Assert.Equal(slug, s));
        Assert.Equal(putin.GetProperty("count").GetInt64(), narrowed.GetProperty("total").GetInt64());
        Assert.True(narrowed.GetProperty("total").GetInt64() < all.GetProperty("total").GetInt64());
        Assert.Equal("Vladimir Putin", narrowed.GetProperty("filters").GetProperty("person").GetString());
    }

    [Fact]
    public async Task Should_show_Ruttes_real_statement_with_the_differences_marked_in_the_quote_check()
    {
        if (!SampleArticleIsThere())
        {
            return;
        }

        var result = await site.ApiAsync("/api/v1/search/quote-check?text=" + Uri.EscapeDataString("Rutte said the offensive would be fatal for Russia"));
        Assert.Equal("Rutte", result.GetProperty("namedSpeaker").GetString());
        var best = result.GetProperty("matches")[0];
        var statement = best.GetProperty("statement");
        Assert.Equal("Mark Rutte", statement.GetProperty("speaker").GetProperty("name").GetString());
        Assert.Equal("the next major Russian offensive against Ukraine could prove ‘fatal’ for Moscow", statement.GetProperty("text").GetString());
        Assert.True(best.GetProperty("speakerMatches").GetBoolean());
        var similarity = best.GetProperty("similarity").GetDouble();
        Assert.InRange(similarity, 0.3, 0.9);

        var diff = best.GetProperty("diff").EnumerateArray().Select(d => (Text: d.GetProperty("text").GetString()!, Kind: d.GetProperty("kind").GetString()!)).ToList();
        Assert.Contains(diff, d => d.Kind == "removed" && d.Text.Contains("Russia", StringComparison.Ordinal));
        Assert.Contains(diff, d => d.Kind == "inserted" && d.Text.Contains("Moscow", StringComparison.Ordinal));
        Assert.Contains(diff, d => d.Kind == "same" && d.Text.Contains("offensive", StringComparison.Ordinal));

        var page = await site.Client.GetStringAsync("/search/quote-check?text=" + Uri.EscapeDataString("Rutte said the offensive would be fatal for Russia"));
        Assert.Contains("<del>", page, StringComparison.Ordinal);
        Assert.Contains("<ins>", page, StringComparison.Ordinal);
        Assert.Contains("Moscow", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_warn_when_the_closest_statement_is_by_someone_else_than_the_person_named()
    {
        if (!SampleArticleIsThere())
        {
            return;
        }

        var result = await site.ApiAsync("/api/v1/search/quote-check?text=" + Uri.EscapeDataString("Rutte said Putin was intelligent and systematic"));
        var best = result.GetProperty("matches")[0];
        Assert.Equal("Vladimir Putin", best.GetProperty("statement").GetProperty("speaker").GetProperty("name").GetString());
        Assert.False(best.GetProperty("speakerMatches").GetBoolean());
        Assert.Contains(result.GetProperty("messages").EnumerateArray(), m => m.GetString()!.Contains("not attributed to “Rutte”", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_find_statements_by_speaker_name_and_by_article_title_words()
    {
        if (!SampleArticleIsThere())
        {
            return;
        }

        var byName = await site.ApiAsync("/api/v1/search?q=putin%20intelligent");
        Assert.Equal("intelligent and systematic", byName.GetProperty("statements").GetProperty("items")[0].GetProperty("text").GetString());

        var byTitle = await site.ApiAsync("/api/v1/search?q=imminent");
        var articles = byTitle.GetProperty("statements").GetProperty("items").EnumerateArray().Select(s => s.GetProperty("article").GetProperty("id").GetInt64()).ToList();
        Assert.NotEmpty(articles);
        Assert.All(articles, a => Assert.Equal(site.SampleArticleId, a));
    }

    private bool SampleArticleIsThere()
    {
        if (site.SampleArticleId is not null)
        {
            return true;
        }

        output.WriteLine(SearchFixture.SampleArticleMissing);
        return false;
    }
}
