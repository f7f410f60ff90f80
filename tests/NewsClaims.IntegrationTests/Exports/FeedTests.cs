using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Statements;

namespace NewsClaims.IntegrationTests.Exports;

/// <summary>Atom feeds (RFC 4287) of a person's statements and a claim's history, linked from their pages.</summary>
[Collection(ExportCollection.Name)]
public sealed class FeedTests(ExportSiteFixture site)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task Should_give_a_person_feed_of_their_latest_50_statements_readers_see_newest_first_with_article_and_outlet()
    {
        var response = await site.Anonymous().GetAsync($"/speakers/{site.HeavySpeakerSlug}/feed.atom");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        AssertValidAtom(feed);
        Assert.EndsWith($"/speakers/{site.HeavySpeakerSlug}/feed.atom", Link(feed, "self"));

        await using var db = site.CreateContext();
        var expected = await db.Statements.Where(ReaderVisibility.IsShown)
            .Where(s => s.Speaker!.Slug == site.HeavySpeakerSlug)
            .Select(s => new { s.Id, Date = s.WhenSaidDate ?? s.Article!.PublishedOn, Title = s.Article!.Title, Outlet = s.Article.Outlet!.Name, s.Status })
            .ToListAsync();
        var newest = expected.OrderByDescending(s => s.Date ?? DateOnly.MinValue).ThenByDescending(s => s.Id).Take(50).ToList();
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(50, entries.Count);
        Assert.Equal(newest.Select(s => s.Id), entries.Select(e => long.Parse(Link(e, "alternate").Split("/statements/")[1])));
        var rejected = await db.Statements.Where(s => s.Speaker!.Slug == site.HeavySpeakerSlug && s.Status == StatementStatus.Rejected).Select(s => s.Id).ToListAsync();
        Assert.NotEmpty(rejected);
        Assert.DoesNotContain(newest, s => rejected.Contains(s.Id));
        foreach (var (entry, statement) in entries.Zip(newest))
        {
            var content = entry.Element(Atom + "content")!;
            Assert.Equal("html", content.Attribute("type")!.Value);
            Assert.Contains(statement.Title, WebUtility.HtmlDecode(content.Value));
            Assert.Contains(statement.Outlet, WebUtility.HtmlDecode(content.Value));
            Assert.Equal(statement.Title + " (" + statement.Outlet + ")", entry.Elements(Atom + "link").Single(l => l.Attribute("rel")!.Value == "related").Attribute("title")!.Value);
        }
    }

    [Fact]
    public async Task Should_follow_a_renamed_or_merged_persons_slug_to_their_feed_and_answer_404_for_unknown_ones()
    {
        var client = site.Anonymous();

        foreach (var old in new[] { site.OldPersonSlug, site.MergedSlug })
        {
            var moved = await client.GetAsync($"/speakers/{old}/feed.atom");
            Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
            Assert.Equal($"/speakers/{site.PersonSlug}/feed.atom", moved.Headers.Location!.OriginalString);
        }

        var feed = XDocument.Parse(await client.GetStringAsync($"/speakers/{site.PersonSlug}/feed.atom")).Root!;
        var entry = Assert.Single(feed.Elements(Atom + "entry"));
        Assert.EndsWith($"/statements/{site.AwkwardStatementId}", Link(entry, "alternate"));
        Assert.Equal("Ines Ferro-Costa", entry.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.Contains("a \"doubled\" word", entry.Element(Atom + "content")!.Value.Replace("&quot;", "\"", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/speakers/nobody-by-this-name/feed.atom")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/claims/987654321/feed.atom")).StatusCode);
    }

    [Fact]
    public async Task Should_give_a_claim_feed_of_its_verdicts_the_statements_readers_see_and_its_published_notes()
    {
        var response = await site.Anonymous().GetAsync($"/claims/{site.ClaimId}/feed.atom");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        AssertValidAtom(feed);
        var entries = feed.Elements(Atom + "entry").ToList();
        var byKind = entries.ToLookup(e => e.Element(Atom + "category")!.Attribute("term")!.Value);

        Assert.Equal(["Verdict: False", "Verdict: Mostly false"], byKind["verdict"].Select(e => e.Element(Atom + "title")!.Value));
        Assert.Contains("Verdict changed from Mostly false to False.", byKind["verdict"].First().Element(Atom + "content")!.Value);
        Assert.Contains("The contract was extended to September.", byKind["verdict"].First().Element(Atom + "content")!.Value);
        Assert.Equal([site.AwkwardStatementId, site.ShownUnnamedStatementId],
            byKind["statement"].Select(e => long.Parse(Link(e, "alternate").Split("/statements/")[1])).Order());
        var note = Assert.Single(byKind["note"]);
        Assert.EndsWith($"/annotations/{site.PublishedNoteId}", note.Element(Atom + "id")!.Value);
        Assert.Contains("<strong>contract</strong>", note.Element(Atom + "content")!.Value);
        Assert.DoesNotContain(entries, e => e.ToString().Contains("Draft note nobody may read", StringComparison.Ordinal));
        var updated = entries.Select(e => DateTimeOffset.Parse(e.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(updated.OrderByDescending(u => u), updated);
        Assert.Equal(updated.Max(), DateTimeOffset.Parse(feed.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture));

        // An unrated claim has no verdict entry; a claim rated outside the editors' form (generated, nothing in its history) still shows its verdict.
        var unrated = XDocument.Parse(await site.Anonymous().GetStringAsync($"/claims/{site.UnratedClaimId}/feed.atom")).Root!;
        Assert.EndsWith($"/statements/{site.AwkwardStatementId}", Link(Assert.Single(unrated.Elements(Atom + "entry")), "alternate"));
        await using var db = site.CreateContext();
        var generated = await db.Claims.Where(c => c.Verdict != null && c.Id != site.ClaimId).OrderBy(c => c.Id).Select(c => new { c.Id, c.Verdict }).FirstAsync();
        var rated = XDocument.Parse(await site.Anonymous().GetStringAsync($"/claims/{generated.Id}/feed.atom")).Root!;
        AssertValidAtom(rated);
        var verdict = Assert.Single(rated.Elements(Atom + "entry"), e => e.Element(Atom + "category")!.Attribute("term")!.Value == "verdict");
        Assert.Equal("Verdict: " + NewsClaims.Web.Features.Shared.VerdictLabels.For(generated.Verdict!.Value), verdict.Element(Atom + "title")!.Value);
    }

    [Fact]
    public async Task Should_link_the_feeds_from_the_person_and_claim_pages()
    {
        var client = site.Anonymous();

        var person = await client.GetStringAsync($"/speakers/{site.PersonSlug}");
        Assert.Matches($"<link rel=\"alternate\" type=\"application/atom\\+xml\" title=\"[^\"]+\" href=\"/speakers/{site.PersonSlug}/feed.atom\" />", person);
        Assert.Contains($"<a href=\"/speakers/{site.PersonSlug}/feed.atom\" type=\"application/atom+xml\">Atom feed</a>", person);

        var claim = await client.GetStringAsync($"/claims/{site.ClaimId}");
        Assert.Matches($"<link rel=\"alternate\" type=\"application/atom\\+xml\" title=\"[^\"]+\" href=\"/claims/{site.ClaimId}/feed.atom\" />", claim);
        Assert.Contains($"<a href=\"/claims/{site.ClaimId}/feed.atom\" type=\"application/atom+xml\">Atom feed</a>", claim);
    }

    private static string Link(XElement element, string rel) =>
        element.Elements(Atom + "link").Single(l => (l.Attribute("rel")?.Value ?? "alternate") == rel && (rel != "alternate" || l.Attribute("type")?.Value != "application/atom+xml")).Attribute("href")!.Value;

    /// <summary>What RFC 4287 requires: feed id, title, updated and an author; each entry an id, title, updated and a link or content.</summary>
    private static void AssertValidAtom(XElement feed)
    {
        Assert.False(string.IsNullOrEmpty(feed.Element(Atom + "id")?.Value));
        Assert.False(string.IsNullOrEmpty(feed.Element(Atom + "title")?.Value));
        Assert.NotNull(feed.Element(Atom + "author")?.Element(Atom + "name"));
        Assert.True(DateTimeOffset.TryParse(feed.Element(Atom + "updated")?.Value, System.Globalization.CultureInfo.InvariantCulture, out _));
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(entries.Count, entries.Select(e => e.Element(Atom + "id")!.Value).Distinct().Count());
        Assert.All(entries, e =>
        {
            Assert.True(Uri.IsWellFormedUriString(e.Element(Atom + "id")!.Value, UriKind.Absolute));
            Assert.False(string.IsNullOrEmpty(e.Element(Atom + "title")?.Value));
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", e.Element(Atom + "updated")!.Value);
            Assert.NotNull(e.Element(Atom + "content"));
        });
    }
}
