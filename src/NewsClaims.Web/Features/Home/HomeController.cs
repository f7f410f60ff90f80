using Microsoft.AspNetCore.Mvc;

namespace NewsClaims.Web.Features.Home;

public sealed class HomeController(HomeQueries queries) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await queries.HomeAsync(ct));
}
