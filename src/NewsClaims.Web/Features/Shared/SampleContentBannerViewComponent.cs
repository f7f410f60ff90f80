using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using NewsClaims.Data;

namespace NewsClaims.Web.Features.Shared;

/// <summary>Tells readers, on every page, when the knowledge base holds invented sample articles.</summary>
/// <remarks>
/// Every page asks, so the answer is kept for a minute (and dropped by <see cref="IReaderCacheInvalidator"/>):
/// without an index on the flag the question scans the articles table, which is fine once but not per request.
/// </remarks>
public sealed class SampleContentBannerViewComponent(NewsClaimsDbContext db, IMemoryCache cache) : ViewComponent
{
    public const string CacheKey = "reader:has-sample-articles";

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var hasSamples = await cache.GetOrCreateAsync(CacheKey, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return db.Articles.AsNoTracking().AnyAsync(a => a.IsSample, HttpContext.RequestAborted);
        });
        return hasSamples ? View() : Content(string.Empty);
    }
}
