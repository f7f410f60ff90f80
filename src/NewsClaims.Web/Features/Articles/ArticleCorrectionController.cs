using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsClaims.Data;
using NewsClaims.Data.Editing;
using NewsClaims.Data.Import;
using NewsClaims.Web.Hosting;

namespace NewsClaims.Web.Features.Articles;

/// <summary>
/// Editors correct an article's text (a typo, a wrong name): a new revision, with every statement and annotation
/// re-anchored on it; those whose words are gone are kept as orphaned, with their words, never dropped.
/// </summary>
[Authorize(Policy = EditorSignIn.Editor)]
[Route("/articles/{id:long}/correct")]
public sealed class ArticleCorrectionController(ArticleCorrector corrector, NewsClaimsDbContext db, IOptions<ImportOptions> limits) : Controller
{
    private const string FormView = "/Features/Articles/Correct.cshtml";

    // A corrected body a little over the limit still arrives, so the service can say by how much.
    private const int MaxFormBytes = 8 * 1024 * 1024;

    [HttpGet("")]
    public async Task<IActionResult> Correct(long id, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.Title, a.Body, a.CurrentRevision }).SingleOrDefaultAsync(ct);
        if (article is null)
        {
            return NotFound();
        }

        ViewData["Title"] = "Correct " + article.Title;
        return View(FormView, new ArticleCorrectionPage(id, article.Title, article.Body, article.CurrentRevision, null, null, null));
    }

    [HttpPost("")]
    [ValidateAntiForgeryToken]
    [RequestSizeLimit(MaxFormBytes)]
    [RequestFormLimits(ValueLengthLimit = MaxFormBytes)]
    public async Task<IActionResult> Correct(long id, [FromForm] int revision, [FromForm] string? body, [FromForm] string? reason, CancellationToken ct)
    {
        var editorId = User.EditorId();
        var outcome = await corrector.CorrectAsync(new ArticleCorrection(id, revision, body ?? "", editorId, reason), ct);
        switch (outcome)
        {
            case CorrectionOutcome.Corrected corrected:
                ViewData["Title"] = "Article corrected";
                return View("/Features/Articles/Corrected.cshtml", corrected);
            case CorrectionOutcome.NotFound:
                return NotFound();
            case CorrectionOutcome.Conflict conflict:
                Response.StatusCode = StatusCodes.Status409Conflict;
                return await PageAsync(id, body, reason, $"Someone saved revision {conflict.CurrentRevision} of this article after you opened revision {conflict.EditedRevision}; nothing of yours was saved. The saved text is in the box; your text is below it: redo your change on the saved text.", ct);
            case CorrectionOutcome.Refused refused:
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return await PageAsync(id, body, reason, refused.Reason, ct, keepYours: true);
            default:
                throw new InvalidOperationException("Unknown outcome.");
        }
    }

    private async Task<IActionResult> PageAsync(long id, string? yours, string? reason, string problem, CancellationToken ct, bool keepYours = false)
    {
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.Title, a.Body, a.CurrentRevision }).SingleOrDefaultAsync(ct);
        if (article is null)
        {
            return NotFound();
        }

        ViewData["Title"] = "Correction not saved";
        var shown = keepYours && yours is not null && yours.Length <= limits.Value.MaxBodyBytes ? yours : article.Body;
        return View(FormView, new ArticleCorrectionPage(id, article.Title, shown, article.CurrentRevision, reason, problem, keepYours ? null : yours));
    }
}

public sealed record ArticleCorrectionPage(long Id, string Title, string Body, int Revision, string? Reason, string? Problem, string? Yours);
