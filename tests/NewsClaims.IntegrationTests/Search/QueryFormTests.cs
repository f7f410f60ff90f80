using Microsoft.Extensions.DependencyInjection;
using NewsClaims.Core.Articles;
using NewsClaims.Core.Statements;
using NewsClaims.Data;
using NewsClaims.IntegrationTests.Infrastructure;

namespace NewsClaims.IntegrationTests.Search;

/// <summary>Every query form the search box takes: words, stems, accents, phrases, exclusion, or, other languages.</summary>
[Collection(SearchCollection.Name)]
public sealed class QueryFormTests(SearchFixture site)
{
    [Fact]
    public async Task Should_find_an_accented_statement_searched_without_accents_and_mark_the_accented_words()
    {
        var result = await site.ApiAsync("/api/v1/search?q=deja%20vu");
        var hit = result.GetProperty("statements").GetProperty("items").EnumerateArray().Single(s => s.GetProperty("id").GetInt64() == site.DejaVu);
        Assert.Equal("<mark>déjà</mark> <mark>vu</mark> all over again", hit.GetProperty("highlight").GetString());
    }

    [Fact]
    public async Task Should_match_stemmed_forms_of_the_words()
    {
        var result = await site.ApiAsync("/api/v1/search?q=offensives%20proving%20ostrovia");
        Assert.Contains(site.Ostrovia, SearchFixture.StatementIds(result));
    }

    [Fact]
    public async Task Should_match_an_exact_phrase_only_in_that_order()
    {
        Assert.Contains(site.Ostrovia, SearchFixture.WordMatchIds(await site.ApiAsync("/api/v1/search?q=%22prove%20fatal%22")));
        Assert.DoesNotContain(site.Ostrovia, SearchFixture.WordMatchIds(await site.ApiAsync("/api/v1/search?q=%22fatal%20prove%22")));
    }

    [Fact]
    public async Task Should_leave_out_statements_with_an_excluded_word()
    {
        Assert.Contains(site.Ostrovia, SearchFixture.StatementIds(await site.ApiAsync("/api/v1/search?q=offensive%20fatal")));
        // Also when no statement has the other words and the search falls back to likeness.
        Assert.DoesNotContain(site.Ostrovia, SearchFixture.StatementIds(await site.ApiAsync("/api/v1/search?q=offensive%20fatal%20-ostrovia")));
        Assert.DoesNotContain(site.Ostrovia, SearchFixture.StatementIds(await site.ApiAsync("/api/v1/search?q=offensiv%20fatl%20-ostrovia")));
        Assert.Contains(site.Ostrovia, SearchFixture.StatementIds(await site.ApiAsync("/api/v1/search?q=offensiv%20fatl")));
    }

    [Fact]
    public async Task Should_find_either_word_with_or()
    {
        var ids = SearchFixture.StatementIds(await site.ApiAsync("/api/v1/search?q=ostrovia%20or%20deja"));
        Assert.Contains(site.Ostrovia, ids);
        Assert.Contains(site.DejaVu, ids);
        var both = SearchFixture.WordMatchIds(await site.ApiAsync("/api/v1/search?q=ostrovia%20deja"));
        Assert.DoesNotContain(site.Ostrovia, both);
    }

    [Fact]
    public async Task Should_stem_a_german_statement_with_the_german_configuration()
    {
        // "Verhandlung" is only the same word as "Verhandlungen" to the German stemmer.
        var result = await site.ApiAsync("/api/v1/search?q=Verhandlung");
        Assert.Contains(site.German, SearchFixture.StatementIds(result));
        var filtered = await site.ApiAsync("/api/v1/search?q=Verhandlung&lang=de");
        Assert.Equal([site.German], SearchFixture.StatementIds(filtered));
    }

    [Fact]
    public async Task Should_fall_back_to_trigram_likeness_when_no_spelling_fix_finds_the_words()
    {
        var result = await site.ApiAsync("/api/v1/search?q=" + Uri.EscapeDataString("we will nt bak down frm the harbor plann"));
        Assert.Equal("fuzzy", result.GetProperty("match").GetString());
        var ids = SearchFixture.StatementIds(result);
        Assert.Contains(site.HarbourPlan, ids);
        Assert.Contains(site.HarbourPlanRetold, ids);
    }

    [Fact]
    public async Task Should_respell_swapped_letters_that_share_no_trigrams_with_the_word_meant()
    {
        // "djea" and "deja" have one trigram in common of nine; one swap apart.
        var result = await site.ApiAsync("/api/v1/search?q=" + Uri.EscapeDataString("djea vu"));
        Assert.Equal("corrected", result.GetProperty("match").GetString());
        Assert.Equal("deja vu", result.GetProperty("searchedFor").GetString());
        Assert.Equal(site.DejaVu, SearchFixture.StatementIds(result)[0]);
    }

    [Fact]
    public async Task Should_respell_to_the_word_fewest_edits_away_not_the_rare_word_sharing_most_trigrams()
    {
        // "kollder" shares more trigrams with the rare "kolollder" (0.8) than with the common "kolder" (0.67), but
        // "kolder" is one edit away and the rare word two: a reader who typed "kollder" meant "kolder".
        await using (var scope = site.Factory.Services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<NewsClaimsDbContext>();
            var speaker = Sample.Person("Ines Marwood");
            foreach (var words in new[] { "the kolder quay will close", "no kolder tolls this year", "a kolder ferry at dawn", "the kolollder estate is sold" })
            {
                var article = new Article("Quay news", $"Ines Marwood said {words}. {Guid.NewGuid():N}");
                article.AddStatement(Sample.Span(article.Body, words), StatementKind.Indirect, 0.9)
                    .AttributeTo(speaker, Sample.Span(article.Body, "Ines Marwood"), "test");
                context.Articles.Add(article);
            }

            await context.SaveChangesAsync();
        }

        var result = await site.ApiAsync("/api/v1/search?q=kollder");

        Assert.Equal("corrected", result.GetProperty("match").GetString());
        Assert.Equal("kolder", result.GetProperty("searchedFor").GetString());
        Assert.Equal(3, result.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Should_offer_a_did_you_mean_link_on_the_page()
    {
        var page = await site.Client.GetStringAsync("/search?q=" + Uri.EscapeDataString("ostrovva govrnment"));
        Assert.Contains("ostrovia government", page, StringComparison.Ordinal);
        Assert.Contains("Search instead for", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_list_a_persons_statements_when_searching_within_that_person_without_words()
    {
        var result = await site.ApiAsync($"/api/v1/search?person={site.VeldenSlug}&sort=newest");
        var ids = SearchFixture.StatementIds(result);
        Assert.Equal([site.HarbourPlanRetold, site.HarbourPlan, site.Ostrovia], ids);
    }

    [Fact]
    public async Task Should_render_the_page_with_tabs_for_statements_claims_and_annotations()
    {
        var page = await site.Client.GetStringAsync("/search?q=ostrovia");
        Assert.Contains("Statements <span class=\"count\">", page, StringComparison.Ordinal);
        Assert.Contains("Claims <span class=\"count\">", page, StringComparison.Ordinal);
        Assert.Contains("Annotations <span class=\"count\">", page, StringComparison.Ordinal);
        Assert.Contains($"/statements/{site.Ostrovia}", page, StringComparison.Ordinal);
        Assert.Contains("<mark>Ostrovia</mark>", page, StringComparison.Ordinal);
    }
}
