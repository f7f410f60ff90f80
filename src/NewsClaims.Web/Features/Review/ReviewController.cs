using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NewsClaims.Core.Statements;
using NewsClaims.Data.Review;
using NewsClaims.Web.Hosting;

namespace NewsClaims.Web.Features.Review;

/// <summary>
/// The review queue: machine-extracted statements, lowest confidence first, each in its passage. An editor confirms,
/// rejects with a reason, or corrects speaker, span, kind, place and time; bulk confirm for a page. Every decision
/// carries the version the editor saw: a statement saved meanwhile by someone else gives a conflict page, not a lost update.
/// </summary>
[Authorize(Policy = EditorSignIn.Editor)]
[Route("/review")]
public sealed class ReviewController(ReviewQueue queue, StatementReview review, ReviewExport export) : Controller
{
    /// <summary>Reviewed articles as evaluation gold (the scorer's seed format, one article per line, with its text).</summary>
    [HttpGet("export/gold.jsonl")]
    public Task Gold(CancellationToken ct) => StreamAsync(export.GoldLinesAsync(ct), "review-gold.jsonl", ct);

    /// <summary>Every decision on a statement: who, when, what, from → to.</summary>
    [HttpGet("export/decisions.jsonl")]
    public Task Decisions(CancellationToken ct) => StreamAsync(export.DecisionLinesAsync(ct), "review-decisions.jsonl", ct);

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] long? article, [FromQuery] string? after, [FromQuery] string? done, CancellationToken ct)
    {
        ViewData["Title"] = "Review queue";
        var page = await queue.PageAsync(article, after, ct);
        return View(new ReviewQueuePage(page, article, after, Flash(done)));
    }

    [HttpGet("people")]
    public async Task<IActionResult> People([FromQuery] string? q, CancellationToken ct) =>
        Json(await queue.PeopleAsync(q ?? "", ct));

    [HttpPost("{id:long}/confirm")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Confirm(long id, [FromForm] uint version, [FromForm] ReviewReturn back, CancellationToken ct) =>
        Outcome(await review.ConfirmAsync(User.EditorId(), id, version, ct), back, "Confirm");

    [HttpPost("{id:long}/reject")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Reject(long id, [FromForm] uint version, [FromForm] string? reason, [FromForm] ReviewReturn back, CancellationToken ct) =>
        Outcome(await review.RejectAsync(User.EditorId(), id, version, reason, ct), back, "Reject: " + reason);

    [HttpPost("{id:long}/correct")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Correct(long id, [FromForm] uint version, [FromForm] CorrectionForm form, [FromForm] ReviewReturn back, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Problem422("Some fields could not be read: " + string.Join("; ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)));
        }

        return Outcome(await review.CorrectAsync(User.EditorId(), id, version, form.ToCorrection(), ct), back, "Correct");
    }

    [HttpPost("confirm")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> ConfirmMany([FromForm] List<string>? selected, [FromForm] ReviewReturn back, CancellationToken ct)
    {
        var seen = (selected ?? []).Select(ParseSeen).OfType<(long, uint)>().ToList();
        if (seen.Count == 0)
        {
            return Problem422("Tick the statements to confirm first.");
        }

        var outcomes = await review.ConfirmManyAsync(User.EditorId(), seen, ct);
        var confirmed = outcomes.Count(o => o is ReviewOutcome.Done);
        var conflicts = outcomes.Count(o => o is ReviewOutcome.Conflict);
        var done = conflicts == 0 ? $"confirmed-{confirmed}" : $"confirmed-{confirmed}-conflicts-{conflicts}";
        return Redirect(back.Url(done));
    }

    private IActionResult Outcome(ReviewOutcome outcome, ReviewReturn back, string attempted) => outcome switch
    {
        ReviewOutcome.Done done => Redirect(back.Url("saved-" + done.StatementId.ToString(CultureInfo.InvariantCulture))),
        ReviewOutcome.NotFound => NotFound(),
        ReviewOutcome.Conflict conflict => ConflictPage(conflict, attempted),
        ReviewOutcome.Invalid invalid => Problem422(invalid.Problem),
        _ => throw new InvalidOperationException("Unknown review outcome."),
    };

    private IActionResult ConflictPage(ReviewOutcome.Conflict conflict, string attempted)
    {
        ViewData["Title"] = "Someone saved this statement first";
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View("Conflict", new ReviewConflictPage(conflict.StatementId, attempted, Request.HasFormContentType ? FormSummary(Request.Form) : []));
    }

    private ViewResult Problem422(string problem)
    {
        ViewData["Title"] = "The decision was not saved";
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Problem", problem);
    }

    private async Task StreamAsync(IAsyncEnumerable<string> lines, string fileName, CancellationToken ct)
    {
        Response.ContentType = "application/x-ndjson; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename={fileName}";
        await foreach (var line in lines.WithCancellation(ct))
        {
            await Response.WriteAsync(line + "\n", ct);
        }
    }

    private static (long, uint)? ParseSeen(string value)
    {
        var parts = value.Split(':');
        return parts.Length == 2
               && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
               && uint.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? (id, version)
            : null;
    }

    private static List<KeyValuePair<string, string>> FormSummary(IFormCollection form) =>
        [.. form.Where(f => f.Key is not ("__RequestVerificationToken" or "version" or "back.Article" or "back.After"))
            .Where(f => !string.IsNullOrWhiteSpace(f.Value.ToString()))
            .Select(f => new KeyValuePair<string, string>(f.Key, f.Value.ToString()))];

    private static string? Flash(string? done) => done switch
    {
        null => null,
        _ when done.StartsWith("saved-", StringComparison.Ordinal) => $"Saved statement {done[6..]}.",
        _ when done.StartsWith("confirmed-", StringComparison.Ordinal) => done.Split('-') switch
        {
            [_, var n] => $"Confirmed {n} statements.",
            [_, var n, _, var c] => $"Confirmed {n} statements; {c} had been changed by someone else meanwhile and were left for you to look at again.",
            _ => null,
        },
        _ => null,
    };
}

/// <summary>Where the queue page was, so a decision returns there.</summary>
public sealed class ReviewReturn
{
    public long? Article { get; set; }

    public string? After { get; set; }

    public string Url(string done)
    {
        var query = new List<string> { "done=" + Uri.EscapeDataString(done) };
        if (Article is { } article)
        {
            query.Add("article=" + article.ToString(CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrEmpty(After) && After.Length <= 200)
        {
            query.Add("after=" + Uri.EscapeDataString(After));
        }

        return "/review?" + string.Join('&', query);
    }
}

/// <summary>The correction form: empty fields stay as they are.</summary>
public sealed class CorrectionForm
{
    public long? SpeakerId { get; set; }

    public string? NewSpeakerName { get; set; }

    public StatementKind? Kind { get; set; }

    public int? Start { get; set; }

    public int? End { get; set; }

    public string? Place { get; set; }

    public string? When { get; set; }

    public StatementCorrection ToCorrection() => new(SpeakerId, NewSpeakerName, Kind, Start, End, Place, When);
}

public sealed record ReviewQueuePage(ReviewPage Page, long? Article, string? After, string? Flash);

public sealed record ReviewConflictPage(long StatementId, string Attempted, IReadOnlyList<KeyValuePair<string, string>> Fields);
