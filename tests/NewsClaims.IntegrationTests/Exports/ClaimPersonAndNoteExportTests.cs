using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Annotations;
using NewsClaims.Core.Statements;

namespace NewsClaims.IntegrationTests.Exports;

/// <summary>Claims as schema.org ClaimReview, people with what merges folded into them, notes as W3C annotations.</summary>
[Collection(ExportCollection.Name)]
public sealed class ClaimPersonAndNoteExportTests(ExportSiteFixture site)
{
    [Fact]
    public async Task Should_export_every_claim_as_a_schema_org_node_rated_ones_as_claim_reviews_of_the_statements_readers_see()
    {
        var response = await site.Anonymous().GetAsync("/api/v1/exports/claims.jsonld");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("claims.jsonld", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("https://schema.org", document.RootElement.GetProperty("@context").GetString());
        var graph = document.RootElement.GetProperty("@graph").EnumerateArray().ToList();
        await using var db = site.CreateContext();
        var claims = await db.Claims.Select(c => new { c.Id, c.Text, c.Verdict }).ToDictionaryAsync(c => c.Id);
        var nodes = graph.ToDictionary(n => long.Parse(n.GetProperty("@id").GetString()!.Split("/claims/")[1]));
        Assert.Equal(claims.Keys.Order(), nodes.Keys.Order());
        foreach (var (id, node) in nodes)
        {
            if (claims[id].Verdict is null)
            {
                Assert.Equal("Claim", node.GetProperty("@type").GetString());
                Assert.Equal(claims[id].Text, node.GetProperty("text").GetString());
            }
            else
            {
                Assert.Equal("ClaimReview", node.GetProperty("@type").GetString());
                Assert.Equal(claims[id].Text, node.GetProperty("claimReviewed").GetString());
                Assert.False(string.IsNullOrEmpty(node.GetProperty("reviewRating").GetProperty("alternateName").GetString()));
                Assert.Equal("Claim", node.GetProperty("itemReviewed").GetProperty("@type").GetString());
                Assert.EndsWith($"/claims/{id}", node.GetProperty("url").GetString());
            }
        }

        var rated = nodes[site.ClaimId];
        Assert.Equal(("False", 1), (rated.GetProperty("reviewRating").GetProperty("alternateName").GetString(), rated.GetProperty("reviewRating").GetProperty("ratingValue").GetInt32()));
        Assert.Equal("The contract was extended to September.", rated.GetProperty("reviewBody").GetString());
        var item = rated.GetProperty("itemReviewed");
        Assert.Equal(("Person", "Ines Ferro-Costa"), (item.GetProperty("author").GetProperty("@type").GetString(), item.GetProperty("author").GetProperty("name").GetString()));
        var appearances = item.GetProperty("appearance").EnumerateArray().ToList();
        Assert.Equal([site.AwkwardStatementId, site.ShownUnnamedStatementId], appearances.Select(a => long.Parse(a.GetProperty("url").GetString()!.Split("/statements/")[1])).Order());
        var quotation = appearances.Single(a => a.GetProperty("url").GetString()!.EndsWith($"/statements/{site.AwkwardStatementId}", StringComparison.Ordinal));
        Assert.Equal(ExportSiteFixture.AwkwardWords, quotation.GetProperty("text").GetString());
        Assert.Equal("https://courier.export.test/ferro", quotation.GetProperty("isPartOf").GetProperty("sameAs").GetString());
        Assert.Equal("The Export Test Courier", quotation.GetProperty("isPartOf").GetProperty("publisher").GetProperty("name").GetString());

        // An editor's everything scope shows the rejected and unconfirmed statements grouped into the claim too.
        var editor = await site.BearerClientAsync(site.EditorEmail);
        using var all = JsonDocument.Parse(await editor.GetStringAsync("/api/v1/exports/claims.jsonld?scope=all"));
        var everything = all.RootElement.GetProperty("@graph").EnumerateArray().Single(n => n.GetProperty("@id").GetString()!.EndsWith($"/claims/{site.ClaimId}", StringComparison.Ordinal));
        Assert.Equal(4, everything.GetProperty("itemReviewed").GetProperty("appearance").GetArrayLength());
    }

    [Fact]
    public async Task Should_export_each_person_once_with_roles_aliases_counts_and_the_slugs_and_ids_merged_into_them()
    {
        var response = await site.Anonymous().GetAsync("/api/v1/exports/people.jsonl");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("people.jsonl", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var rows = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).ToDictionary(r => r.GetProperty("id").GetInt64());
        await using var db = site.CreateContext();
        Assert.Equal(await db.People.Where(p => p.MergedIntoId == null).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(), rows.Keys.Order());
        Assert.DoesNotContain(site.MergedPersonId, rows.Keys);

        var counts = await db.Statements.Where(ReaderVisibility.IsShown).Where(s => s.SpeakerId != null)
            .GroupBy(s => s.SpeakerId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        Assert.All(rows.Values, r => Assert.Equal(counts.GetValueOrDefault(r.GetProperty("id").GetInt64()), r.GetProperty("statementCount").GetInt32()));
        var heavy = rows.Values.Single(r => r.GetProperty("slug").GetString() == site.HeavySpeakerSlug);
        Assert.InRange(heavy.GetProperty("statementCount").GetInt32(), 200, 249);

        var person = rows[site.PersonId];
        Assert.Equal((site.PersonSlug, "Ines Ferro-Costa"), (person.GetProperty("slug").GetString(), person.GetProperty("name").GetString()));
        Assert.Equal(1, person.GetProperty("statementCount").GetInt32());
        Assert.Equal(["I. Ferro", "Ines Ferro", "Ines Ferro-Costa"], person.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()!).Order(StringComparer.Ordinal));
        var role = Assert.Single(person.GetProperty("roles").EnumerateArray().ToList());
        Assert.Equal(("Harbour master", "Port of Essery", "2018-03-01"), (role.GetProperty("title").GetString(), role.GetProperty("organisation").GetString(), role.GetProperty("started").GetString()));
        Assert.Equal(JsonValueKind.Null, role.GetProperty("ended").ValueKind);
        Assert.Equal([site.MergedSlug, site.OldPersonSlug], person.GetProperty("formerSlugs").EnumerateArray().Select(s => s.GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal([site.MergedPersonId], person.GetProperty("mergedIds").EnumerateArray().Select(i => i.GetInt64()));

        // The everything scope counts the rejected statement too.
        var editor = await site.BearerClientAsync(site.EditorEmail);
        var all = (await editor.GetStringAsync("/api/v1/exports/people.jsonl?scope=all")).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).Single(r => r.GetProperty("id").GetInt64() == site.PersonId);
        Assert.Equal(2, all.GetProperty("statementCount").GetInt32());
    }

    [Fact]
    public async Task Should_serve_one_annotation_collection_at_both_addresses_with_drafts_and_notes_on_hidden_statements_only_for_editors()
    {
        var client = site.Anonymous();
        var old = await client.GetAsync("/annotations/export.jsonld");
        var current = await client.GetAsync("/api/v1/exports/annotations.jsonld");

        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.Equal("application/ld+json", current.Content.Headers.ContentType!.MediaType);
        var oldText = await old.Content.ReadAsStringAsync();
        Assert.Equal(oldText, await current.Content.ReadAsStringAsync());
        using var collection = JsonDocument.Parse(oldText);
        Assert.Equal(("http://www.w3.org/ns/anno.jsonld", "AnnotationCollection"), (collection.RootElement.GetProperty("@context").GetString(), collection.RootElement.GetProperty("type").GetString()));
        var items = collection.RootElement.GetProperty("items").EnumerateArray().ToList();
        await using var db = site.CreateContext();
        Assert.Equal(await db.Annotations.CountAsync(a => a.Visibility == AnnotationVisibility.Published && a.StatementId != site.RejectedStatementId), items.Count);
        var note = Assert.Single(items);
        Assert.EndsWith($"/annotations/{site.PublishedNoteId}", note.GetProperty("id").GetString());
        Assert.Equal(("Annotation", "assessing"), (note.GetProperty("type").GetString(), note.GetProperty("motivation").GetString()));
        Assert.Equal("The **contract** says September.", note.GetProperty("body")[0].GetProperty("value").GetString());
        Assert.EndsWith($"/claims/{site.ClaimId}", note.GetProperty("target").GetString());
        Assert.False(note.TryGetProperty("status", out _));

        var editor = await site.BearerClientAsync(site.EditorEmail);
        using var all = JsonDocument.Parse(await editor.GetStringAsync("/api/v1/exports/annotations.jsonld?scope=all"));
        var statuses = all.RootElement.GetProperty("items").EnumerateArray()
            .ToDictionary(i => long.Parse(i.GetProperty("id").GetString()!.Split("/annotations/")[1]), i => i.GetProperty("status").GetString());
        Assert.Equal(await db.Annotations.CountAsync(), statuses.Count);
        Assert.Equal(("published", "draft", "published"), (statuses[site.PublishedNoteId], statuses[site.DraftNoteId], statuses[site.HiddenStatementNoteId]));
    }
}
