using Microsoft.AspNetCore.Mvc;
using NewsClaims.Data.Search;

namespace NewsClaims.Web.Features.Search;

/// <summary>On a statement page: the same quote as other articles report it (trimmed, re-punctuated, reworded a little).</summary>
public sealed class SimilarStatementsViewComponent(QuoteSearch search) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long statementId)
    {
        var similar = await search.SimilarStatementsAsync(statementId, 5, HttpContext.RequestAborted);
        return View("/Features/Search/Components/SimilarStatements/Default.cshtml", similar);
    }
}
