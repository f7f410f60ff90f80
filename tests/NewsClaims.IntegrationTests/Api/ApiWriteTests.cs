using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Annotations;
using NewsClaims.Core.Articles;
using NewsClaims.Core.Auditing;
using NewsClaims.Core.Claims;
using NewsClaims.Core.People;
using NewsClaims.Core.Statements;
using NewsClaims.IntegrationTests.Import;
using NewsClaims.IntegrationTests.Infrastructure;

namespace NewsClaims.IntegrationTests.Api;

/// <summary>
/// The editors' writes of <c>/api/v1</c> through the real site and database: each changes what it says and records who
/// did it; no token is 401, a reader's token 403; a stale version is 409 and changes nothing; an unknown address 404;
/// a malformed body 400; what the editing services refuse 422 with their words; and reads show the change at once.
/// </summary>
public sealed class ApiWriteTests(ImportSiteFixture site) : IClassFixture<ImportSiteFixture>
{
    private const string ProblemJson = "application/problem+json";

    [Fact]
    public async Task Should_refuse_every_write_and_the_review_queue_without_an_editors_token()
    {
        var (article, low, high, person) = await SeedAsync();
        var calls = new (HttpMethod Method, string Url, object? Body)[]
        {
            (HttpMethod.Get, "/api/v1/review", null),
            (HttpMethod.Post, $"/api/v1/statements/{low}/confirm", new { version = 1 }),
            (HttpMethod.Post, $"/api/v1/statements/{low}/reject", new { version = 1, reason = "No." }),
            (HttpMethod.Post, $"/api/v1/statements/{high}/correct", new { version = 1, place = "Quay" }),
            (HttpMethod.Patch, $"/api/v1/speakers/{person.Slug}", new { version = 1, description = "x" }),
            (HttpMethod.Put, $"/api/v1/speakers/{person.Slug}/roles", new { roles = Array.Empty<object>() }),
            (HttpMethod.Post, $"/api/v1/speakers/{person.Slug}/merge", new { version = 1, into = "someone" }),
            (HttpMethod.Post, "/api/v1/claims", new { text = "The ferry runs all winter." }),
            (HttpMethod.Put, "/api/v1/claims/1", new { version = 1, text = "The ferry runs all winter." }),
            (HttpMethod.Post, "/api/v1/claims/1/relations", new { kind = "supports", claimId = 2 }),
            (HttpMethod.Post, "/api/v1/annotations", new { article, motivation = "commenting", body = "Note." }),
            (HttpMethod.Patch, "/api/v1/annotations/1", new { version = 1, body = "Note." }),
        };
        var anonymous = site.Factory.CreateClient(new() { AllowAutoRedirect = false });
        var reader = await site.SignedInClientAsync(site.ReaderEmail);

        foreach (var (method, url, body) in calls)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(anonymous, method, url, body)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(reader, method, url, body)).StatusCode);
        }

        await using var db = site.CreateContext();
        Assert.Equal(StatementStatus.Extracted, (await db.Statements.SingleAsync(s => s.Id == low)).Status);
        Assert.Null((await db.People.SingleAsync(p => p.Id == person.Id)).Description);
    }

    [Fact]
    public async Task Should_list_the_review_queue_with_versions_lowest_confidence_first_page_by_page()
    {
        var (article, low, high, _) = await SeedAsync();
        var editor = await EditorAsync();

        var first = await editor.GetAsync($"/api/v1/review?article={article}&limit=1");
        var page = await JsonAsync(first, HttpStatusCode.OK);

        Assert.Equal(2, page["waiting"]!.GetValue<long>());
        var item = Assert.Single(page["items"]!.AsArray())!;
        Assert.Equal(low, item["id"]!.GetValue<long>());
        Assert.Equal(await VersionAsync(low), item["version"]!.GetValue<uint>());
        Assert.Equal(("maybe", "Officials", "extracted"), (item["passage"]!["words"]!.GetValue<string>(), item["unnamedSource"]!.GetValue<string>(), item["status"]!.GetValue<string>()));
        var next = page["next"]!.GetValue<string>();
        Assert.Equal($"<{next}>; rel=\"next\"", first.Headers.GetValues("Link").Single());

        var second = await JsonAsync(await editor.GetAsync(next), HttpStatusCode.OK);
        var last = Assert.Single(second["items"]!.AsArray())!;
        Assert.Equal((high, "ilse-varga"), (last["id"]!.GetValue<long>(), last["speaker"]!["slug"]!.GetValue<string>()[..10]));
        Assert.Null(second["next"]);

        var bad = await editor.GetAsync("/api/v1/review?cursor=not-a-cursor");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(ProblemJson, bad.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Should_confirm_a_statement_record_who_did_it_and_show_the_change_to_readers_with_a_new_etag()
    {
        var (_, _, high, _) = await SeedAsync();
        var editor = await EditorAsync();
        var readers = site.Factory.CreateClient();
        var before = await readers.GetAsync($"/api/v1/statements/{high}");
        var seen = (await JsonAsync(before, HttpStatusCode.OK))["statement"]!;
        Assert.Equal("extracted", seen["status"]!.GetValue<string>());

        var response = await PostAsync(editor, $"/api/v1/statements/{high}/confirm", new { version = seen["version"]!.GetValue<uint>() });

        var confirmed = await JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(("confirmed", true), (confirmed["status"]!.GetValue<string>(), confirmed["editorConfirmed"]!.GetValue<bool>()));
        Assert.NotEqual(seen["version"]!.GetValue<uint>(), confirmed["version"]!.GetValue<uint>());
        await using (var db = site.CreateContext())
        {
            var statement = await db.Statements.SingleAsync(s => s.Id == high);
            var account = await db.Users.SingleAsync(u => u.Email == site.EditorEmail);
            Assert.Equal((StatementStatus.Confirmed, account.Id), (statement.Status, statement.ReviewedById));
            Assert.Equal(statement.Version, confirmed["version"]!.GetValue<uint>());
            var entry = await db.AuditEntries.SingleAsync(e => e.EntityType == AuditedEntity.Statement && e.EntityId == high.ToString());
            Assert.Equal(("confirm", account.Id, "confirmed"), (entry.Action, entry.AccountId, entry.Changes["status"].To));
        }

        var after = await readers.GetAsync($"/api/v1/statements/{high}");
        Assert.Equal("confirmed", (await JsonAsync(after, HttpStatusCode.OK))["statement"]!["status"]!.GetValue<string>());
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
    }

    [Fact]
    public async Task Should_refuse_a_stale_statement_decision_with_both_versions_and_change_nothing()
    {
        var (_, low, _, _) = await SeedAsync();
        var editor = await EditorAsync();
        var seen = await VersionAsync(low);
        await JsonAsync(await PostAsync(editor, $"/api/v1/statements/{low}/confirm", new { version = seen }), HttpStatusCode.OK);
        var current = await VersionAsync(low);

        var late = await PostAsync(editor, $"/api/v1/statements/{low}/correct", new { version = seen, place = "Somewhere else" });

        var problem = await JsonAsync(late, HttpStatusCode.Conflict);
        Assert.Equal(ProblemJson, late.Content.Headers.ContentType?.MediaType);
        Assert.Equal((seen, current), (problem["yourVersion"]!.GetValue<uint>(), problem["currentVersion"]!.GetValue<uint>()));
        await using var db = site.CreateContext();
        var statement = await db.Statements.SingleAsync(s => s.Id == low);
        Assert.Equal((StatementStatus.Confirmed, (string?)null, current), (statement.Status, statement.Place, statement.Version));
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.EntityType == AuditedEntity.Statement && e.EntityId == low.ToString()));
    }

    [Fact]
    public async Task Should_reject_only_with_a_reason_and_answer_unknown_statements_and_malformed_bodies_with_problems()
    {
        var (_, low, _, _) = await SeedAsync();
        var editor = await EditorAsync();
        var version = await VersionAsync(low);

        var noReason = await JsonAsync(await PostAsync(editor, $"/api/v1/statements/{low}/reject", new { version, reason = "  " }), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("why the statement is rejected", noReason["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await JsonAsync(await PostAsync(editor, "/api/v1/statements/999999999/reject", new { version, reason = "Not said." }), HttpStatusCode.NotFound);
        var noVersion = await JsonAsync(await PostAsync(editor, $"/api/v1/statements/{low}/reject", new { reason = "Not said." }), HttpStatusCode.BadRequest);
        Assert.Contains(noVersion["errors"]!.AsObject(), e => e.Key.Equals("version", StringComparison.OrdinalIgnoreCase));
        await JsonAsync(await SendRawAsync(editor, HttpMethod.Post, $"/api/v1/statements/{low}/confirm", "{\"version\": 1,"), HttpStatusCode.BadRequest);
        await using (var db = site.CreateContext())
        {
            var unchanged = await db.Statements.SingleAsync(s => s.Id == low);
            Assert.Equal((StatementStatus.Extracted, version), (unchanged.Status, unchanged.Version));
        }

        var rejected = await JsonAsync(await PostAsync(editor, $"/api/v1/statements/{low}/reject", new { version, reason = "Scare quotes, nobody said it." }), HttpStatusCode.OK);

        Assert.Equal("rejected", rejected["status"]!.GetValue<string>());
        await using (var db = site.CreateContext())
        {
            var statement = await db.Statements.SingleAsync(s => s.Id == low);
            Assert.Equal((StatementStatus.Rejected, "Scare quotes, nobody said it."), (statement.Status, statement.RejectionReason));
            var entry = await db.AuditEntries.SingleAsync(e => e.EntityType == AuditedEntity.Statement && e.EntityId == low.ToString());
            Assert.Equal(("reject", "Scare quotes, nobody said it."), (entry.Action, entry.Changes["reason"].To));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await site.Factory.CreateClient().GetAsync($"/api/v1/statements/{low}")).StatusCode);
    }

    [Fact]
    public async Task Should_correct_the_speaker_kind_and_place_and_refuse_what_the_service_refuses()
    {
        var (_, low, high, _) = await SeedAsync();
        var other = Sample.Person("Oona Lindqvist");
        await using (var db = site.CreateContext())
        {
            db.People.Add(other);
            await db.SaveChangesAsync();
        }

        var editor = await EditorAsync();
        var readers = site.Factory.CreateClient();
        Assert.DoesNotContain("Kessling quay", await readers.GetStringAsync($"/statements/{high}"), StringComparison.Ordinal);
        var outside = await PostAsync(editor, $"/api/v1/statements/{low}/correct", new { version = await VersionAsync(low), start = 5, end = 999999 });
        Assert.Contains("within the article", (await JsonAsync(outside, HttpStatusCode.UnprocessableEntity))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var nobody = await PostAsync(editor, $"/api/v1/statements/{low}/correct", new { version = await VersionAsync(low), speaker = "no-such-person-anywhere" });
        Assert.Contains("no-such-person-anywhere", (await JsonAsync(nobody, HttpStatusCode.UnprocessableEntity))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var both = await PostAsync(editor, $"/api/v1/statements/{low}/correct", new { version = await VersionAsync(low), speaker = other.Slug, newSpeakerName = "Someone" });
        await JsonAsync(both, HttpStatusCode.BadRequest);
        var badKind = await PostAsync(editor, $"/api/v1/statements/{low}/correct", new { version = await VersionAsync(low), kind = "shouted" });
        await JsonAsync(badKind, HttpStatusCode.BadRequest);

        var response = await PostAsync(editor, $"/api/v1/statements/{high}/correct", new { version = await VersionAsync(high), speaker = other.Slug, kind = "direct", place = "Kessling quay" });

        var corrected = await JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(("corrected", other.Slug, "direct", "Kessling quay"), (
            corrected["status"]!.GetValue<string>(), corrected["speaker"]!["slug"]!.GetValue<string>(), corrected["kind"]!.GetValue<string>(), corrected["where"]!.GetValue<string>()));
        await using var check = site.CreateContext();
        var statement = await check.Statements.SingleAsync(s => s.Id == high);
        Assert.Equal((StatementStatus.Corrected, other.Id, StatementKind.Direct, "Kessling quay"), (statement.Status, statement.SpeakerId, statement.Kind, statement.Place));
        var entry = await check.AuditEntries.SingleAsync(e => e.EntityType == AuditedEntity.Statement && e.EntityId == high.ToString());
        Assert.Equal(("correct", "Ilse Varga", other.Name), (entry.Action, entry.Changes["speaker"].From, entry.Changes["speaker"].To));
        Assert.Equal(StatementStatus.Extracted, (await check.Statements.SingleAsync(s => s.Id == low)).Status);

        // The reader page, cached before the change, shows it at once.
        Assert.Contains("Kessling quay", await readers.GetStringAsync($"/statements/{high}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_edit_a_person_leaving_out_what_is_not_sent_and_show_it_at_once()
    {
        var (_, _, _, person) = await SeedAsync();
        var editor = await EditorAsync();
        var readers = site.Factory.CreateClient();
        var before = await readers.GetAsync($"/api/v1/speakers/{person.Slug}");
        var seen = await JsonAsync(before, HttpStatusCode.OK);

        var response = await SendAsync(editor, HttpMethod.Patch, $"/api/v1/speakers/{person.Slug}",
            new { version = seen["version"]!.GetValue<uint>(), description = "Harbour master at Kessling", aliases = new[] { "the harbour master" } });

        var edited = await JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(("Ilse Varga", "Harbour master at Kessling"), (edited["name"]!.GetValue<string>(), edited["description"]!.GetValue<string>()));
        var aliases = edited["aliases"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        Assert.Contains("the harbour master", aliases);
        await using (var db = site.CreateContext())
        {
            var saved = await db.People.Include(p => p.Aliases).SingleAsync(p => p.Id == person.Id);
            Assert.Equal(("Ilse Varga", "Harbour master at Kessling"), (saved.Name, saved.Description));
            Assert.Equal(aliases, saved.Aliases.Select(a => a.Alias).Order(StringComparer.Ordinal));
            var entry = await db.AuditEntries.SingleAsync(e => e.EntityType == AuditedEntity.Person && e.EntityId == person.Id.ToString());
            Assert.Equal(("edit", "Harbour master at Kessling"), (entry.Action, entry.Changes["description"].To));
        }

        var after = await readers.GetAsync($"/api/v1/speakers/{person.Slug}");
        Assert.Equal("Harbour master at Kessling", (await JsonAsync(after, HttpStatusCode.OK))["description"]!.GetValue<string>());
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
    }

    [Fact]
    public async Task Should_refuse_stale_unknown_malformed_and_nameless_person_edits_and_change_nothing()
    {
        var (_, _, _, person) = await SeedAsync();
        var editor = await EditorAsync();
        var url = $"/api/v1/speakers/{person.Slug}";
        var seen = person.Version;
        await JsonAsync(await SendAsync(editor, HttpMethod.Patch, url, new { version = seen, description = "First" }), HttpStatusCode.OK);
        var current = await PersonVersionAsync(person.Id);

        var stale = await JsonAsync(await SendAsync(editor, HttpMethod.Patch, url, new { version = seen, description = "Second" }), HttpStatusCode.Conflict);
        Assert.Equal((seen, current), (stale["yourVersion"]!.GetValue<uint>(), stale["currentVersion"]!.GetValue<uint>()));
        await JsonAsync(await SendAsync(editor, HttpMethod.Patch, "/api/v1/speakers/no-such-person-anywhere", new { version = current, description = "x" }), HttpStatusCode.NotFound);
        await JsonAsync(await SendAsync(editor, HttpMethod.Patch, url, new { version = current, aliases = "not a list" }), HttpStatusCode.BadRequest);
        var nameless = await JsonAsync(await SendAsync(editor, HttpMethod.Patch, url, new { version = current, name = " " }), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("needs a name", nameless["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        await using var db = site.CreateContext();
        var saved = await db.People.SingleAsync(p => p.Id == person.Id);
        Assert.Equal(("Ilse Varga", "First", current), (saved.Name, saved.Description, saved.Version));
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.EntityType == AuditedEntity.Person && e.EntityId == person.Id.ToString()));
    }

    [Fact]
    public async Task Should_set_a_persons_roles_to_the_list_sent_all_or_nothing()
    {
        var (_, _, _, person) = await SeedAsync();
        var editor = await EditorAsync();
        var url = $"/api/v1/speakers/{person.Slug}/roles";
        var mayor = new { title = "Mayor of Kessling", organisation = (string?)null, startedOn = "2014-01-01", endedOn = "2020-12-31" };
        var master = new { title = "Harbour master", organisation = (string?)"Port of Kessling", startedOn = "2021-01-01", endedOn = (string?)null };

        var both = await JsonAsync(await SendAsync(editor, HttpMethod.Put, url, new { roles = new object[] { mayor, master } }), HttpStatusCode.OK);
        Assert.Equal(["Harbour master", "Mayor of Kessling"], both["roles"]!.AsArray().Select(r => r!["title"]!.GetValue<string>()));

        var one = await JsonAsync(await SendAsync(editor, HttpMethod.Put, url, new { roles = new object[] { master } }), HttpStatusCode.OK);
        Assert.Equal("Harbour master", Assert.Single(one["roles"]!.AsArray())!["title"]!.GetValue<string>());

        // The first role is fine, the second ends before it starts: neither is saved.
        var backwards = new { title = "Pilot", organisation = (string?)null, startedOn = "2020-01-01", endedOn = "2019-01-01" };
        var refused = await SendAsync(editor, HttpMethod.Put, url, new { roles = new object[] { master, mayor, backwards } });
        Assert.Contains("cannot end before it starts", (await JsonAsync(refused, HttpStatusCode.UnprocessableEntity))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await JsonAsync(await SendAsync(editor, HttpMethod.Put, "/api/v1/speakers/no-such-person-anywhere/roles", new { roles = new object[] { master } }), HttpStatusCode.NotFound);
        await JsonAsync(await SendAsync(editor, HttpMethod.Put, url, new { roles = new object[] { new { title = "Pilot", startedOn = "last year" } } }), HttpStatusCode.BadRequest);

        await using var db = site.CreateContext();
        var roles = await db.People.Where(p => p.Id == person.Id).SelectMany(p => p.Roles).ToListAsync();
        Assert.Equal(("Harbour master", "Port of Kessling", new DateOnly(2021, 1, 1)), (Assert.Single(roles).Title, roles[0].Organisation, roles[0].StartedOn));
        var entries = await db.AuditEntries.Where(e => e.EntityType == AuditedEntity.Person && e.EntityId == person.Id.ToString()).ToListAsync();
        Assert.Equal(3, entries.Count(e => e.Action == "roles"));
    }

    [Fact]
    public async Task Should_merge_a_duplicate_into_the_right_person_and_refuse_merging_into_itself_or_a_stale_one()
    {
        var (_, _, high, duplicate) = await SeedAsync();
        var right = Sample.Person("Ilse Varga");
        await using (var db = site.CreateContext())
        {
            db.People.Add(right);
            await db.SaveChangesAsync();
        }

        var editor = await EditorAsync();
        var readers = site.Factory.CreateClient();
        Assert.DoesNotContain("the ferry would run all winter", await readers.GetStringAsync($"/speakers/{right.Slug}"), StringComparison.Ordinal);
        var url = $"/api/v1/speakers/{duplicate.Slug}/merge";
        var itself = await JsonAsync(await PostAsync(editor, url, new { version = duplicate.Version, into = duplicate.Slug }), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("another person", itself["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var stale = await JsonAsync(await PostAsync(editor, url, new { version = duplicate.Version + 1000, into = right.Slug }), HttpStatusCode.Conflict);
        Assert.Equal(duplicate.Version, stale["currentVersion"]!.GetValue<uint>());
        await JsonAsync(await PostAsync(editor, url, new { version = duplicate.Version, into = "no-such-person-anywhere" }), HttpStatusCode.UnprocessableEntity);
        await JsonAsync(await PostAsync(editor, "/api/v1/speakers/no-such-person-anywhere/merge", new { version = 1, into = right.Slug }), HttpStatusCode.NotFound);
        await JsonAsync(await PostAsync(editor, url, new { version = duplicate.Version }), HttpStatusCode.BadRequest);
        await using (var db = site.CreateContext())
        {
            Assert.Equal(duplicate.Id, (await db.Statements.SingleAsync(s => s.Id == high)).SpeakerId);
        }

        var mergeResponse = await PostAsync(editor, url, new { version = duplicate.Version, into = right.Slug });
        var merged = await JsonAsync(mergeResponse, HttpStatusCode.OK);

        Assert.Equal(right.Slug, merged["slug"]!.GetValue<string>());
        Assert.Equal($"/api/v1/speakers/{right.Slug}", mergeResponse.Content.Headers.ContentLocation?.OriginalString);
        Assert.Equal(1, merged["statementCount"]!.GetValue<int>());
        await using (var db = site.CreateContext())
        {
            Assert.Equal(right.Id, (await db.Statements.SingleAsync(s => s.Id == high)).SpeakerId);
            Assert.Equal(right.Id, (await db.People.SingleAsync(p => p.Id == duplicate.Id)).MergedIntoId);
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == AuditedEntity.Person && e.EntityId == duplicate.Id.ToString() && e.Action == "merge"));
        }

        // The statements moved in set-based updates; the cached reader page of the survivor shows them all the same.
        Assert.Contains("the ferry would run all winter", await readers.GetStringAsync($"/speakers/{right.Slug}"), StringComparison.Ordinal);
        var old = await site.Factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync($"/api/v1/speakers/{duplicate.Slug}");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal($"/api/v1/speakers/{right.Slug}", old.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Should_create_a_claim_from_statements_with_a_verdict_and_answer_201_with_where_it_lives()
    {
        var (_, _, high, _) = await SeedAsync();
        var editor = await EditorAsync();

        var response = await PostAsync(editor, "/api/v1/claims", new
        {
            text = "The Kessling ferry runs all winter.",
            topics = new[] { "Ferries", "Kessling" },
            statements = new[] { high },
            verdict = "mostly_false",
            explanation = "The timetable stops in January.",
            sources = new[] { new { title = "Winter timetable", url = "https://ferry.newsclaims.test/winter" } },
        });

        var created = await JsonAsync(response, HttpStatusCode.Created);
        var id = created["id"]!.GetValue<long>();
        Assert.Equal($"/api/v1/claims/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal(("mostly_false", high), (created["verdict"]!.GetValue<string>(), created["statements"]![0]!["id"]!.GetValue<long>()));
        await using (var db = site.CreateContext())
        {
            var claim = await db.Claims.Include(c => c.Statements).SingleAsync(c => c.Id == id);
            Assert.Equal(("The Kessling ferry runs all winter.", VerdictRating.MostlyFalse, high), (claim.Text, claim.Verdict, Assert.Single(claim.Statements).StatementId));
            Assert.Equal(["ferries", "kessling"], claim.Topics);
            Assert.Equal("create", (await db.AuditEntries.SingleAsync(e => e.EntityType == AuditedEntity.Claim && e.EntityId == id.ToString())).Action);
        }

        Assert.Equal(HttpStatusCode.OK, (await site.Factory.CreateClient().GetAsync($"/api/v1/claims/{id}")).StatusCode);
        var count = await ClaimCountAsync();
        var tooShort = await JsonAsync(await PostAsync(editor, "/api/v1/claims", new { text = "No." }), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("5 to 1,000 characters", tooShort["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await JsonAsync(await PostAsync(editor, "/api/v1/claims", new { text = "The ferry runs.", verdict = "maybe" }), HttpStatusCode.BadRequest);
        await JsonAsync(await PostAsync(editor, "/api/v1/claims", new { text = "The ferry runs.", statements = new[] { 999999999 } }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(count, await ClaimCountAsync());
    }

    [Fact]
    public async Task Should_update_a_claim_at_its_version_refuse_a_stale_update_and_show_the_change_with_a_new_etag()
    {
        var editor = await EditorAsync();
        var created = await JsonAsync(await PostAsync(editor, "/api/v1/claims", new { text = "The bridge opens in May.", topics = new[] { "bridges" } }), HttpStatusCode.Created);
        var (id, seen) = (created["id"]!.GetValue<long>(), created["version"]!.GetValue<uint>());
        var readers = site.Factory.CreateClient();
        var before = await readers.GetAsync($"/api/v1/claims/{id}");
        Assert.Equal(seen, (await JsonAsync(before, HttpStatusCode.OK))["version"]!.GetValue<uint>());

        var updated = await JsonAsync(await SendAsync(editor, HttpMethod.Put, $"/api/v1/claims/{id}", new { version = seen, text = "The bridge opens in June.", topics = new[] { "bridges" } }), HttpStatusCode.OK);

        Assert.Equal("The bridge opens in June.", updated["text"]!.GetValue<string>());
        var current = updated["version"]!.GetValue<uint>();
        Assert.NotEqual(seen, current);
        var after = await readers.GetAsync($"/api/v1/claims/{id}");
        Assert.Equal("The bridge opens in June.", (await JsonAsync(after, HttpStatusCode.OK))["text"]!.GetValue<string>());
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);

        var stale = await JsonAsync(await SendAsync(editor, HttpMethod.Put, $"/api/v1/claims/{id}", new { version = seen, text = "The bridge never opens." }), HttpStatusCode.Conflict);
        Assert.Equal((seen, current), (stale["yourVersion"]!.GetValue<uint>(), stale["currentVersion"]!.GetValue<uint>()));
        await JsonAsync(await SendAsync(editor, HttpMethod.Put, "/api/v1/claims/999999999", new { version = 1, text = "The bridge never opens." }), HttpStatusCode.NotFound);
        await JsonAsync(await SendAsync(editor, HttpMethod.Put, $"/api/v1/claims/{id}", new { text = "The bridge never opens." }), HttpStatusCode.BadRequest);
        var unexplained = await SendAsync(editor, HttpMethod.Put, $"/api/v1/claims/{id}", new { version = current, text = "The bridge opens in June.", verdict = "false" });
        Assert.Contains("needs an explanation", (await JsonAsync(unexplained, HttpStatusCode.UnprocessableEntity))["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        await using var db = site.CreateContext();
        var claim = await db.Claims.SingleAsync(c => c.Id == id);
        Assert.Equal(("The bridge opens in June.", (VerdictRating?)null, current), (claim.Text, claim.Verdict, claim.Version));
        var entries = await db.AuditEntries.Where(e => e.EntityType == AuditedEntity.Claim && e.EntityId == id.ToString()).Select(e => e.Action).ToListAsync();
        Assert.Equal(["create", "edit"], entries.Order());
    }

    [Fact]
    public async Task Should_relate_two_claims_and_refuse_relating_a_claim_to_itself()
    {
        var editor = await EditorAsync();
        var first = (await JsonAsync(await PostAsync(editor, "/api/v1/claims", new { text = "Tolls rise in spring." }), HttpStatusCode.Created))["id"]!.GetValue<long>();
        var second = (await JsonAsync(await PostAsync(editor, "/api/v1/claims", new { text = "Tolls stay as they are." }), HttpStatusCode.Created))["id"]!.GetValue<long>();

        var related = await JsonAsync(await PostAsync(editor, $"/api/v1/claims/{first}/relations", new { kind = "contradicts", claimId = second }), HttpStatusCode.OK);

        var relation = Assert.Single(related["related"]!.AsArray())!;
        Assert.Equal((second, "contradicts", false), (relation["id"]!.GetValue<long>(), relation["relation"]!.GetValue<string>(), relation["incoming"]!.GetValue<bool>()));
        var itself = await JsonAsync(await PostAsync(editor, $"/api/v1/claims/{first}/relations", new { kind = "supports", claimId = first }), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("itself", itself["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await JsonAsync(await PostAsync(editor, "/api/v1/claims/999999999/relations", new { kind = "supports", claimId = first }), HttpStatusCode.NotFound);
        await JsonAsync(await PostAsync(editor, $"/api/v1/claims/{first}/relations", new { claimId = second }), HttpStatusCode.BadRequest);

        await using var db = site.CreateContext();
        var relations = await db.ClaimRelations.Where(r => r.FromClaimId == first || r.ToClaimId == first).ToListAsync();
        Assert.Equal((second, ClaimRelationKind.Contradicts), (Assert.Single(relations).ToClaimId, relations[0].Kind));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == AuditedEntity.Claim && e.EntityId == first.ToString() && e.Action == "relate"));
    }

    [Fact]
    public async Task Should_write_draft_notes_on_a_statement_a_passage_and_a_person_and_refuse_what_names_nothing()
    {
        var (article, _, high, person) = await SeedAsync();
        var editor = await EditorAsync();

        var onStatement = await PostAsync(editor, "/api/v1/annotations", new { statement = high, motivation = "questioning", body = "Which *winter*?", tags = new[] { "dates" } });
        var note = await JsonAsync(onStatement, HttpStatusCode.Created);
        var id = note["id"]!.GetValue<long>();
        Assert.Equal($"/api/v1/annotations/{id}", onStatement.Headers.Location!.OriginalString);
        Assert.Equal((high, false, "questioning"), (note["statementId"]!.GetValue<long>(), note["published"]!.GetValue<bool>(), note["motivation"]!.GetValue<string>()));
        Assert.Contains("<em>winter</em>", note["bodyHtml"]!.GetValue<string>(), StringComparison.Ordinal);

        string body;
        await using (var db = site.CreateContext())
        {
            var saved = await db.Annotations.SingleAsync(a => a.Id == id);
            Assert.Equal((AnnotationVisibility.Draft, "Which *winter*?", high), (saved.Visibility, saved.Body, saved.StatementId));
            Assert.Equal("create", (await db.AuditEntries.SingleAsync(e => e.EntityType == AuditedEntity.Annotation && e.EntityId == id.ToString())).Action);
            body = await db.Articles.Where(a => a.Id == article).Select(a => a.Body).SingleAsync();
        }

        Assert.Equal(HttpStatusCode.NotFound, (await site.Factory.CreateClient().GetAsync($"/api/v1/annotations/{id}")).StatusCode);
        // Its author follows the Location it was given: the draft, kept from shared caches; a reader's token does not see it.
        var own = await editor.GetAsync(onStatement.Headers.Location);
        Assert.False((await JsonAsync(own, HttpStatusCode.OK))["published"]!.GetValue<bool>());
        Assert.True(own.Headers.CacheControl is { Private: true, NoStore: true }, $"Cache-Control: {own.Headers.CacheControl}");
        var reader = await site.SignedInClientAsync(site.ReaderEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/v1/annotations/{id}")).StatusCode);

        var start = body.IndexOf("run all winter", StringComparison.Ordinal);
        var passage = await JsonAsync(await PostAsync(editor, "/api/v1/annotations",
            new { article, selector = new { start, end = start + "run all winter".Length }, motivation = "commenting", body = "Only until January.", publish = true }), HttpStatusCode.Created);
        Assert.Equal(("run all winter", true), (passage["selector"]!["exact"]!.GetValue<string>(), passage["published"]!.GetValue<bool>()));
        var onPerson = await JsonAsync(await PostAsync(editor, "/api/v1/annotations", new { speaker = person.Slug, motivation = "commenting", body = "Retired in 2025." }), HttpStatusCode.Created);
        Assert.Equal(person.Slug, onPerson["personSlug"]!.GetValue<string>());

        var count = await NoteCountAsync();
        var nowhere = await JsonAsync(await PostAsync(editor, "/api/v1/annotations", new { statement = 999999999, motivation = "commenting", body = "Lost." }), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("statement 999999999", nowhere["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await JsonAsync(await PostAsync(editor, "/api/v1/annotations", new { statement = high, motivation = "commenting", body = " " }), HttpStatusCode.UnprocessableEntity);
        await JsonAsync(await PostAsync(editor, "/api/v1/annotations", new { statement = high, claim = 1, motivation = "commenting", body = "Two." }), HttpStatusCode.BadRequest);
        await JsonAsync(await PostAsync(editor, "/api/v1/annotations", new { statement = high, motivation = "shouting", body = "Loud." }), HttpStatusCode.BadRequest);
        await JsonAsync(await PostAsync(editor, "/api/v1/annotations",
            new { article, selector = new { start = 0, end = body.Length + 10 }, motivation = "commenting", body = "Too far." }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(count, await NoteCountAsync());
    }

    [Fact]
    public async Task Should_publish_and_reword_a_note_at_its_version_and_refuse_a_stale_change()
    {
        var (_, _, high, _) = await SeedAsync();
        var editor = await EditorAsync();
        var draft = await JsonAsync(await PostAsync(editor, "/api/v1/annotations", new { statement = high, motivation = "commenting", body = "First words." }), HttpStatusCode.Created);
        var (id, seen) = (draft["id"]!.GetValue<long>(), draft["version"]!.GetValue<uint>());
        var url = $"/api/v1/annotations/{id}";

        var published = await JsonAsync(await SendAsync(editor, HttpMethod.Patch, url, new { version = seen, publish = true }), HttpStatusCode.OK);

        Assert.Equal(("First words.", true), (published["body"]!.GetValue<string>(), published["published"]!.GetValue<bool>()));
        var current = published["version"]!.GetValue<uint>();
        var read = await JsonAsync(await site.Factory.CreateClient().GetAsync(url), HttpStatusCode.OK);
        Assert.Equal(("First words.", current), (read["body"]!.GetValue<string>(), read["version"]!.GetValue<uint>()));

        var stale = await JsonAsync(await SendAsync(editor, HttpMethod.Patch, url, new { version = seen, body = "Other words." }), HttpStatusCode.Conflict);
        Assert.Equal((seen, current), (stale["yourVersion"]!.GetValue<uint>(), stale["currentVersion"]!.GetValue<uint>()));
        await JsonAsync(await SendAsync(editor, HttpMethod.Patch, "/api/v1/annotations/999999999", new { version = 1, body = "x" }), HttpStatusCode.NotFound);
        await JsonAsync(await SendAsync(editor, HttpMethod.Patch, url, new { version = current, publish = "yes please" }), HttpStatusCode.BadRequest);
        await JsonAsync(await SendAsync(editor, HttpMethod.Patch, url, new { version = current, body = "  " }), HttpStatusCode.UnprocessableEntity);

        var reworded = await JsonAsync(await SendAsync(editor, HttpMethod.Patch, url, new { version = current, body = "Better words." }), HttpStatusCode.OK);
        Assert.Equal(("Better words.", true), (reworded["body"]!.GetValue<string>(), reworded["published"]!.GetValue<bool>()));
        await using var db = site.CreateContext();
        var saved = await db.Annotations.SingleAsync(a => a.Id == id);
        Assert.Equal(("Better words.", AnnotationVisibility.Published), (saved.Body, saved.Visibility));
        var entries = await db.AuditEntries.Where(e => e.EntityType == AuditedEntity.Annotation && e.EntityId == id.ToString()).ToListAsync();
        Assert.Equal(["create", "edit", "edit"], entries.Select(e => e.Action).Order());
        Assert.Contains(entries, e => e.Action == "edit" && e.Changes.TryGetValue("visibility", out var v) && v.To == "published");

        var reply = await JsonAsync(await PostAsync(editor, "/api/v1/annotations", new { replyTo = id, motivation = "commenting", body = "Agreed.", publish = true }), HttpStatusCode.Created);
        Assert.Equal((id, high), (reply["parentId"]!.GetValue<long>(), reply["statementId"]!.GetValue<long>()));
        var orphan = await JsonAsync(await PostAsync(editor, "/api/v1/annotations", new { replyTo = 999999999, motivation = "commenting", body = "Hello?" }), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("no note 999999999", orphan["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_document_the_version_to_send_back_and_the_editors_token_each_write_needs()
    {
        var document = JsonNode.Parse(await site.Factory.CreateClient().GetStringAsync("/openapi/v1.json"))!;

        foreach (var schema in new[] { "ApiStatement", "ApiPerson", "ApiClaim", "ApiAnnotation" })
        {
            var version = document["components"]!["schemas"]![schema]!["properties"]!["version"];
            Assert.True(version?["description"]?.GetValue<string>().Contains("409", StringComparison.Ordinal) == true, $"{schema}.version: {version?.ToJsonString()}");
        }

        var writes = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Where(o => o.Key is "post" or "put" or "patch").Select(o => (Path: p.Key, Operation: o.Value!)))
            .Where(w => w.Path != "/api/v1/auth/login")
            .ToList();
        Assert.True(writes.Count >= 12, $"{writes.Count} writes documented");
        Assert.All(writes, w => Assert.True(w.Operation["security"] is JsonArray { Count: > 0 }, $"{w.Path} names no security"));
        Assert.True(document["paths"]!["/api/v1/review"]!["get"]!["security"] is JsonArray { Count: > 0 });
    }

    /// <summary>An article with two statements waiting for review: a low-confidence unnamed source and one by a person.</summary>
    private async Task<(long Article, long Low, long High, Person Speaker)> SeedAsync()
    {
        var body = $"Harbour master Ilse Varga said the ferry would run all winter. Officials said 'maybe' about the bridge. {Guid.NewGuid():N}";
        var article = new Article("Ferry runs all winter", body);
        var speaker = Sample.Person("Ilse Varga");
        var high = article.AddStatement(Sample.Span(body, "the ferry would run all winter"), StatementKind.Indirect, 0.55, "test");
        high.AttributeTo(speaker, Sample.Span(body, "Ilse Varga"), "subject-cue/name");
        var low = article.AddStatement(Sample.Span(body, "maybe"), StatementKind.Direct, 0.3, "test");
        low.AttributeTo(null, null, "subject-cue/unnamed", "Officials");
        await using var db = site.CreateContext();
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return (article.Id, low.Id, high.Id, speaker);
    }

    private Task<HttpClient> EditorAsync() => site.SignedInClientAsync(site.EditorEmail);

    private async Task<uint> VersionAsync(long statementId)
    {
        await using var db = site.CreateContext();
        return await db.Statements.Where(s => s.Id == statementId).Select(s => s.Version).SingleAsync();
    }

    private async Task<uint> PersonVersionAsync(long personId)
    {
        await using var db = site.CreateContext();
        return await db.People.Where(p => p.Id == personId).Select(p => p.Version).SingleAsync();
    }

    private async Task<int> ClaimCountAsync()
    {
        await using var db = site.CreateContext();
        return await db.Claims.CountAsync();
    }

    private async Task<int> NoteCountAsync()
    {
        await using var db = site.CreateContext();
        return await db.Annotations.CountAsync();
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object body) => SendAsync(client, HttpMethod.Post, url, body);

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object? body)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> SendRawAsync(HttpClient client, HttpMethod method, string url, string json)
    {
        using var request = new HttpRequestMessage(method, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        return await client.SendAsync(request);
    }

    /// <summary>The answer's JSON, after checking its status (the body is in the message when it is not the one expected).</summary>
    private static async Task<JsonNode> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} → {(int)response.StatusCode}, expected {(int)expected}: {text}");
        if (expected >= HttpStatusCode.BadRequest)
        {
            Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        }

        return JsonNode.Parse(text)!;
    }
}
