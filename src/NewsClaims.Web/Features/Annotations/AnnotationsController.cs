using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NewsClaims.Core.Annotations;
using NewsClaims.Data.Annotations;
using NewsClaims.Web.Hosting;

namespace NewsClaims.Web.Features.Annotations;

/// <summary>Editors' notes: on selected words of an article, on an article, statement, claim or person; replies; edits.</summary>
[Authorize(Policy = EditorSignIn.Editor)]
[Route("/annotations")]
public sealed class AnnotationsController(AnnotationEditing notes) : Controller
{
    [HttpPost("")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Create([FromForm] NoteForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Problem422("The note's fields could not be read: choose what it is on and what it does.");
        }

        var draft = new AnnotationDraft(form.Target, form.TargetId, form.Start, form.End, form.Motivation, form.Body ?? "",
            (form.Tags ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), form.Publish, form.ReplyTo);
        return Outcome(await notes.CreateAsync(User.EditorId(), draft, ct));
    }

    [HttpPost("{id:long}/edit")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Edit(long id, [FromForm] uint version, [FromForm] string? body, [FromForm] bool publish, CancellationToken ct)
    {
        var outcome = await notes.EditAsync(User.EditorId(), id, version, body, publish, ct);
        if (outcome is AnnotationOutcome.Conflict && await notes.CurrentAsync(id, ct) is { } saved)
        {
            // Both versions: what is saved now, and the editor's text, so nothing typed is lost.
            return Problem422("Someone changed this note after you opened it; nothing of yours was saved.", StatusCodes.Status409Conflict, saved, body);
        }

        return Outcome(outcome);
    }

    private IActionResult Outcome(AnnotationOutcome outcome) => outcome switch
    {
        AnnotationOutcome.Done done => Redirect(done.Back + "#n-" + done.AnnotationId),
        AnnotationOutcome.NotFound => NotFound(),
        AnnotationOutcome.Conflict => Problem422("Someone changed this note after you opened it; nothing of yours was saved. Reload the page and edit it again.", StatusCodes.Status409Conflict),
        AnnotationOutcome.Invalid invalid => Problem422(invalid.Problem),
        _ => throw new InvalidOperationException("Unknown outcome."),
    };

    private ViewResult Problem422(string problem, int status = StatusCodes.Status422UnprocessableEntity, string? saved = null, string? yours = null)
    {
        ViewData["Title"] = "The note was not saved";
        Response.StatusCode = status;
        return View("/Features/Annotations/Problem.cshtml", new NoteProblem(problem, saved, yours));
    }
}

public sealed record NoteProblem(string Problem, string? Saved, string? Yours);

/// <summary>The note form's fields.</summary>
public sealed class NoteForm
{
    public AnnotationTarget Target { get; set; }

    public long TargetId { get; set; }

    public int? Start { get; set; }

    public int? End { get; set; }

    public AnnotationMotivation Motivation { get; set; }

    public string? Body { get; set; }

    public string? Tags { get; set; }

    public bool Publish { get; set; }

    public long? ReplyTo { get; set; }
}
