using Microsoft.AspNetCore.Mvc;

namespace NewsClaims.Web.Features.Speakers;

public sealed class SpeakersController(SpeakerQueries queries) : Controller
{
    [HttpGet("/speakers")]
    public async Task<IActionResult> Index(string? q, CancellationToken ct)
    {
        ViewData["Title"] = "People";
        return View(await queries.IndexAsync(q, ct));
    }

    [HttpGet("/speakers/{slug}")]
    public async Task<IActionResult> Show(string slug, CancellationToken ct)
    {
        switch (await queries.PersonAsync(slug, ct))
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
