using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NewsClaims.Data.People;
using NewsClaims.Data.Review;
using NewsClaims.Web.Features.Shared;
using NewsClaims.Web.Hosting;

namespace NewsClaims.Web.Features.Speakers;

/// <summary>Editors' pages for a person: edit name, description and aliases; merge a duplicate record into the right one.</summary>
[Authorize(Policy = EditorSignIn.Editor)]
[Route("/speakers/{slug}")]
public sealed class PersonEditController(PersonEditing people, ReviewQueue queue, IReaderCacheInvalidator readerCache) : Controller
{
    // Views live with the person pages, not in a folder of this controller's name.
    private const string EditView = "/Features/Speakers/Edit.cshtml";
    private const string MergeView = "/Features/Speakers/Merge.cshtml";

    [HttpGet("edit")]
    public async Task<IActionResult> Edit(string slug, CancellationToken ct)
    {
        if (await people.CardAsync(slug, ct) is not { } card)
        {
            return NotFound();
        }

        ViewData["Title"] = "Edit " + card.Name;
        return View(EditView, new PersonEditPage(card, null, null));
    }

    [HttpPost("edit")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Edit(string slug, [FromForm] uint version, [FromForm] string? name, [FromForm] string? description, [FromForm] string? aliases, CancellationToken ct)
    {
        var edit = new PersonEdit(name ?? "", description, (aliases ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        var outcome = await people.EditAsync(User.EditorId(), slug, version, edit, ct);
        return await OutcomeAsync(outcome, slug, edit, ct);
    }

    [HttpPost("roles")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Roles(
        string slug, [FromForm] string? title, [FromForm] string? organisation, [FromForm] DateOnly? startedOn, [FromForm] DateOnly? endedOn, [FromForm] long? remove, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await OutcomeAsync(new PersonOutcome.Invalid("Dates are written like 2024-10-01."), slug, null, ct);
        }

        var outcome = await people.ChangeRolesAsync(User.EditorId(), slug, title, organisation, startedOn, endedOn, remove, ct);
        return outcome is PersonOutcome.Done done ? Redirect($"/speakers/{Uri.EscapeDataString(done.Slug)}/edit") : await OutcomeAsync(outcome, slug, null, ct);
    }

    [HttpGet("merge")]
    public async Task<IActionResult> Merge(string slug, [FromQuery] string? into, CancellationToken ct)
    {
        if (await people.CardAsync(slug, ct) is not { } card)
        {
            return NotFound();
        }

        ViewData["Title"] = "Merge " + card.Name;
        var target = (into ?? "").Trim();
        var preview = target.Length > 0 ? await people.PreviewMergeAsync(slug, target, ct) : null;
        var choices = target.Length > 0 && preview is null ? await queue.PeopleAsync(target, ct) : [];
        return View(MergeView, new PersonMergePage(card, target, preview, choices));
    }

    [HttpPost("merge")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Merge(string slug, [FromForm] uint version, [FromForm] string? into, CancellationToken ct)
    {
        var outcome = await people.MergeAsync(User.EditorId(), slug, version, (into ?? "").Trim(), ct);
        if (outcome is PersonOutcome.Done)
        {
            // The statements moved in set-based updates, which the save hook does not see.
            await readerCache.InvalidateAsync(ct);
        }

        return await OutcomeAsync(outcome, slug, null, ct);
    }

    private async Task<IActionResult> OutcomeAsync(PersonOutcome outcome, string slug, PersonEdit? attempted, CancellationToken ct)
    {
        switch (outcome)
        {
            case PersonOutcome.Done done:
                return Redirect(SiteUrls.Person(done.Slug));
            case PersonOutcome.NotFound:
                return NotFound();
            case PersonOutcome.Conflict conflict:
                ViewData["Title"] = "Someone saved this person first";
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View(EditView, new PersonEditPage(conflict.Current, attempted, "Someone saved this person after you opened the page; nothing of yours was saved. What is saved now is below, yours beside it: decide again."));
            case PersonOutcome.Invalid invalid:
                ViewData["Title"] = "Not saved";
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                var card = await people.CardAsync(slug, ct);
                return card is null ? NotFound() : View(EditView, new PersonEditPage(card, attempted, invalid.Problem));
            default:
                throw new InvalidOperationException("Unknown outcome.");
        }
    }
}

public sealed record PersonEditPage(PersonCard Person, PersonEdit? Attempted, string? Problem);

public sealed record PersonMergePage(PersonCard Person, string Into, MergePreview? Preview, IReadOnlyList<PersonChoice> Choices);
