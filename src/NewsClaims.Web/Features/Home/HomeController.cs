using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace NewsClaims.Web.Features.Home;

[OutputCache(PolicyName = Shared.ReaderCachePolicy.Name)]
public sealed class HomeController(HomeQueries queries) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await queries.HomeAsync(ct));
}
