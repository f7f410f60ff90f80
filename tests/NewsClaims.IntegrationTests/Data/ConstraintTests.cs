using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Annotations;
using NewsClaims.Core.Claims;
using NewsClaims.Core.Outlets;
using NewsClaims.IntegrationTests.Infrastructure;
using Npgsql;

namespace NewsClaims.IntegrationTests.Data;

/// <summary>
/// The rules hold in the database itself, not only in C#: each test breaks one with SQL (bypassing the
/// entities' own guards) or with a second entity, and checks which constraint refused it.
/// </summary>
public sealed class ConstraintTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Should_reject_a_second_article_with_the_same_canonical_url()
    {
        var url = $"https://example.org/news/{Guid.NewGuid():N}";
        await using (var context = fixture.CreateContext())
        {
            context.Articles.Add(Sample.Article(canonicalUrl: url));
            await context.SaveChangesAsync();
        }

        await using var second = fixture.CreateContext();
        second.Articles.Add(Sample.Article(canonicalUrl: url));
        await AssertSaveViolatesAsync(second, "ix_articles_canonical_url");
    }

    [Fact]
    public async Task Should_allow_many_articles_without_a_canonical_url()
    {
        await using var context = fixture.CreateContext();
        context.Articles.AddRange(Sample.Article(), Sample.Article());
        await context.SaveChangesAsync();
        Assert.True(await context.Articles.CountAsync(a => a.CanonicalUrl == null) >= 2);
    }

    [Fact]
    public async Task Should_reject_a_second_article_with_the_same_content_hash()
    {
        var body = Sample.UniqueBody();
        await using (var context = fixture.CreateContext())
        {
            context.Articles.Add(Sample.Article(body, canonicalUrl: "https://example.org/a/" + Guid.NewGuid()));
            await context.SaveChangesAsync();
        }

        await using var second = fixture.CreateContext();
        second.Articles.Add(Sample.Article(body, canonicalUrl: "https://example.org/b/" + Guid.NewGuid()));
        await AssertSaveViolatesAsync(second, "ix_articles_content_hash");
    }

    [Fact]
    public async Task Should_reject_a_content_hash_that_is_not_sha256_hex()
    {
        var articleId = await SaveArticleAsync();
        await AssertViolatesAsync("ck_articles_content_hash_sha256", $"UPDATE articles SET content_hash = 'not-a-hash' WHERE id = {articleId}");
    }

    [Fact]
    public async Task Should_reject_a_second_revision_with_the_same_number()
    {
        var articleId = await SaveArticleAsync();
        await AssertViolatesAsync("ix_article_revisions_article_id_number",
            $"INSERT INTO article_revisions (article_id, number, body, content_hash, created_at) SELECT article_id, number, body, content_hash, now() FROM article_revisions WHERE article_id = {articleId}");
    }

    [Fact]
    public async Task Should_reject_outlet_names_that_differ_only_in_case()
    {
        var name = Sample.Unique("Harbour Gazette");
        await using (var context = fixture.CreateContext())
        {
            context.Outlets.Add(new Outlet(name, $"{Guid.NewGuid():N}.example"));
            await context.SaveChangesAsync();
        }

        await using var second = fixture.CreateContext();
        second.Outlets.Add(new Outlet(name.ToUpperInvariant()));
        await AssertSaveViolatesAsync(second, "ix_outlets_name_key");
    }

    [Fact]
    public async Task Should_reject_a_second_outlet_with_the_same_web_domain()
    {
        var domain = $"{Guid.NewGuid():N}.example";
        await using (var context = fixture.CreateContext())
        {
            context.Outlets.Add(new Outlet(Sample.Unique("One"), domain));
            await context.SaveChangesAsync();
        }

        await using var second = fixture.CreateContext();
        second.Outlets.Add(new Outlet(Sample.Unique("Two"), "https://www." + domain + "/news"));
        await AssertSaveViolatesAsync(second, "ix_outlets_web_domain");
    }

    [Fact]
    public async Task Should_reject_a_second_person_with_the_same_slug()
    {
        var slug = $"mara-velden-{Guid.NewGuid():N}";
        await using (var context = fixture.CreateContext())
        {
            context.People.Add(new Core.People.Person("Mara Velden", slug));
            await context.SaveChangesAsync();
        }

        await using var second = fixture.CreateContext();
        second.People.Add(new Core.People.Person("Mara Velden", slug));
        await AssertSaveViolatesAsync(second, "ix_people_slug");
    }

    [Theory]
    [InlineData("Mara Velden")]
    [InlineData("mara--velden")]
    [InlineData("-mara")]
    public async Task Should_reject_a_slug_that_is_not_lowercase_words_joined_by_hyphens(string slug)
    {
        var personId = await SavePersonAsync();
        await AssertViolatesAsync("ck_people_slug_format", $"UPDATE people SET slug = '{slug}' WHERE id = {personId}");
    }

    [Fact]
    public async Task Should_reject_a_second_person_with_the_same_wikidata_id()
    {
        var qid = $"Q{Random.Shared.NextInt64(1, long.MaxValue)}";
        await using (var context = fixture.CreateContext())
        {
            context.People.Add(new Core.People.Person("Mara Velden", $"mara-{Guid.NewGuid():N}", wikidataId: qid));
            await context.SaveChangesAsync();
        }

        await using var second = fixture.CreateContext();
        second.People.Add(new Core.People.Person("Mara Velden", $"mara-{Guid.NewGuid():N}", wikidataId: qid));
        await AssertSaveViolatesAsync(second, "ix_people_wikidata_id");
    }

    [Fact]
    public async Task Should_reject_a_malformed_wikidata_id()
    {
        var personId = await SavePersonAsync();
        await AssertViolatesAsync("ck_people_wikidata_id_format", $"UPDATE people SET wikidata_id = 'q42' WHERE id = {personId}");
        Assert.Throws<ArgumentException>(() => new Core.People.Person("Mara Velden", wikidataId: "Q42x"));
    }

    [Fact]
    public async Task Should_reject_the_same_alias_twice_for_one_person()
    {
        var personId = await SavePersonAsync();
        await AssertViolatesAsync("ix_person_aliases_person_id_normalised_alias",
            $"INSERT INTO person_aliases (person_id, alias, normalised_alias) VALUES ({personId}, 'MARA VELDEN', 'mara velden')");
    }

    [Fact]
    public async Task Should_reject_a_role_that_ends_before_it_starts()
    {
        var personId = await SavePersonAsync();
        await AssertViolatesAsync("ck_person_roles_dates_in_order",
            $"INSERT INTO person_roles (person_id, title, started_on, ended_on) VALUES ({personId}, 'Mayor', '2024-05-01', '2024-04-30')");
    }

    [Fact]
    public async Task Should_reject_statement_with_end_before_start()
    {
        var statementId = await SaveStatementAsync();
        await AssertViolatesAsync("ck_statements_span", $"UPDATE statements SET span_end = span_start - 1 WHERE id = {statementId}");
    }

    [Fact]
    public async Task Should_reject_statement_with_an_empty_span()
    {
        var statementId = await SaveStatementAsync();
        await AssertViolatesAsync("ck_statements_span", $"UPDATE statements SET span_end = span_start WHERE id = {statementId}");
    }

    [Fact]
    public async Task Should_reject_statement_with_a_negative_start()
    {
        var statementId = await SaveStatementAsync();
        await AssertViolatesAsync("ck_statements_span", $"UPDATE statements SET span_start = -1 WHERE id = {statementId}");
    }

    [Theory]
    [InlineData("mention_end = mention_start")]
    [InlineData("mention_end = NULL")]
    [InlineData("mention_text = NULL")]
    [InlineData("mention_start = -2, mention_end = 3")]
    public async Task Should_reject_a_broken_speaker_mention_span(string change)
    {
        var statementId = await SaveStatementAsync();
        await AssertViolatesAsync("ck_statements_mention_span", $"UPDATE statements SET {change} WHERE id = {statementId}");
    }

    [Theory]
    [InlineData("cue_end = cue_start - 1")]
    [InlineData("cue_start = NULL")]
    public async Task Should_reject_a_broken_cue_span(string change)
    {
        var statementId = await SaveStatementAsync();
        await AssertViolatesAsync("ck_statements_cue_span", $"UPDATE statements SET {change} WHERE id = {statementId}");
    }

    [Fact]
    public async Task Should_accept_a_statement_without_mention_or_cue()
    {
        var statementId = await SaveStatementAsync();
        await using var connection = await fixture.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(
            $"UPDATE statements SET mention_start = NULL, mention_end = NULL, mention_text = NULL, cue_start = NULL, cue_end = NULL, cue_text = NULL WHERE id = {statementId}", connection);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    [Theory]
    [InlineData(1.01)]
    [InlineData(-0.01)]
    public async Task Should_reject_confidence_outside_zero_to_one(double confidence)
    {
        var statementId = await SaveStatementAsync();
        await AssertViolatesAsync("ck_statements_confidence_range",
            $"UPDATE statements SET confidence = {confidence.ToString(System.Globalization.CultureInfo.InvariantCulture)} WHERE id = {statementId}");
    }

    [Fact]
    public void Should_refuse_confidence_outside_zero_to_one_in_csharp_too()
    {
        var article = Sample.Article();
        Assert.Throws<ArgumentOutOfRangeException>(() => article.AddStatement(Sample.Span(article.Body, "fatal"), Core.Statements.StatementKind.Direct, 1.5));
    }

    [Fact]
    public async Task Should_reject_a_when_said_date_without_precision()
    {
        var statementId = await SaveStatementAsync();
        await AssertViolatesAsync("ck_statements_when_said_date_has_precision",
            $"UPDATE statements SET when_said_date = '2025-12-19', when_said_precision = 'unknown' WHERE id = {statementId}");
    }

    [Fact]
    public async Task Should_reject_a_rejected_statement_without_a_reason()
    {
        var statementId = await SaveStatementAsync();
        await AssertViolatesAsync("ck_statements_rejection_reason",
            $"UPDATE statements SET status = 'rejected', reviewed_at = now() WHERE id = {statementId}");
    }

    [Fact]
    public async Task Should_reject_a_reviewed_status_without_a_review_time()
    {
        var statementId = await SaveStatementAsync();
        await AssertViolatesAsync("ck_statements_reviewed", $"UPDATE statements SET status = 'confirmed' WHERE id = {statementId}");
    }

    [Theory]
    [InlineData("statements", "kind", "ck_statements_kind", "")]
    [InlineData("statements", "status", "ck_statements_status", ", reviewed_at = now()")]
    [InlineData("statements", "when_said_precision", "ck_statements_when_said_precision", ", when_said_date = '2025-12-19'")]
    [InlineData("statements", "anchor_status", "ck_statements_anchor_status", "")]
    [InlineData("annotations", "motivation", "ck_annotations_motivation", "")]
    [InlineData("annotations", "visibility", "ck_annotations_visibility", "")]
    [InlineData("annotations", "anchor_status", "ck_annotations_anchor_status", "")]
    [InlineData("claims", "verdict", "ck_claims_verdict", "")]
    [InlineData("claim_relations", "kind", "ck_claim_relations_kind", "")]
    [InlineData("statement_persons", "role", "ck_statement_persons_role", "")]
    public async Task Should_reject_a_value_outside_the_enum(string table, string column, string constraint, string otherwiseValid)
    {
        await SaveEveryKindOfRowAsync();
        await AssertViolatesAsync(constraint, $"UPDATE {table} SET {column} = 'hearsay'{otherwiseValid}");
    }

    [Fact]
    public async Task Should_store_enums_as_readable_text()
    {
        var (_, claimId) = await SaveEveryKindOfRowAsync();
        await using var connection = await fixture.OpenConnectionAsync();
        await using var command = new NpgsqlCommand($"SELECT verdict FROM claims WHERE id = {claimId}", connection);
        Assert.Equal("mostly_false", await command.ExecuteScalarAsync());
    }

    [Theory]
    [InlineData("article_id = NULL")]
    [InlineData("statement_id = (SELECT min(id) FROM statements)")]
    [InlineData("person_id = (SELECT min(id) FROM people), claim_id = (SELECT min(id) FROM claims)")]
    public async Task Should_reject_an_annotation_without_exactly_one_target(string change)
    {
        var (annotationId, _) = await SaveEveryKindOfRowAsync();
        await AssertViolatesAsync("ck_annotations_single_target", $"UPDATE annotations SET {change} WHERE id = {annotationId}");
    }

    [Fact]
    public async Task Should_reject_an_annotation_selector_with_end_before_start()
    {
        var (annotationId, _) = await SaveEveryKindOfRowAsync();
        await AssertViolatesAsync("ck_annotations_selector_position",
            $$"""UPDATE annotations SET selector = jsonb_set(selector, '{position}', '{"start": 9, "end": 3}') WHERE id = {{annotationId}}""");
    }

    [Fact]
    public async Task Should_reject_a_claim_related_to_itself()
    {
        var (_, claimId) = await SaveEveryKindOfRowAsync();
        await AssertViolatesAsync("ck_claim_relations_not_self",
            $"INSERT INTO claim_relations (from_claim_id, to_claim_id, kind, created_at) VALUES ({claimId}, {claimId}, 'supports', now())");

        await using var context = fixture.CreateContext();
        var claim = await context.Claims.SingleAsync(c => c.Id == claimId);
        Assert.Throws<InvalidOperationException>(() => claim.Relate(ClaimRelationKind.Supports, claim, null));
    }

    [Fact]
    public async Task Should_reject_the_same_claim_relation_twice()
    {
        await using var context = fixture.CreateContext();
        var one = new Claim("Ostrovia is preparing an offensive.", null);
        var other = new Claim("An offensive would be fatal for Ostrovia.", null);
        one.Relate(ClaimRelationKind.Contradicts, other, null);
        context.Claims.AddRange(one, other);
        await context.SaveChangesAsync();

        await AssertViolatesAsync("pk_claim_relations",
            $"INSERT INTO claim_relations (from_claim_id, to_claim_id, kind, created_at) VALUES ({one.Id}, {other.Id}, 'contradicts', now())");
    }

    [Fact]
    public async Task Should_reject_a_verdict_without_a_rating_time()
    {
        var (_, claimId) = await SaveEveryKindOfRowAsync();
        await AssertViolatesAsync("ck_claims_rated", $"UPDATE claims SET rated_at = NULL WHERE id = {claimId}");
    }

    [Fact]
    public async Task Should_reject_a_second_quote_group_with_the_same_normalised_text()
    {
        var text = Sample.Unique("read the new Harbour Strategy");
        await using (var context = fixture.CreateContext())
        {
            context.QuoteGroups.Add(new Core.Statements.QuoteGroup(text, DateTimeOffset.UtcNow));
            await context.SaveChangesAsync();
        }

        await using var second = fixture.CreateContext();
        second.QuoteGroups.Add(new Core.Statements.QuoteGroup("‘" + text.ToUpperInvariant() + "’", DateTimeOffset.UtcNow));
        await AssertSaveViolatesAsync(second, "ix_quote_groups_normalised_text_md5");
    }

    [Fact]
    public async Task Should_reject_a_redirect_from_a_slug_already_redirected()
    {
        await using var context = fixture.CreateContext();
        var person = Sample.Person();
        var oldSlug = person.Slug;
        person.Rename("Mara Velden-Ost", Core.Common.Slug.From(Sample.Unique("mara velden ost")));
        context.People.Add(person);
        await context.SaveChangesAsync();

        await AssertViolatesAsync("ix_person_slug_redirects_old_slug",
            $"INSERT INTO person_slug_redirects (old_slug, person_id) VALUES ('{oldSlug}', {person.Id})");
    }

    private async Task<long> SaveArticleAsync()
    {
        await using var context = fixture.CreateContext();
        var article = Sample.Article();
        context.Articles.Add(article);
        await context.SaveChangesAsync();
        return article.Id;
    }

    private async Task<long> SavePersonAsync()
    {
        await using var context = fixture.CreateContext();
        var person = Sample.Person();
        context.People.Add(person);
        await context.SaveChangesAsync();
        return person.Id;
    }

    private async Task<long> SaveStatementAsync()
    {
        await using var context = fixture.CreateContext();
        var (article, statement, _) = Sample.QuotedArticle();
        context.Articles.Add(article);
        await context.SaveChangesAsync();
        return statement.Id;
    }

    /// <summary>One row in every table with an enum, so an UPDATE of the whole table has something to refuse.</summary>
    private async Task<(long AnnotationId, long ClaimId)> SaveEveryKindOfRowAsync()
    {
        await using var context = fixture.CreateContext();
        var account = Sample.Account();
        context.Users.Add(account);
        var (article, statement, _) = Sample.QuotedArticle();
        statement.Mention(Sample.Person("Oskar Trell"), Core.Statements.StatementPersonRole.Subject);
        var claim = new Claim("Ostrovia's offensive would be fatal.", account.Id);
        claim.Include(statement, account.Id);
        claim.Relate(ClaimRelationKind.Supports, new Claim("Ostrovia plans an offensive.", account.Id), account.Id);
        claim.Rate(VerdictRating.MostlyFalse, "No evidence of preparations.", [], account.Id, DateTimeOffset.UtcNow);
        var annotation = Annotation.OnArticle(article, Sample.Span(article.Body, "fatal"), account.Id, AnnotationMotivation.Questioning, "Fatal how?");
        context.AddRange(article, claim, annotation);
        await context.SaveChangesAsync();
        return (annotation.Id, claim.Id);
    }

    private async Task AssertViolatesAsync(string constraint, string sql)
    {
        await using var connection = await fixture.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        Assert.Equal(constraint, error.ConstraintName);
    }

    private static async Task AssertSaveViolatesAsync(DbContext context, string constraint)
    {
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        var postgres = Assert.IsType<PostgresException>(error.InnerException);
        Assert.Equal(PostgresErrorCodes.UniqueViolation, postgres.SqlState);
        Assert.Equal(constraint, postgres.ConstraintName);
    }
}
