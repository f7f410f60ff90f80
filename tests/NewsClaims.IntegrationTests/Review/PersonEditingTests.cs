using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Articles;
using NewsClaims.Core.People;
using NewsClaims.Core.Statements;
using NewsClaims.Data.People;
using NewsClaims.IntegrationTests.Import;
using NewsClaims.IntegrationTests.Infrastructure;

namespace NewsClaims.IntegrationTests.Review;

/// <summary>Editing and merging people through the real site: statements move, the old address redirects, nothing is lost.</summary>
public sealed class PersonEditingTests(ImportSiteFixture site) : IClassFixture<ImportSiteFixture>
{
    [Fact]
    public async Task Should_show_the_statements_a_merge_would_move_then_move_them_and_redirect_the_old_address()
    {
        var (duplicate, right, moving) = await SeedDuplicateAsync();
        var editor = await site.SignedInClientAsync(site.EditorEmail);

        var preview = WebUtility.HtmlDecode(await editor.GetStringAsync($"/speakers/{duplicate.Slug}/merge?into={right.Slug}"));
        Assert.Contains("2 statements move from", preview);
        Assert.Contains("the locks open at six", preview);
        await using (var db = site.CreateContext())
        {
            Assert.Equal(2, await db.Statements.CountAsync(s => s.SpeakerId == duplicate.Id));
        }

        var merged = await PostAsync(editor, $"/speakers/{duplicate.Slug}/merge", $"/speakers/{duplicate.Slug}/merge?into={right.Slug}",
            new() { ["version"] = duplicate.Version.ToString(), ["into"] = right.Slug });

        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.Equal($"/speakers/{right.Slug}", merged.Headers.Location!.OriginalString);
        await using (var db = site.CreateContext())
        {
            Assert.Equal(0, await db.Statements.CountAsync(s => s.SpeakerId == duplicate.Id));
            Assert.True(moving.All(id => db.Statements.Single(s => s.Id == id).SpeakerId == right.Id));
            var survivor = await db.People.Include(p => p.Aliases).SingleAsync(p => p.Id == right.Id);
            Assert.Contains(survivor.Aliases, a => a.Alias == "the lock warden");
            Assert.Equal(right.Id, (await db.People.SingleAsync(p => p.Id == duplicate.Id)).MergedIntoId);
            Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == PersonEditing.EntityType && e.EntityId == duplicate.Id.ToString() && e.Action == "merge"));
        }

        var anonymous = site.Factory.CreateClient(new() { AllowAutoRedirect = false });
        var old = await anonymous.GetAsync($"/speakers/{duplicate.Slug}");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.EndsWith($"/speakers/{right.Slug}", old.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_edit_name_and_aliases_with_a_record_and_refuse_a_stale_second_edit()
    {
        var (person, _, _) = await SeedDuplicateAsync();
        var first = await site.SignedInClientAsync(site.EditorEmail);
        var second = await site.SignedInClientAsync(site.EditorEmail);
        var editPage = $"/speakers/{person.Slug}/edit";

        var saved = await PostAsync(first, editPage, editPage, new()
        {
            ["version"] = person.Version.ToString(), ["name"] = person.Name, ["description"] = "Lock warden at Kessling", ["aliases"] = "Hollis\nthe lock warden\nthe warden",
        });
        var stale = await PostAsync(second, editPage, editPage, new()
        {
            ["version"] = person.Version.ToString(), ["name"] = person.Name, ["description"] = "Someone else's idea", ["aliases"] = "Hollis",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Someone else&#x27;s idea", await stale.Content.ReadAsStringAsync());
        await using var db = site.CreateContext();
        var stored = await db.People.Include(p => p.Aliases).SingleAsync(p => p.Id == person.Id);
        Assert.Equal("Lock warden at Kessling", stored.Description);
        Assert.Contains(stored.Aliases, a => a.Alias == "the warden");
        var entry = await db.AuditEntries.SingleAsync(e => e.EntityType == PersonEditing.EntityType && e.EntityId == person.Id.ToString() && e.Action == "edit");
        Assert.Equal((null, "Lock warden at Kessling"), (entry.Changes["description"].From, entry.Changes["description"].To));
    }

    [Fact]
    public async Task Should_add_a_dated_role_refuse_one_that_ends_before_it_starts_and_remove_it()
    {
        var (person, _, _) = await SeedDuplicateAsync();
        var editor = await site.SignedInClientAsync(site.EditorEmail);
        var editPage = $"/speakers/{person.Slug}/edit";

        var added = await PostAsync(editor, $"/speakers/{person.Slug}/roles", editPage, new() { ["title"] = "Lock warden", ["organisation"] = "Kessling locks", ["startedOn"] = "2021-04-01" });
        var backwards = await PostAsync(editor, $"/speakers/{person.Slug}/roles", editPage, new() { ["title"] = "Harbour pilot", ["startedOn"] = "2020-01-01", ["endedOn"] = "2019-01-01" });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, backwards.StatusCode);
        long roleId;
        await using (var db = site.CreateContext())
        {
            var role = Assert.Single((await db.People.Include(p => p.Roles).SingleAsync(p => p.Id == person.Id)).Roles);
            Assert.Equal(("Lock warden", "Kessling locks", new DateOnly(2021, 4, 1), (DateOnly?)null), (role.Title, role.Organisation, role.StartedOn.GetValueOrDefault(), role.EndedOn));
            roleId = role.Id;
        }

        var removed = await PostAsync(editor, $"/speakers/{person.Slug}/roles", editPage, new() { ["remove"] = roleId.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        await using (var db = site.CreateContext())
        {
            Assert.Empty((await db.People.Include(p => p.Roles).SingleAsync(p => p.Id == person.Id)).Roles);
            Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.EntityType == PersonEditing.EntityType && e.EntityId == person.Id.ToString() && e.Action == "roles"));
        }
    }

    [Fact]
    public async Task Should_refuse_an_empty_name_and_keep_the_person_as_it_was()
    {
        var (person, _, _) = await SeedDuplicateAsync();
        var editor = await site.SignedInClientAsync(site.EditorEmail);
        var editPage = $"/speakers/{person.Slug}/edit";

        var response = await PostAsync(editor, editPage, editPage, new() { ["version"] = person.Version.ToString(), ["name"] = "   " });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        await using var db = site.CreateContext();
        Assert.Equal(person.Name, (await db.People.SingleAsync(p => p.Id == person.Id)).Name);
    }

    private async Task<(Person Duplicate, Person Right, List<long> Moving)> SeedDuplicateAsync()
    {
        var body = $"The lock warden, Hollis, said the locks open at six. Hollis added that the fee would stay. Rosa Hollis Brandt later said the same. {Guid.NewGuid():N}";
        var article = new Article("Locks open at six", body);
        var duplicate = Sample.Person("Hollis");
        duplicate.AddAlias("the lock warden");
        var right = Sample.Person("Rosa Hollis Brandt");
        var a = article.AddStatement(Sample.Span(body, "the locks open at six"), StatementKind.Indirect, 0.6, "test");
        a.AttributeTo(duplicate, Sample.Span(body, "Hollis"), "test");
        var b = article.AddStatement(Sample.Span(body, "the fee would stay"), StatementKind.Indirect, 0.6, "test");
        b.AttributeTo(duplicate, Sample.Span(body, "Hollis", 2), "test");
        await using var db = site.CreateContext();
        db.AddRange(article, right);
        await db.SaveChangesAsync();
        return (duplicate, right, [a.Id, b.Id]);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string formPage, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await FormToken.FromAsync(client, formPage);
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }
}
