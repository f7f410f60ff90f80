using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Annotations;
using NewsClaims.Core.Auditing;
using NewsClaims.Core.Claims;
using NewsClaims.Core.Outlets;
using NewsClaims.Core.People;
using NewsClaims.Core.Statements;
using NewsClaims.Data.Identity;
using NewsClaims.IntegrationTests.Infrastructure;

namespace NewsClaims.IntegrationTests.Data;

/// <summary>Every entity saved through one context and read back through another, field by field.</summary>
public sealed class RoundTripTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Now = new(2025, 12, 20, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Should_round_trip_an_outlet_with_its_domain_normalised()
    {
        var name = Sample.Unique("Harbour Gazette");
        long id;
        await using (var context = fixture.CreateContext(new FixedTimeProvider(Now)))
        {
            var outlet = new Outlet(name, $"https://www.{name[^32..]}.example/news");
            context.Outlets.Add(outlet);
            await context.SaveChangesAsync();
            id = outlet.Id;
        }

        await using var read = fixture.CreateContext();
        var saved = await read.Outlets.SingleAsync(o => o.Id == id);
        Assert.Equal(name, saved.Name);
        Assert.Equal($"{name[^32..]}.example", saved.WebDomain);
        Assert.Equal(Now, saved.CreatedAt);
        Assert.Equal(Now, saved.UpdatedAt);
    }

    [Fact]
    public async Task Should_round_trip_an_article_with_its_outlet_and_revisions()
    {
        var clock = new FixedTimeProvider(Now);
        var account = Sample.Account("Ana");
        var outlet = new Outlet(Sample.Unique("Lunport Herald"));
        var url = $"https://example.org/{Guid.NewGuid():N}";
        var article = new Core.Articles.Article(
            "Harbour League chief warns", Sample.UniqueBody(), account.Id, "en", outlet, url, "Ana Pell",
            new DateOnly(2025, 12, 20), "Ostrovia Today", "extractor-2.1", isSample: true);
        await using (var context = fixture.CreateContext(clock))
        {
            context.Users.Add(account);
            context.Articles.Add(article);
            await context.SaveChangesAsync();

            clock.Advance(TimeSpan.FromHours(2));
            article.Revise(article.Body.Replace("fatal", "catastrophic", StringComparison.Ordinal), account.Id, "Outlet corrected a word");
            await context.SaveChangesAsync();
        }

        await using var read = fixture.CreateContext();
        var saved = await read.Articles.Include(a => a.Outlet).Include(a => a.Revisions).SingleAsync(a => a.Id == article.Id);
        Assert.Equal("Harbour League chief warns", saved.Title);
        Assert.Equal(url, saved.CanonicalUrl);
        Assert.Equal(outlet.Name, saved.Outlet!.Name);
        Assert.Equal("Ana Pell", saved.Author);
        Assert.Equal(new DateOnly(2025, 12, 20), saved.PublishedOn);
        Assert.Equal("en", saved.Language);
        Assert.Contains("catastrophic", saved.Body, StringComparison.Ordinal);
        Assert.Equal(Core.Common.ContentHash.Of(saved.Body), saved.ContentHash);
        Assert.Equal("Ostrovia Today", saved.ReportedVia);
        Assert.Equal(account.Id, saved.ImportedById);
        Assert.Equal("extractor-2.1", saved.ExtractorVersion);
        Assert.True(saved.IsSample);
        Assert.Equal(2, saved.CurrentRevision);
        Assert.Equal(Now, saved.CreatedAt);
        Assert.Equal(Now.AddHours(2), saved.UpdatedAt);
        Assert.NotEqual(0u, saved.Version);

        var revisions = saved.Revisions.OrderBy(r => r.Number).ToList();
        Assert.Equal([1, 2], revisions.Select(r => r.Number));
        Assert.Contains("'fatal'", revisions[0].Body, StringComparison.Ordinal);
        Assert.Equal(saved.ContentHash, revisions[1].ContentHash);
        Assert.Equal("Outlet corrected a word", revisions[1].Reason);
        Assert.Equal(account.Id, revisions[1].CreatedById);
        Assert.Equal(Now.AddHours(2), revisions[1].CreatedAt);
    }

    [Fact]
    public async Task Should_round_trip_a_person_with_aliases_roles_and_slug_redirects()
    {
        var person = new Person("Mara Velden", $"mara-velden-{Guid.NewGuid():N}", "Secretary-general of the Harbour League", $"Q{Random.Shared.Next(1, int.MaxValue)}", needsReview: true);
        var oldSlug = person.Slug;
        person.AddAlias("Velden");
        person.AddAlias("VÉLDEN");
        person.AddRole("Prime Minister", "Republic of Lunport", new DateOnly(2010, 10, 14), new DateOnly(2024, 7, 2));
        person.AddRole("Secretary-General", "Harbour League", new DateOnly(2024, 10, 1), null);
        person.Rename("Mara A. Velden", $"mara-a-velden-{Guid.NewGuid():N}");
        await using (var context = fixture.CreateContext())
        {
            context.People.Add(person);
            await context.SaveChangesAsync();
        }

        await using var read = fixture.CreateContext();
        var saved = await read.People.Include(p => p.Aliases).Include(p => p.Roles).Include(p => p.SlugRedirects).SingleAsync(p => p.Id == person.Id);
        Assert.Equal("Mara A. Velden", saved.Name);
        Assert.Equal(person.Slug, saved.Slug);
        Assert.Equal("Secretary-general of the Harbour League", saved.Description);
        Assert.Equal(person.WikidataId, saved.WikidataId);
        Assert.True(saved.NeedsReview);
        Assert.Null(saved.MergedIntoId);
        Assert.Equal(["mara a. velden", "mara velden", "velden"], saved.Aliases.Select(a => a.NormalisedAlias).Order());
        Assert.Equal(oldSlug, Assert.Single(saved.SlugRedirects).OldSlug);
        var roleIn2025 = Assert.Single(saved.RolesOn(new DateOnly(2025, 12, 19)));
        Assert.Equal(("Secretary-General", "Harbour League", (DateOnly?)null), (roleIn2025.Title, roleIn2025.Organisation, roleIn2025.EndedOn));
        Assert.Equal("Prime Minister", Assert.Single(saved.RolesOn(new DateOnly(2020, 1, 1))).Title);

        var byAlias = await read.PersonAliases.Where(a => a.NormalisedAlias == Core.Common.SearchKey.ForName("Vèlden")).Select(a => a.PersonId).ToListAsync();
        Assert.Contains(person.Id, byAlias);
    }

    [Theory]
    [InlineData("Lech Wałęsa", "lech-walesa", "LECH WALESA")]
    [InlineData("Zoë O'Brien-Søndergaard", "zoe-o-brien-sondergaard", "zoe o'brien-sondergaard")]
    [InlineData("Путин", "name-", "путин")]
    public async Task Should_derive_slug_and_alias_lookups_from_the_one_folding_rule(string name, string slugStart, string typed)
    {
        var person = new Person(name);
        Assert.StartsWith(slugStart, person.Slug, StringComparison.Ordinal);
        await using (var context = fixture.CreateContext())
        {
            context.People.Add(person);
            await context.SaveChangesAsync();
        }

        await using var read = fixture.CreateContext();
        var key = Core.Common.SearchKey.ForName(typed);
        Assert.True(await read.PersonAliases.AnyAsync(a => a.PersonId == person.Id && a.NormalisedAlias == key));
    }

    [Fact]
    public async Task Should_round_trip_a_merge_with_the_old_slug_redirecting_to_the_survivor()
    {
        var survivor = Sample.Person();
        var duplicate = Sample.Person("M. Velden");
        var duplicateSlug = duplicate.Slug;
        await using (var context = fixture.CreateContext())
        {
            context.People.AddRange(survivor, duplicate);
            await context.SaveChangesAsync();
            duplicate.MergeInto(survivor);
            await context.SaveChangesAsync();
        }

        await using var read = fixture.CreateContext();
        var redirect = await read.PersonSlugRedirects.SingleAsync(r => r.OldSlug == duplicateSlug);
        Assert.Equal(survivor.Id, redirect.PersonId);
        Assert.Equal(survivor.Id, (await read.People.SingleAsync(p => p.Id == duplicate.Id)).MergedIntoId);
        Assert.Contains(await read.PersonAliases.Where(a => a.PersonId == survivor.Id).Select(a => a.NormalisedAlias).ToListAsync(), a => a == "m. velden");
    }

    [Fact]
    public async Task Should_round_trip_a_statement_with_every_field()
    {
        var clock = new FixedTimeProvider(Now);
        var reviewer = Sample.Account("Reviewer");
        var (article, statement, speaker) = Sample.QuotedArticle();
        var addressee = Sample.Person("Oskar Trell");
        var group = new QuoteGroup(Sample.Unique("fatal"), Now.AddDays(-1));
        statement.AttributeTo(speaker, Sample.Span(article.Body, "Mara Velden"), "title-apposition", unnamedSource: null);
        statement.DateAs("on December 19", new DateOnly(2025, 12, 19), DatePrecision.Day);
        statement.PlaceAt("Lunport", "a press conference");
        statement.CiteSource("Ostrovia Today");
        statement.Mention(addressee, StatementPersonRole.Addressee);
        statement.Mention(addressee, StatementPersonRole.Subject);
        statement.GroupWith(group);
        statement.Confirm(reviewer.Id, Now.AddMinutes(5));
        await using (var context = fixture.CreateContext(clock))
        {
            context.Users.Add(reviewer);
            context.Articles.Add(article);
            await context.SaveChangesAsync();
        }

        await using var read = fixture.CreateContext();
        var saved = await read.Statements
            .Include(s => s.Speaker).Include(s => s.Persons).ThenInclude(p => p.Person).Include(s => s.QuoteGroup)
            .SingleAsync(s => s.Id == statement.Id);
        Assert.Equal(article.Id, saved.ArticleId);
        Assert.Equal(statement.Span, saved.Span);
        Assert.Equal("fatal", saved.Text);
        Assert.Equal(StatementKind.Direct, saved.Kind);
        Assert.Equal(speaker.Id, saved.SpeakerId);
        Assert.Equal(Sample.Span(article.Body, "Mara Velden"), saved.SpeakerMention);
        Assert.Equal(Sample.Span(article.Body, "warned"), saved.Cue);
        Assert.Equal("title-apposition", saved.SpeakerRule);
        Assert.Null(saved.UnnamedSource);
        Assert.Equal(("on December 19", new DateOnly(2025, 12, 19), DatePrecision.Day), (saved.WhenSaidText, saved.WhenSaidDate, saved.WhenSaidPrecision));
        Assert.Equal(("Lunport", "a press conference"), (saved.Place, saved.Occasion));
        Assert.Equal(0.9, saved.Confidence);
        Assert.Equal(StatementStatus.Confirmed, saved.Status);
        Assert.Equal(reviewer.Id, saved.ReviewedById);
        Assert.Equal(Now.AddMinutes(5), saved.ReviewedAt);
        Assert.Equal("test-1", saved.ExtractorVersion);
        Assert.Equal("Ostrovia Today", saved.ReportedVia);
        Assert.Equal(group.CanonicalText, saved.QuoteGroup!.CanonicalText);
        Assert.Equal(Now.AddDays(-1), saved.QuoteGroup.FirstSeenAt);
        Assert.Equal(Core.Common.AnchorStatus.Anchored, saved.AnchorStatus);
        Assert.Equal(1, saved.AnchoredRevision);
        Assert.Equal(Now, saved.CreatedAt);
        Assert.NotEqual(0u, saved.Version);
        Assert.Equal(
            [(StatementPersonRole.Addressee, "Oskar Trell"), (StatementPersonRole.Subject, "Oskar Trell")],
            saved.Persons.Select(p => (p.Role, p.Person!.Name)).OrderBy(p => p.Role));
    }

    [Fact]
    public async Task Should_round_trip_a_rejected_statement_and_an_unnamed_source()
    {
        var reviewer = Sample.Account();
        var article = Sample.Article();
        var statement = article.AddStatement(Sample.Span(article.Body, "the alliance stood ready"), StatementKind.Indirect, 0.41);
        statement.AttributeTo(null, null, "no-speaker", "officials");
        statement.Reject(reviewer.Id, Now, "Not a statement: the reporter's summary.");
        await using (var context = fixture.CreateContext())
        {
            context.Users.Add(reviewer);
            context.Articles.Add(article);
            await context.SaveChangesAsync();
        }

        await using var read = fixture.CreateContext();
        var saved = await read.Statements.SingleAsync(s => s.Id == statement.Id);
        Assert.Equal(StatementKind.Indirect, saved.Kind);
        Assert.Null(saved.SpeakerId);
        Assert.Null(saved.SpeakerMention);
        Assert.Null(saved.Cue);
        Assert.Equal("officials", saved.UnnamedSource);
        Assert.Equal(StatementStatus.Rejected, saved.Status);
        Assert.Equal("Not a statement: the reporter's summary.", saved.RejectionReason);
        Assert.Equal(DatePrecision.Unknown, saved.WhenSaidPrecision);
    }

    [Fact]
    public async Task Should_count_quote_group_occurrences_across_articles()
    {
        var group = new QuoteGroup(Sample.Unique("read the new Harbour Strategy"), Now);
        var first = Sample.Article();
        var second = Sample.Article();
        first.AddStatement(Sample.Span(first.Body, "read the new Harbour Strategy"), StatementKind.Direct, 0.8).GroupWith(group);
        second.AddStatement(Sample.Span(second.Body, "read the new Harbour Strategy"), StatementKind.Direct, 0.8).GroupWith(group);
        await using (var context = fixture.CreateContext())
        {
            context.Articles.AddRange(first, second);
            await context.SaveChangesAsync();
        }

        await using var read = fixture.CreateContext();
        var occurrences = await read.QuoteGroups.Where(g => g.Id == group.Id).Select(g => g.Statements.Count).SingleAsync();
        Assert.Equal(2, occurrences);
    }

    [Fact]
    public async Task Should_round_trip_a_claim_with_statements_relations_topics_and_verdict_sources()
    {
        var editor = Sample.Account("Fact-checker");
        var (article, statement, _) = Sample.QuotedArticle();
        var claim = new Claim("An Ostrovian offensive would be fatal for its government.", editor.Id, ["Security", "ostrovia", " security "]);
        var other = new Claim("Ostrovia is preparing a new offensive.", editor.Id);
        claim.Include(statement, editor.Id);
        claim.Relate(ClaimRelationKind.Supports, other, editor.Id);
        claim.Rate(VerdictRating.Unsupported, "No public evidence either way.",
            [new VerdictSource("Harbour League briefing", "https://example.org/briefing"), new VerdictSource("Ostrovia Today", "https://example.org/ot")],
            editor.Id, Now);
        await using (var context = fixture.CreateContext())
        {
            context.Users.Add(editor);
            context.Articles.Add(article);
            context.Claims.AddRange(claim, other);
            await context.SaveChangesAsync();
        }

        await using var read = fixture.CreateContext();
        var saved = await read.Claims.Include(c => c.Statements).Include(c => c.Relations).SingleAsync(c => c.Id == claim.Id);
        Assert.Equal("An Ostrovian offensive would be fatal for its government.", saved.Text);
        Assert.Equal(editor.Id, saved.CreatedById);
        Assert.Equal(["security", "ostrovia"], saved.Topics);
        Assert.Equal(VerdictRating.Unsupported, saved.Verdict);
        Assert.Equal("No public evidence either way.", saved.VerdictExplanation);
        Assert.Equal([("Harbour League briefing", "https://example.org/briefing"), ("Ostrovia Today", "https://example.org/ot")],
            saved.VerdictSources.Select(s => (s.Title, s.Url)));
        Assert.Equal((editor.Id, (DateTimeOffset?)Now), (saved.RatedById, saved.RatedAt));
        Assert.Equal(statement.Id, Assert.Single(saved.Statements).StatementId);
        var relation = Assert.Single(saved.Relations);
        Assert.Equal((other.Id, ClaimRelationKind.Supports), (relation.ToClaimId, relation.Kind));

        Assert.Equal(1, await read.Claims.CountAsync(c => c.Id == claim.Id && c.Topics.Contains("ostrovia")));
    }

    [Fact]
    public async Task Should_round_trip_an_annotation_with_replies_and_body_history()
    {
        var clock = new FixedTimeProvider(Now);
        var author = Sample.Account("Author");
        var replier = Sample.Account("Replier");
        var (article, statement, speaker) = Sample.QuotedArticle();
        var onPassage = Annotation.OnArticle(article, Sample.Span(article.Body, "intelligent and systematic"), author.Id, AnnotationMotivation.Assessing, "Flattery, or *strategy*?", ["Rhetoric"]);
        var onStatement = Annotation.OnStatement(statement, author.Id, AnnotationMotivation.Correcting, "The quote ends earlier.");
        var onPerson = Annotation.OnPerson(speaker, author.Id, AnnotationMotivation.Linking, "See the 2024 profile.");
        var claim = new Claim("Trell praised Velden.", author.Id);
        var onClaim = Annotation.OnClaim(claim, author.Id, AnnotationMotivation.Tagging, "praise", ["praise"]);
        onPassage.Publish();
        var reply = onPassage.Reply(replier.Id, "Strategy, judging by the rest of the broadcast.");
        await using (var context = fixture.CreateContext(clock))
        {
            context.Users.AddRange(author, replier);
            context.AddRange(article, claim, onPassage, onStatement, onPerson, onClaim);
            await context.SaveChangesAsync();

            clock.Advance(TimeSpan.FromMinutes(30));
            onPassage.Edit("Flattery, or **strategy**? Probably both.", author.Id);
            await context.SaveChangesAsync();
        }

        await using var read = fixture.CreateContext();
        var saved = await read.Annotations.Include(a => a.Replies).Include(a => a.Revisions).SingleAsync(a => a.Id == onPassage.Id);
        Assert.Equal((article.Id, (long?)null, (long?)null, (long?)null), (saved.ArticleId!.Value, saved.StatementId, saved.ClaimId, saved.PersonId));
        Assert.Equal(author.Id, saved.AuthorId);
        Assert.Equal(AnnotationMotivation.Assessing, saved.Motivation);
        Assert.Equal("Flattery, or **strategy**? Probably both.", saved.Body);
        Assert.Equal(["rhetoric"], saved.Tags);
        Assert.Equal(AnnotationVisibility.Published, saved.Visibility);
        Assert.Equal(Core.Common.AnchorStatus.Anchored, saved.AnchorStatus);
        Assert.Equal(1, saved.ArticleRevision);
        Assert.Equal(Now, saved.CreatedAt);
        Assert.Equal(Now.AddMinutes(30), saved.UpdatedAt);
        Assert.Equal("intelligent and systematic", saved.Selector!.Quote.Exact);
        Assert.Equal(
            [(1, "Flattery, or *strategy*?"), (2, "Flattery, or **strategy**? Probably both.")],
            saved.Revisions.OrderBy(r => r.Number).Select(r => (r.Number, r.Body)));

        var savedReply = Assert.Single(saved.Replies);
        Assert.Equal((replier.Id, article.Id, AnnotationVisibility.Published), (savedReply.AuthorId, savedReply.ArticleId!.Value, savedReply.Visibility));

        var targets = await read.Annotations
            .AsNoTracking()
            .Where(a => a.Id == onStatement.Id || a.Id == onPerson.Id || a.Id == onClaim.Id)
            .Select(a => new { a.Id, a.StatementId, a.PersonId, a.ClaimId, a.Selector, a.Visibility })
            .ToDictionaryAsync(a => a.Id);
        Assert.Equal(statement.Id, targets[onStatement.Id].StatementId);
        Assert.Equal(speaker.Id, targets[onPerson.Id].PersonId);
        Assert.Equal(claim.Id, targets[onClaim.Id].ClaimId);
        Assert.All(targets.Values, t => Assert.Null(t.Selector));
        Assert.All(targets.Values, t => Assert.Equal(AnnotationVisibility.Draft, t.Visibility));
    }

    [Fact]
    public async Task Should_round_trip_an_audit_entry_with_its_changes_as_jsonb()
    {
        var editor = Sample.Account();
        var entry = new AuditEntry(editor.Id, "Statement", "42", "corrected", new Dictionary<string, FieldChange>
        {
            ["SpeakerId"] = new("7", "9"),
            ["Place"] = new(null, "Lunport"),
        });
        await using (var context = fixture.CreateContext(new FixedTimeProvider(Now)))
        {
            context.Users.Add(editor);
            context.AuditEntries.Add(entry);
            await context.SaveChangesAsync();
        }

        await using var read = fixture.CreateContext();
        var saved = await read.AuditEntries.SingleAsync(e => e.Id == entry.Id);
        Assert.Equal((editor.Id, "Statement", "42", "corrected", Now), (saved.AccountId, saved.EntityType, saved.EntityId, saved.Action, saved.CreatedAt));
        Assert.Equal(new FieldChange("7", "9"), saved.Changes["SpeakerId"]);
        Assert.Equal(new FieldChange(null, "Lunport"), saved.Changes["Place"]);

        var placeTo = await read.Database
            .SqlQuery<string>($"SELECT changes -> 'Place' ->> 'to' AS \"Value\" FROM audit_entries WHERE id = {entry.Id}")
            .SingleAsync();
        Assert.Equal("Lunport", placeTo);
    }

    [Fact]
    public async Task Should_round_trip_an_editor_account_and_find_the_seeded_roles()
    {
        var account = Sample.Account("Ana Pell");
        await using (var context = fixture.CreateContext())
        {
            context.Users.Add(account);
            var editorRole = await context.Roles.SingleAsync(r => r.Name == NewsClaimsRoles.Editor);
            context.UserRoles.Add(new IdentityUserRole<string> { UserId = account.Id, RoleId = editorRole.Id });
            await context.SaveChangesAsync();
        }

        await using var read = fixture.CreateContext();
        var saved = await read.Users.SingleAsync(u => u.Id == account.Id);
        Assert.Equal("Ana Pell", saved.DisplayName);
        Assert.Equal(["ADMIN", "EDITOR"], await read.Roles.Select(r => r.NormalizedName!).OrderBy(n => n).ToListAsync());
        var roles = await read.UserRoles.Where(ur => ur.UserId == account.Id)
            .Join(read.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync();
        Assert.Equal([NewsClaimsRoles.Editor], roles);
    }
}
