using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using NewsClaims.Data.Review;

namespace NewsClaims.Web.Features.Api;

/// <summary>
/// The review queue for editors: statements no editor has judged yet (unpublished ones too), lowest confidence first,
/// each with its version, to confirm, reject or correct through <c>/api/v1/statements/{id}/…</c>.
/// </summary>
[Route("/api/v1/review")]
[Tags("Review")]
public sealed class ReviewQueueApiController(ReviewQueue queue) : ApiWriteControllerBase
{
    [HttpGet]
    [OkJson<ApiReviewPage>]
    public async Task<ActionResult<ApiReviewPage>> List([FromQuery] ApiPaging paging, [FromQuery, Range(1, long.MaxValue)] long? article, CancellationToken ct)
    {
        if (paging.Cursor is not null && !ReviewQueue.IsCursor(paging.Cursor))
        {
            return BadCursor();
        }

        var page = await queue.PageAsync(article, paging.Cursor, paging.Limit, ct);
        Response.Headers.CacheControl = "private, no-cache";
        string? next = null;
        if (page.Next is not null)
        {
            var query = QueryHelpers.ParseQuery(Request.QueryString.Value);
            query["cursor"] = page.Next;
            next = Request.Path + QueryString.Create(query).ToUriComponent();
            Response.Headers.Append("Link", $"<{next}>; rel=\"next\"");
        }

        return new ApiReviewPage([.. page.Items.Select(Item)], page.Waiting, page.Next, next);
    }

    private static ApiReviewItem Item(ReviewItem i) => new(
        i.Id, i.Version, i.Text, i.Kind, i.Status, i.Confidence,
        i.SpeakerName is not null && i.SpeakerSlug is not null ? new ApiPersonRef(i.SpeakerName, i.SpeakerSlug) : null,
        i.MentionText, i.UnnamedSource, i.SpeakerRule, i.CueText, i.Place, i.WhenSaidText, i.ArticleId, i.ArticleTitle,
        new ApiReviewPassage(i.Passage.Before, i.Passage.Words, i.Passage.After, i.Passage.Start, i.Passage.End));
}
