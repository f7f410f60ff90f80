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
        var claim = await db.Claims.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (claim is null)
        {
            return NotFoundProblem($"claim {id}");
        }

        var statements = await db.Statements.AsNoTracking().Visible()
            .Where(s => db.ClaimStatements.Any(cs => cs.ClaimId == id && cs.StatementId == s.Id))
            .OrderBy(s => s.WhenSaidDate ?? s.Article!.PublishedOn).ThenBy(s => s.Id)
            .Select(ApiProjections.Statement)
            .Take(1000)
            .ToListAsync(ct);
        var outgoing = await db.ClaimRelations.AsNoTracking().Where(r => r.FromClaimId == id)
            .Select(r => new ApiRelatedClaim(r.ToClaimId, r.To!.Text, r.To.Verdict, r.Kind, false)).ToListAsync(ct);
        var incoming = await db.ClaimRelations.AsNoTracking().Where(r => r.ToClaimId == id)
            .Select(r => new ApiRelatedClaim(r.FromClaimId, r.From!.Text, r.From.Verdict, r.Kind, true)).ToListAsync(ct);
        var notes = await db.Annotations.Where(a => a.ClaimId == id).PublishedAnnotationsAsync(db, 500, ct);
        return new ApiClaim(
            claim.Id, claim.Text, claim.Topics, claim.Verdict, claim.Verdict is { } v ? VerdictLabels.For(v) : null, claim.VerdictExplanation,
            [.. claim.VerdictSources.Select(s => new ApiVerdictSource(s.Title, s.Url))], claim.RatedAt, claim.CreatedAt,
            statements, [.. outgoing, .. incoming], notes);
    }
}
