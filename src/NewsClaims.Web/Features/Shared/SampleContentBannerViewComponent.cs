using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Data;

namespace NewsClaims.Web.Features.Shared;

/// <summary>Tells readers, on every page, when the knowledge base holds invented sample articles.</summary>
public sealed class SampleContentBannerViewComponent(NewsClaimsDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var hasSamples = await db.Articles.AsNoTracking().AnyAsync(a => a.IsSample, HttpContext.RequestAborted);
        return hasSamples ? View() : Content(string.Empty);
    }
}
