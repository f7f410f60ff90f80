using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Data;
using NewsClaims.Data.People;
using NewsClaims.Web.Features.Shared;
using NewsClaims.Web.Hosting;

namespace NewsClaims.Web.Features.Api;

/// <summary>Editors' changes to a person: name, description and aliases; dated roles; merging a duplicate into the right record.</summary>
[Route("/api/v1/speakers")]
[Tags("Speakers")]
public sealed class SpeakerEditApiController(PersonEditing people, NewsClaimsDbContext db, IReaderCacheInvalidator readerCache) : ApiWriteControllerBase
{
    /// <summary>Renames, describes or sets the aliases of a person; the answer carries the slug, which a rename may change.</summary>
    [HttpPatch("{slug}")]
    [OkJson<ApiPerson>]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, ProblemJson)]
    public async Task<ActionResult<ApiPerson>> Edit(string slug, ApiPersonPatch request, CancellationToken ct)
    {
        if (await people.CardAsync(slug, ct) is not { } card)
        {
            return NotFoundProblem($"speaker '{slug}' (a merged or renamed person is changed under their current slug)");
        }

        // What is left out stays as it is now; the service compares and checks the version.
        var edit = new PersonEdit(request.Name ?? card.Name, request.Description ?? card.Description, request.Aliases ?? card.Aliases);
        var outcome = await people.EditAsync(User.EditorId(), slug, request.Version!.Value, edit, ct);
        return await OutcomeAsync(outcome, card.Id, request.Version, slug, ct);
    }

    /// <summary>Sets the person's roles to the list sent: roles not in it are removed, new ones added, in one transaction.</summary>
    [HttpPut("{slug}/roles")]
    [OkJson<ApiPerson>]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, ProblemJson)]
    public async Task<ActionResult<ApiPerson>> Roles(string slug, ApiPersonRoles request, CancellationToken ct)
    {
        if (await people.CardAsync(slug, ct) is not { } card)
        {
            return NotFoundProblem($"speaker '{slug}'");
        }

        // The service adds or removes one role at a time, auditing each; the list is the difference, applied all or nothing.
        var wanted = request.Roles!.Select(r => (Title: r.Title?.Trim() ?? "", Organisation: Clean(r.Organisation), r.StartedOn, r.EndedOn)).ToList();
        var removed = new List<long>();
        foreach (var role in card.Roles)
        {
            var index = wanted.FindIndex(w => w.Title == role.Title && w.Organisation == Clean(role.Organisation) && w.StartedOn == role.StartedOn && w.EndedOn == role.EndedOn);
            if (index >= 0)
            {
                wanted.RemoveAt(index);
            }
            else
            {
                removed.Add(role.Id);
            }
        }

        if (removed.Count == 0 && wanted.Count == 0)
        {
            return await ApiProjections.PersonAsync(db, card.Id, ct);
        }

        var editor = User.EditorId();
        PersonOutcome outcome = new PersonOutcome.Done(card.Slug);
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            foreach (var roleId in removed)
            {
                outcome = await people.ChangeRolesAsync(editor, slug, null, null, null, null, roleId, ct);
                if (outcome is not PersonOutcome.Done)
                {
                    break;
                }
            }

            foreach (var (title, organisation, startedOn, endedOn) in outcome is PersonOutcome.Done ? wanted : [])
            {
                outcome = await people.ChangeRolesAsync(editor, slug, title, organisation, startedOn, endedOn, null, ct);
                if (outcome is not PersonOutcome.Done)
                {
                    break;
                }
            }

            if (outcome is PersonOutcome.Done)
            {
                await transaction.CommitAsync(ct);
            }
            else
            {
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
            }
        }

        return await OutcomeAsync(outcome, card.Id, null, slug, ct);
    }

    /// <summary>Merges this person (as read at <c>version</c>) into <c>into</c>; the answer is the person who remains.</summary>
    [HttpPost("{slug}/merge")]
    [OkJson<ApiPerson>]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemJson)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, ProblemJson)]
    public async Task<ActionResult<ApiPerson>> Merge(string slug, ApiPersonMerge request, CancellationToken ct)
    {
        var into = request.Into!.Trim();
        var outcome = await people.MergeAsync(User.EditorId(), slug, request.Version!.Value, into, ct);
        if (outcome is PersonOutcome.NotFound && await people.CardAsync(slug, ct) is not null)
        {
            // This person exists: it is the one named in the body that does not.
            return Refused($"There is no speaker '{into}' to merge into (a merged person cannot take others in).");
        }

        return await OutcomeAsync(outcome, null, request.Version, slug, ct);
    }

    private async Task<ActionResult<ApiPerson>> OutcomeAsync(PersonOutcome outcome, long? id, uint? yourVersion, string slug, CancellationToken ct)
    {
        switch (outcome)
        {
            case PersonOutcome.Done done:
                // After the commit: a merge moves statements in set-based updates the save hook does not see, and the
                // hook runs before a transaction commits.
                await readerCache.InvalidateAsync(ct);
                var current = id ?? await db.People.Where(p => p.Slug == done.Slug).Select(p => p.Id).FirstAsync(ct);
                if (done.Slug != slug)
                {
                    // Renamed or merged: the answer is the person at their current address (the old one redirects there).
                    Response.Headers.ContentLocation = $"/api/v1/speakers/{done.Slug}";
                }

                return await ApiProjections.PersonAsync(db, current, ct);
            case PersonOutcome.NotFound:
                return NotFoundProblem($"speaker '{slug}'");
            case PersonOutcome.Conflict conflict:
                return ConflictProblem($"speaker '{slug}'", yourVersion, conflict.Current.Version);
            case PersonOutcome.Invalid invalid:
                return Refused(invalid.Problem);
            default:
                throw new InvalidOperationException("Unknown outcome.");
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
