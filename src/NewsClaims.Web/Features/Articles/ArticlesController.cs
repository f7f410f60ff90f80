using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using NewsClaims.Web.Hosting;

namespace NewsClaims.Web.Features.Articles;

[OutputCache(PolicyName = Shared.ReaderCachePolicy.Name)]
public sealed class ArticlesController(ArticleQueries queries) : Controller
{
    [HttpGet("/articles")]
    public async Task<IActionResult> Index(string? outlet, DateOnly? from, DateOnly? to, string? person, string? before, CancellationToken ct)
    {
        ViewData["Title"] = "Articles";
        return View(await queries.IndexAsync(new ArticleFilter(outlet, from, to, person, before), ct));
    }

    [HttpGet("/articles/{id:long}")]
    public async Task<IActionResult> Show(long id, CancellationToken ct)
    {
        var article = await queries.ArticleAsync(id, ct, User.IsEditor());
        if (article is null)
        {
            return NotFound();
        }

        ViewData["Title"] = article.Title;
        return View(article);
    }
}
