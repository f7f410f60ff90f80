using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using NewsClaims.Core.Claims;
using NewsClaims.Core.Statements;
using NewsClaims.Web.Hosting;

namespace NewsClaims.Web.Features.Speakers;

[OutputCache(PolicyName = Shared.ReaderCachePolicy.Name)]
public sealed class SpeakersController(SpeakerQueries queries) : Controller
{
    [HttpGet("/speakers")]
    public async Task<IActionResult> Index(string? q, string? letter, string? after, CancellationToken ct)
    {
        ViewData["Title"] = "People";
        return View(await queries.IndexAsync(q, letter, after, ct));
    }

    [HttpGet("/speakers/{slug}")]
    public async Task<IActionResult> Show(
        string slug, int? year, string? outlet, StatementKind? kind, VerdictRating? verdict, string? q, string? before, CancellationToken ct)
    {
        var filter = new SpeakerFilter(year is >= 1 and <= 9999 ? year : null, outlet, kind, verdict, q, before);
        switch (await queries.PersonAsync(slug, filter, ct, User.IsEditor()))
        {
            case SpeakerLookup.Found found:
                ViewData["Title"] = found.Person.Name;
                return View(found.Person);
            case SpeakerLookup.MovedTo moved:
                return RedirectToActionPermanent(nameof(Show), new { slug = moved.Slug });
            default:
                return NotFound();
        }
    }
}
