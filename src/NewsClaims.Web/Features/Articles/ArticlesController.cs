using Microsoft.AspNetCore.Mvc;

namespace NewsClaims.Web.Features.Articles;

public sealed class ArticlesController(ArticleQueries queries) : Controller
{
    [HttpGet("/articles")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        ViewData["Title"] = "Articles";
        return View(await queries.IndexAsync(ct));
    }

    [HttpGet("/articles/{id:long}")]
    public async Task<IActionResult> Show(long id, CancellationToken ct)
    {
        var article = await queries.ArticleAsync(id, ct);
        if (article is null)
        {
            return NotFound();
        }

        ViewData["Title"] = article.Title;
        return View(article);
    }
}
