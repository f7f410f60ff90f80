using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Data;
using NewsClaims.Web.Hosting;

namespace NewsClaims.Web.Features.Api;

/// <summary>Editors' published notes, oldest first, narrowed to what they are about.</summary>
[Route("/api/v1/annotations")]
[Tags("Annotations")]
public sealed class AnnotationsApiController(NewsClaimsDbContext db) : ApiControllerBase
{
    [HttpGet]
    [OkJson<ApiPage<ApiAnnotation>>]
    public async Task<ActionResult<ApiPage<ApiAnnotation>>> List(
        [FromQuery] ApiPaging paging,
        [FromQuery, Range(1, long.MaxValue)] long? statement,
        [FromQuery, Range(1, long.MaxValue)] long? article,
        [FromQuery, Range(1, long.MaxValue)] long? claim,
        [FromQuery, StringLength(200)] string? speaker,
        CancellationToken ct)
    {
        var after = ApiCursor.Id(ApiCursor.Decode("annotations", paging.Cursor, 1));
        if (paging.Cursor is not null && after is null)
        {
            return BadCursor();
        }

        var annotations = db.Annotations.AsQueryable();
        if (statement is { } s)
        {
            annotations = annotations.Where(a => a.StatementId == s);
        }

        if (article is { } ar)
        {
            annotations = annotations.Where(a => a.ArticleId == ar);
        }

        if (claim is { } c)
        {
            annotations = annotations.Where(a => a.ClaimId == c);
        }

        if (!string.IsNullOrWhiteSpace(speaker))
        {
            annotations = annotations.Where(a => a.Person!.Slug == speaker);
        }

        if (after is { } id)
        {
            annotations = annotations.Where(a => a.Id > id);
        }

        var rows = await annotations.PublishedAnnotationsAsync(db, paging.Limit + 1, ct);
        return Page(rows, paging.Limit, a => ApiCursor.Encode("annotations", a.Id));
    }

    /// <summary>A published note; an editor (cookie or bearer token) also gets a draft, so the address a new note answers with works for its author.</summary>
    [HttpGet("{id:long}")]
    [OkJson<ApiAnnotation>]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<ApiAnnotation>> Get(long id, CancellationToken ct)
    {
        var note = db.Annotations.Where(a => a.Id == id);
        var found = await note.PublishedAnnotationsAsync(db, 1, ct);
        if (found.Count == 0 && await note.AnyAsync(ct) && (await HttpContext.AuthorizeEditorAsync()).Succeeded)
        {
            // A draft is an editor's work in progress: never kept by a shared cache.
            Response.Headers.CacheControl = "private, no-store";
            found = await note.AnnotationsAsync(db, 1, withDrafts: true, ct);
        }

        return found.Count == 0 ? NotFoundProblem($"published annotation {id}") : found[0];
    }
}
