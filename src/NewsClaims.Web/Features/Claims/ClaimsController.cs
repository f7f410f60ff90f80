using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using NewsClaims.Core.Claims;
using NewsClaims.Web.Hosting;

namespace NewsClaims.Web.Features.Claims;

[OutputCache(PolicyName = Shared.ReaderCachePolicy.Name)]
public sealed class ClaimsController(ClaimQueries queries) : Controller
{
    [HttpGet("/claims")]
    public async Task<IActionResult> Index(VerdictRating? verdict, long? before, CancellationToken ct)
    {
        ViewData["Title"] = "Claims";
        return View(await queries.IndexAsync(verdict, before, ct));
    }

    [HttpGet("/claims/{id:long}")]
    public async Task<IActionResult> Show(long id, CancellationToken ct)
    {
        var claim = await queries.ClaimAsync(id, ct, User.IsEditor());
        if (claim is null)
        {
            return NotFound();
        }

        ViewData["Title"] = Shared.PageMeta.Shorten(claim.Text, 80);
        return View(claim);
    }
}
