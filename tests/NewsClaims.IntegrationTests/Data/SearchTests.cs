using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Statements;
using NewsClaims.Data.Search;
using NewsClaims.IntegrationTests.Infrastructure;

namespace NewsClaims.IntegrationTests.Data;

/// <summary>Statement filters run in PostgreSQL on the search table: its document (unaccented, stemmed, the statement's words weighted A) and pg_trgm.</summary>
public sealed class SearchTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private long _dejaVu;
    private long _warning;
    private long _strategy;

    public async Task InitializeAsync()
    {
        var article = Sample.Article();
        var dejaVu = Add(article, "déjà vu all over again");
        var warning = Add(article, "warned that a new offensive by Ostrovia would prove 'fatal' for its government");
        var strategy = Add(article, "read the new Harbour Strategy");
        await using var context = fixture.CreateContext();
        context.Articles.Add(article);
        await context.SaveChangesAsync();
        (_dejaVu, _warning, _strategy) = (dejaVu.Id, warning.Id, strategy.Id);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Should_find_a_statement_by_its_words()
    {
        await using var context = fixture.CreateContext();
        var found = await context.Statements.MatchingWords(context, "harbour strategy").Select(s => s.Id).ToListAsync();
        Assert.Contains(_strategy, found);
        Assert.DoesNotContain(_warning, found);
        Assert.Empty(await context.Statements.MatchingWords(context, "harbour strategy", speakerId: -1).Select(s => s.Id).ToListAsync());
    }

    [Fact]
    public async Task Should_find_an_accented_word_searched_without_accents()
    {
        await using var context = fixture.CreateContext();
        Assert.Contains(_dejaVu, await context.Statements.MatchingWords(context, "deja vu").Select(s => s.Id).ToListAsync());
        Assert.Contains(_dejaVu, await context.Statements.MatchingWords(context, "DÉJÀ").Select(s => s.Id).ToListAsync());
    }

    [Fact]
    public async Task Should_match_stemmed_forms_and_websearch_syntax()
    {
        await using var context = fixture.CreateContext();
        Assert.Contains(_warning, await context.Statements.MatchingWords(context, "warning offensives").Select(s => s.Id).ToListAsync());
        Assert.Contains(_warning, await context.Statements.MatchingWords(context, "\"prove fatal\"").Select(s => s.Id).ToListAsync());
        Assert.DoesNotContain(_warning, await context.Statements.MatchingWords(context, "offensive -ostrovia").Select(s => s.Id).ToListAsync());
    }

    [Fact]
    public async Task Should_match_the_search_documents_statement_words_with_websearch_to_tsquery_in_sql()
    {
        await using var context = fixture.CreateContext();
        var sql = context.Statements.MatchingWords(context, "deja vu").ToQueryString();
        Assert.Contains("document @@ public.statement_words_query(websearch_to_tsquery('english'", sql, StringComparison.Ordinal);

        var stored = await context.Database
            .SqlQuery<string>($"SELECT ts_filter(document, '{{a}}')::text AS \"Value\" FROM statement_search WHERE statement_id = {_dejaVu}")
            .SingleAsync();
        Assert.Equal("'deja':1A 'vu':2A", stored);
    }

    [Fact]
    public async Task Should_match_only_the_statements_own_words_not_the_article_title_in_the_search_document()
    {
        await using var context = fixture.CreateContext();
        var found = await context.Statements.MatchingWords(context, "league chief").Select(s => s.Id).ToListAsync();
        Assert.DoesNotContain(_strategy, found);
        Assert.DoesNotContain(_warning, found);
        Assert.DoesNotContain(_dejaVu, found);
        Assert.Contains(_strategy, await context.Statements.MatchingWords(context, "harbour -league").Select(s => s.Id).ToListAsync());
    }

    [Fact]
    public async Task Should_find_a_misspelt_quote_by_trigram_similarity()
    {
        await using var context = fixture.CreateContext();
        var query = context.Statements.SimilarTo(context, "read the new Harbor Stratgy");
        Assert.Contains(" % ", query.ToQueryString(), StringComparison.Ordinal);
        var found = await query.Select(s => s.Id).ToListAsync();
        Assert.Contains(_strategy, found);
        Assert.DoesNotContain(_dejaVu, found);
    }

    [Fact]
    public async Task Should_have_gin_indexes_for_full_text_and_trigrams_on_the_search_table_only()
    {
        await using var context = fixture.CreateContext();
        var indexes = await context.Database
            .SqlQuery<string>($"SELECT indexdef AS \"Value\" FROM pg_indexes WHERE indexdef LIKE '%USING gin%' ORDER BY indexname")
            .ToListAsync();
        Assert.Contains("CREATE INDEX ix_statement_search_document ON public.statement_search USING gin (document)", indexes);
        Assert.Contains("CREATE INDEX ix_statement_search_folded_text_trgm ON public.statement_search USING gin (folded_text gin_trgm_ops)", indexes);
        Assert.DoesNotContain(indexes, i => i.Contains(" ON public.statements ", StringComparison.Ordinal));
        Assert.Contains("CREATE INDEX ix_person_aliases_normalised_alias_trgm ON public.person_aliases USING gin (normalised_alias gin_trgm_ops)", indexes);
    }

    [Fact]
    public async Task Should_find_a_speaker_by_a_misspelt_unaccented_alias()
    {
        var person = Sample.Person("Zoë Brandtmeier");
        await using var context = fixture.CreateContext();
        context.People.Add(person);
        await context.SaveChangesAsync();

        var folded = Core.Common.SearchKey.ForName("zoe brantmeier");
        var found = await context.PersonAliases
            .Where(a => EF.Functions.TrigramsAreSimilar(a.NormalisedAlias, folded))
            .Select(a => a.PersonId)
            .ToListAsync();
        Assert.Contains(person.Id, found);
    }

    private static Statement Add(Core.Articles.Article article, string words) =>
        article.AddStatement(Sample.Span(article.Body, words), StatementKind.Direct, 0.9);
}
