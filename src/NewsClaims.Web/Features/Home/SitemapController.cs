using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Data;
using NewsClaims.Web.Features.Shared;

namespace NewsClaims.Web.Features.Home;

/// <summary>
/// <c>/sitemap.xml</c> is a sitemap index; each part lists one id range of one kind of page, at most
/// <see cref="PartSize"/> URLs (the protocol allows 50,000), so a million statements need no offset scans.
/// </summary>
[OutputCache(PolicyName = ReaderCachePolicy.Name)]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class SitemapController(NewsClaimsDbContext db) : Controller
{
    public const int PartSize = 40_000;
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [HttpGet("/sitemap.xml")]
    public async Task Index(CancellationToken ct)
    {
        var maxPerson = await db.People.MaxAsync(p => (long?)p.Id, ct) ?? 0;
        var maxArticle = await db.Articles.MaxAsync(a => (long?)a.Id, ct) ?? 0;
        var maxStatement = await db.Statements.MaxAsync(s => (long?)s.Id, ct) ?? 0;
        var maxClaim = await db.Claims.MaxAsync(c => (long?)c.Id, ct) ?? 0;
        var parts = new List<string> { "/sitemaps/pages.xml" };
        parts.AddRange(Parts("people", maxPerson));
        parts.AddRange(Parts("articles", maxArticle));
        parts.AddRange(Parts("statements", maxStatement));
        parts.AddRange(Parts("claims", maxClaim));

        await using var xml = await StartAsync();
        await xml.WriteStartElementAsync(null, "sitemapindex", Namespace);
        foreach (var part in parts)
        {
            await xml.WriteStartElementAsync(null, "sitemap", Namespace);
            await xml.WriteElementStringAsync(null, "loc", Namespace, SiteUrls.Absolute(Request, part));
            await xml.WriteEndElementAsync();
        }

        await xml.WriteEndElementAsync();
    }

    [HttpGet("/sitemaps/{name}.xml")]
    public async Task<IActionResult> Part(string name, CancellationToken ct)
    {
        var dash = name.LastIndexOf('-');
        var kind = dash < 0 ? name : name[..dash];
        int? part = dash < 0 ? null : int.TryParse(name[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
        if (part < 0)
        {
            return NotFound();
        }

        var from = (long)(part ?? 0) * PartSize;
        var to = from + PartSize;
        IAsyncEnumerable<(string Path, DateTimeOffset? Modified)>? urls = (kind, part) switch
        {
            ("pages", null) => Pages(),
            ("people", { }) => db.People.AsNoTracking().Where(p => p.Id >= from && p.Id < to && p.MergedIntoId == null)
                .OrderBy(p => p.Id).Select(p => new { p.Slug, p.UpdatedAt }).AsAsyncEnumerable()
                .Select(p => (SiteUrls.Person(p.Slug), (DateTimeOffset?)p.UpdatedAt)),
            ("articles", { }) => db.Articles.AsNoTracking().Where(a => a.Id >= from && a.Id < to)
                .OrderBy(a => a.Id).Select(a => new { a.Id, a.UpdatedAt }).AsAsyncEnumerable()
                .Select(a => (SiteUrls.Article(a.Id), (DateTimeOffset?)a.UpdatedAt)),
            ("statements", { }) => db.Statements.AsNoTracking().Visible().Where(s => s.Id >= from && s.Id < to)
                .OrderBy(s => s.Id).Select(s => new { s.Id, s.UpdatedAt }).AsAsyncEnumerable()
                .Select(s => (SiteUrls.Statement(s.Id), (DateTimeOffset?)s.UpdatedAt)),
            ("claims", { }) => db.Claims.AsNoTracking().Where(c => c.Id >= from && c.Id < to)
                .OrderBy(c => c.Id).Select(c => new { c.Id, c.UpdatedAt }).AsAsyncEnumerable()
                .Select(c => (SiteUrls.Claim(c.Id), (DateTimeOffset?)c.UpdatedAt)),
            _ => null,
        };
        if (urls is null)
        {
            return NotFound();
        }

        await using var xml = await StartAsync();
        await xml.WriteStartElementAsync(null, "urlset", Namespace);
        await foreach (var (path, modified) in urls.WithCancellation(ct))
        {
            await xml.WriteStartElementAsync(null, "url", Namespace);
            await xml.WriteElementStringAsync(null, "loc", Namespace, SiteUrls.Absolute(Request, path));
            if (modified is { } m)
            {
                await xml.WriteElementStringAsync(null, "lastmod", Namespace, m.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            await xml.WriteEndElementAsync();
        }

        await xml.WriteEndElementAsync();
        return new EmptyResult();
    }

    [HttpGet("/robots.txt")]
    public ContentResult Robots() =>
        Content($"User-agent: *\nAllow: /\nDisallow: /search\nSitemap: {SiteUrls.Absolute(Request, "/sitemap.xml")}\n", "text/plain", Encoding.UTF8);

    private static IEnumerable<string> Parts(string kind, long maxId) =>
        Enumerable.Range(0, (int)(maxId / PartSize) + (maxId > 0 ? 1 : 0)).Select(i => $"/sitemaps/{kind}-{i}.xml");

    private static async IAsyncEnumerable<(string, DateTimeOffset?)> Pages()
    {
        foreach (var path in new[] { "/", "/speakers", "/articles", "/claims" })
        {
            yield return (path, null);
        }

        await Task.CompletedTask;
    }

    private async Task<XmlWriter> StartAsync()
    {
        Response.ContentType = "application/xml; charset=utf-8";
        var xml = XmlWriter.Create(Response.Body, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false) });
        await xml.WriteStartDocumentAsync();
        return xml;
    }
}
