using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Claims;
using NewsClaims.Data;
using NewsClaims.Web.Features.Shared;

namespace NewsClaims.Web.Features.Api;

/// <summary>Claims editors grouped statements into, with verdicts, sources and related claims.</summary>
[Route("/api/v1/claims")]
[Tags("Claims")]
public sealed class ClaimsApiController(NewsClaimsDbContext db) : ApiControllerBase
{
    [HttpGet]
    [OkJson<ApiPage<ApiClaimSummary>>]
    public async Task<ActionResult<ApiPage<ApiClaimSummary>>> List([FromQuery] ApiPaging paging, [FromQuery] VerdictRating? verdict, CancellationToken ct)
    {
        var before = ApiCursor.Id(ApiCursor.Decode("claims", paging.Cursor, 1));
        if (paging.Cursor is not null && before is null)
        {
            return BadCursor();
        }

        var claims = db.Claims.AsNoTracking();
        if (verdict is { } v)
        {
            claims = claims.Where(c => c.Verdict == v);
        }

        if (before is { } id)
        {
            claims = claims.Where(c => c.Id < id);
        }

        var rows = await claims
            .OrderByDescending(c => c.Id)
            .Select(c => new ApiClaimSummary(c.Id, c.Text, c.Verdict, c.RatedAt,
                db.Statements.Visible().Count(s => db.ClaimStatements.Any(cs => cs.ClaimId == c.Id && cs.StatementId == s.Id))))
            .Take(paging.Limit + 1)
            .ToListAsync(ct);
        return Page(rows, paging.Limit, c => ApiCursor.Encode("claims", c.Id));
    }

    [HttpGet("{id:long}")]
    [OkJson<ApiClaim>]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<ApiClaim>> Get(long id, CancellationToken ct)
    {
        var claim = await ApiProjections.ClaimAsync(db, id, ct);
        return claim is null ? NotFoundProblem($"claim {id}") : claim;
    }
}
