using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using NewsClaims.Web.Features.Shared;

namespace NewsClaims.Web.Features.Feeds;

/// <summary>Atom feeds of a person's statements and of a claim's history, cached like the reader pages they follow.</summary>
[OutputCache(PolicyName = ReaderCachePolicy.Name)]
public sealed class FeedsController(FeedQueries feeds) : ControllerBase
{
    [HttpGet("/speakers/{slug}/feed.atom")]
    public async Task<IActionResult> Speaker(string slug, CancellationToken ct) =>
        await feeds.SpeakerAsync(slug, Origin, ct) switch
        {
            FeedLookup.Found found => new AtomResult(found.Feed),
            FeedLookup.MovedTo moved => RedirectPermanent(SiteUrls.Person(moved.Slug) + "/feed.atom"),
            _ => NotFound(),
        };

    [HttpGet("/claims/{id:long}/feed.atom")]
    public async Task<IActionResult> Claim(long id, CancellationToken ct) =>
        await feeds.ClaimAsync(id, Origin, ct) switch
        {
            FeedLookup.Found found => new AtomResult(found.Feed),
            _ => NotFound(),
        };

    private string Origin => SiteUrls.Absolute(Request, "");

    private sealed class AtomResult(AtomFeed feed) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            response.ContentType = AtomFeed.ContentType;
            return feed.WriteAsync(response.Body, context.HttpContext.RequestAborted);
        }
    }
}
