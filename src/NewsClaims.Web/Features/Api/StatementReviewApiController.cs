using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Data;
using NewsClaims.Data.Review;
using NewsClaims.Web.Features.Shared;
using NewsClaims.Web.Hosting;

namespace NewsClaims.Web.Features.Api;

/// <summary>
/// Editors' decisions on statements, as the review queue makes them: confirm, reject with a reason, correct. Each
/// carries the version read; the answer is the statement as it now stands (whatever its status, unlike the public read).
/// </summary>
[Route("/api/v1/statements")]
[Tags("Statements")]
public sealed class StatementReviewApiController(StatementReview review, NewsClaimsDbContext db, IReaderCacheInvalidator readerCache) : ApiWriteControllerBase
{
    [HttpPost("{id:long}/confirm")]
    [OkJson<ApiStatement>]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, ProblemJson)]
    public async Task<ActionResult<ApiStatement>> Confirm(long id, ApiConfirmStatement request, CancellationToken ct) =>
        await OutcomeAsync(await review.ConfirmAsync(User.EditorId(), id, request.Version!.Value, ct), ct);

    [HttpPost("{id:long}/reject")]
    [OkJson<ApiStatement>]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, ProblemJson)]
    public async Task<ActionResult<ApiStatement>> Reject(long id, ApiRejectStatement request, CancellationToken ct) =>
        await OutcomeAsync(await review.RejectAsync(User.EditorId(), id, request.Version!.Value, request.Reason, ct), ct);

    [HttpPost("{id:long}/correct")]
    [OkJson<ApiStatement>]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, ProblemJson)]
    public async Task<ActionResult<ApiStatement>> Correct(long id, ApiCorrectStatement request, CancellationToken ct)
    {
        long? speakerId = null;
        if (!string.IsNullOrWhiteSpace(request.Speaker))
        {
            // The API names people by slug; the service judges the person found (a merged record is refused there).
            speakerId = await db.People.Where(p => p.Slug == request.Speaker.Trim()).Select(p => (long?)p.Id).FirstOrDefaultAsync(ct);
            if (speakerId is null)
            {
                return Refused($"There is no speaker '{request.Speaker.Trim()}'.");
            }
        }

        var correction = new StatementCorrection(speakerId, request.NewSpeakerName, request.Kind, request.Start, request.End, request.Place, request.When);
        return await OutcomeAsync(await review.CorrectAsync(User.EditorId(), id, request.Version!.Value, correction, ct), ct);
    }

    private async Task<ActionResult<ApiStatement>> OutcomeAsync(ReviewOutcome outcome, CancellationToken ct)
    {
        switch (outcome)
        {
            case ReviewOutcome.Done done:
                await readerCache.InvalidateAsync(ct);
                return await db.Statements.AsNoTracking().Where(s => s.Id == done.StatementId).Select(ApiProjections.Statement).FirstAsync(ct);
            case ReviewOutcome.NotFound missing:
                return NotFoundProblem($"statement {missing.StatementId}");
            case ReviewOutcome.Conflict conflict:
                return ConflictProblem($"statement {conflict.StatementId}", conflict.YourVersion, conflict.CurrentVersion);
            case ReviewOutcome.Invalid invalid:
                return Refused(invalid.Problem);
            default:
                throw new InvalidOperationException("Unknown review outcome.");
        }
    }
}
