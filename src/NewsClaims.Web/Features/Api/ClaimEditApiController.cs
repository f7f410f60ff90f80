using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Data;
using NewsClaims.Data.Claims;
using NewsClaims.Web.Features.Shared;
using NewsClaims.Web.Hosting;

namespace NewsClaims.Web.Features.Api;

/// <summary>Editors' claims: create one from statements, rewrite or rate it at the version read, relate it to another.</summary>
[Route("/api/v1/claims")]
[Tags("Claims")]
public sealed class ClaimEditApiController(ClaimEditing claims, NewsClaimsDbContext db, IReaderCacheInvalidator readerCache) : ApiWriteControllerBase
{
    [HttpPost]
    [ProducesResponseType<ApiClaim>(StatusCodes.Status201Created, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, ProblemJson)]
    public async Task<ActionResult<ApiClaim>> Create(ApiClaimDraft request, CancellationToken ct)
    {
        var outcome = await claims.CreateAsync(User.EditorId(), Draft(request), ct);
        if (outcome is not ClaimOutcome.Done done)
        {
            return await OutcomeAsync(outcome, 0, null, ct);
        }

        await readerCache.InvalidateAsync(ct);
        return Created($"/api/v1/claims/{done.ClaimId}", await ApiProjections.ClaimAsync(db, done.ClaimId, ct));
    }

    /// <summary>The claim as it should be now: text, topics and verdict replace what is saved; statements are added to it.</summary>
    [HttpPut("{id:long}")]
    [OkJson<ApiClaim>]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, ProblemJson)]
    public async Task<ActionResult<ApiClaim>> Update(long id, ApiClaimUpdate request, CancellationToken ct) =>
        await OutcomeAsync(await claims.EditAsync(User.EditorId(), id, request.Version!.Value, Draft(request), ct), id, request.Version, ct);

    [HttpPost("{id:long}/relations")]
    [OkJson<ApiClaim>]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, ProblemJson)]
    public async Task<ActionResult<ApiClaim>> Relate(long id, ApiClaimRelation request, CancellationToken ct) =>
        await OutcomeAsync(await claims.RelateAsync(User.EditorId(), id, request.Kind!.Value, request.ClaimId!.Value, ct), id, null, ct);

    private async Task<ActionResult<ApiClaim>> OutcomeAsync(ClaimOutcome outcome, long id, uint? yourVersion, CancellationToken ct)
    {
        switch (outcome)
        {
            case ClaimOutcome.Done done:
                await readerCache.InvalidateAsync(ct);
                return (await ApiProjections.ClaimAsync(db, done.ClaimId, ct))!;
            case ClaimOutcome.NotFound:
                return NotFoundProblem($"claim {id}");
            case ClaimOutcome.Conflict:
                var current = await db.Claims.AsNoTracking().Where(c => c.Id == id).Select(c => (uint?)c.Version).FirstOrDefaultAsync(ct);
                return current is null ? NotFoundProblem($"claim {id}") : ConflictProblem($"claim {id}", yourVersion, current);
            case ClaimOutcome.Invalid invalid:
                return Refused(invalid.Problem);
            default:
                throw new InvalidOperationException("Unknown outcome.");
        }
    }

    private static ClaimDraft Draft(ApiClaimDraft request) => new(
        request.Text ?? "",
        request.Topics ?? [],
        request.Statements ?? [],
        request.Verdict,
        request.Explanation,
        [.. (request.Sources ?? []).Select(s => (s.Title ?? "", s.Url ?? ""))]);
}
