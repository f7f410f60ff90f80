using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Statements;
using NewsClaims.Data;
using NewsClaims.Web.Features.Shared;

namespace NewsClaims.Web.Features.Api;

/// <summary>Every statement readers may see, newest recorded first, narrowed by speaker, article or kind; and one statement in full.</summary>
[Route("/api/v1/statements")]
[Tags("Statements")]
public sealed class StatementsApiController(NewsClaimsDbContext db) : ApiControllerBase
{
    [HttpGet]
    [OkJson<ApiPage<ApiStatement>>]
    public async Task<ActionResult<ApiPage<ApiStatement>>> List(
        [FromQuery] ApiPaging paging,
        [FromQuery, StringLength(200)] string? speaker,
        [FromQuery, Range(1, long.MaxValue)] long? article,
        [FromQuery] StatementKind? kind,
        CancellationToken ct)
    {
        var before = ApiCursor.Id(ApiCursor.Decode("statements", paging.Cursor, 1));
        if (paging.Cursor is not null && before is null)
        {
            return BadCursor();
        }

        var statements = db.Statements.AsNoTracking().Visible();
        if (!string.IsNullOrWhiteSpace(speaker))
        {
            statements = statements.Where(s => s.Speaker!.Slug == speaker);
        }

        if (article is { } articleId)
        {
            statements = statements.Where(s => s.ArticleId == articleId);
        }

        if (kind is { } k)
        {
            statements = statements.Where(s => s.Kind == k);
        }

        if (before is { } id)
        {
            statements = statements.Where(s => s.Id < id);
        }

        var rows = await statements.OrderByDescending(s => s.Id).Select(ApiProjections.Statement).Take(paging.Limit + 1).ToListAsync(ct);
        return Page(rows, paging.Limit, s => ApiCursor.Encode("statements", s.Id));
    }

    /// <summary>One statement with its quote group (the same words in other articles), the claims it belongs to and editors' notes.</summary>
    [HttpGet("{id:long}")]
    [OkJson<ApiStatementDetail>]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<ApiStatementDetail>> Get(long id, CancellationToken ct)
    {
        var statement = await db.Statements.AsNoTracking().Visible().Where(s => s.Id == id).Select(ApiProjections.Statement).FirstOrDefaultAsync(ct);
        if (statement is null)
        {
            return NotFoundProblem($"statement {id} (or it is not public)");
        }

        ApiQuoteGroup? group = null;
        if (await db.Statements.Where(s => s.Id == id).Select(s => s.QuoteGroupId).FirstAsync(ct) is { } groupId)
        {
            var head = await db.QuoteGroups.AsNoTracking().Where(g => g.Id == groupId).Select(g => new { g.CanonicalText, g.FirstSeenAt }).FirstAsync(ct);
            var occurrences = await db.Statements.AsNoTracking().Visible()
                .Where(s => s.QuoteGroupId == groupId)
                .OrderBy(s => s.Article!.PublishedOn).ThenBy(s => s.Id)
                .Select(s => new ApiQuoteOccurrence(s.Id, new ApiArticleRef(
                    s.ArticleId, s.Article!.Title, s.Article.Outlet != null ? s.Article.Outlet.Name : null, s.Article.PublishedOn, s.Article.CanonicalUrl)))
                .Take(500)
                .ToListAsync(ct);
            group = new ApiQuoteGroup(groupId, head.CanonicalText, head.FirstSeenAt, occurrences);
        }

        var claims = await db.ClaimStatements.AsNoTracking()
            .Where(cs => cs.StatementId == id)
            .OrderBy(cs => cs.ClaimId)
            .Select(cs => new ApiClaimRef(cs.ClaimId, cs.Claim!.Text, cs.Claim.Verdict))
            .ToListAsync(ct);
        var notes = await db.Annotations.Where(a => a.StatementId == id).PublishedAnnotationsAsync(db, 500, ct);
        return new ApiStatementDetail(statement, group, claims, notes);
    }
}
