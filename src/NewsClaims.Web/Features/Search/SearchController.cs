using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using NewsClaims.Data.Search;
using NewsClaims.Web.Features.Shared;

namespace NewsClaims.Web.Features.Search;

[EnableRateLimiting(SearchRateLimiting.Policy)]
[OutputCache(PolicyName = ReaderCachePolicy.Name)]
public sealed class SearchController(QuoteSearch search, QuoteCheck quoteCheck) : Controller
{
    [HttpGet("/search")]
    public async Task<IActionResult> Index(SearchParameters parameters, CancellationToken ct)
    {
        var result = await search.SearchAsync(parameters.ToRequest(), ct);
        ViewData["Title"] = result.Query.Length > 0 ? $"“{result.Query}”: search" : "Search quotes";
        return View(new SearchPageModel(parameters, result));
    }

    [HttpGet("/search/quote-check")]
    public async Task<IActionResult> QuoteCheck([FromQuery(Name = "text")] string? text, CancellationToken ct)
    {
        ViewData["Title"] = "Quote check";
        var result = string.IsNullOrWhiteSpace(text) ? null : await quoteCheck.CheckAsync(text, ct);
        return View(new QuoteCheckPageModel(text, result));
    }
}
