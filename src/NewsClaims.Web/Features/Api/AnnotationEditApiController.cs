using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Annotations;
using NewsClaims.Data;
using NewsClaims.Data.Annotations;
using NewsClaims.Web.Features.Shared;
using NewsClaims.Web.Hosting;

namespace NewsClaims.Web.Features.Api;

/// <summary>
/// Editors' notes: write one (a draft unless published) on a statement, an article or a passage of it, a claim, a person,
/// or in reply to another; change its body or publish it at the version read. The answer shows the note, draft or not.
/// </summary>
[Route("/api/v1/annotations")]
[Tags("Annotations")]
public sealed class AnnotationEditApiController(AnnotationEditing notes, NewsClaimsDbContext db, IReaderCacheInvalidator readerCache) : ApiWriteControllerBase
{
    [HttpPost]
    [ProducesResponseType<ApiAnnotation>(StatusCodes.Status201Created, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, ProblemJson)]
    public async Task<ActionResult<ApiAnnotation>> Create(ApiAnnotationDraft request, CancellationToken ct)
    {
        var (target, targetId, missing) = request switch
        {
            { ReplyTo: { } parent } => (AnnotationTarget.Statement, 0L, $"There is no note {parent} to reply to."),
            { Statement: { } statement } => (AnnotationTarget.Statement, statement, $"There is no statement {statement} to annotate."),
            { Article: { } article } => (AnnotationTarget.Article, article, $"There is no article {article} to annotate."),
            { Claim: { } claim } => (AnnotationTarget.Claim, claim, $"There is no claim {claim} to annotate."),
            _ => (AnnotationTarget.Person, 0L, $"There is no speaker '{request.Speaker}' to annotate (a merged person's notes go on the person who remains)."),
        };
        if (target == AnnotationTarget.Person)
        {
            // The API names people by slug; the service takes the record's id.
            var slug = request.Speaker!.Trim();
            targetId = await db.People.Where(p => p.Slug == slug && p.MergedIntoId == null).Select(p => p.Id).FirstOrDefaultAsync(ct);
        }

        var draft = new AnnotationDraft(
            target, targetId, request.Selector?.Start, request.Selector?.End, request.Motivation!.Value, request.Body ?? "", request.Tags ?? [], request.Publish, request.ReplyTo);
        switch (await notes.CreateAsync(User.EditorId(), draft, ct))
        {
            case AnnotationOutcome.Done done:
                await readerCache.InvalidateAsync(ct);
                return Created($"/api/v1/annotations/{done.AnnotationId}", await NoteAsync(done.AnnotationId, ct));
            case AnnotationOutcome.NotFound:
                // The address is right; it is what the body names that does not exist.
                return Refused(missing);
            case AnnotationOutcome.Invalid invalid:
                return Refused(invalid.Problem);
            default:
                throw new InvalidOperationException("Unknown outcome.");
        }
    }

    /// <summary>A new body (the old one is kept as a revision) and/or publishing or unpublishing; left out stays as it is.</summary>
    [HttpPatch("{id:long}")]
    [OkJson<ApiAnnotation>]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, ProblemJson)]
    public async Task<ActionResult<ApiAnnotation>> Edit(long id, ApiAnnotationPatch request, CancellationToken ct)
    {
        var saved = await db.Annotations.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.Body, Published = a.Visibility == AnnotationVisibility.Published })
            .FirstOrDefaultAsync(ct);
        if (saved is null)
        {
            return NotFoundProblem($"annotation {id}");
        }

        var outcome = await notes.EditAsync(User.EditorId(), id, request.Version!.Value, request.Body ?? saved.Body, request.Publish ?? saved.Published, ct);
        switch (outcome)
        {
            case AnnotationOutcome.Done:
                await readerCache.InvalidateAsync(ct);
                return await NoteAsync(id, ct);
            case AnnotationOutcome.NotFound:
                return NotFoundProblem($"annotation {id}");
            case AnnotationOutcome.Conflict:
                var current = await db.Annotations.AsNoTracking().Where(a => a.Id == id).Select(a => (uint?)a.Version).FirstOrDefaultAsync(ct);
                return current is null ? NotFoundProblem($"annotation {id}") : ConflictProblem($"annotation {id}", request.Version, current);
            case AnnotationOutcome.Invalid invalid:
                return Refused(invalid.Problem);
            default:
                throw new InvalidOperationException("Unknown outcome.");
        }
    }

    private async Task<ApiAnnotation> NoteAsync(long id, CancellationToken ct) =>
        (await db.Annotations.Where(a => a.Id == id).AnnotationsAsync(db, 1, withDrafts: true, ct))[0];
}
