using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Claims;
using NewsClaims.Data;
using NewsClaims.Data.Claims;
using NewsClaims.Web.Hosting;

namespace NewsClaims.Web.Features.Claims;

/// <summary>Editors' claim pages: a claim from statements in the editor's words, its verdict with sources, its relations.</summary>
[Authorize(Policy = EditorSignIn.Editor)]
[Route("/claims")]
public sealed class ClaimEditController(ClaimEditing claims, NewsClaimsDbContext db) : Controller
{
    private const string FormView = "/Features/Claims/Edit.cshtml";

    [HttpGet("new")]
    public async Task<IActionResult> New([FromQuery(Name = "statement")] List<long>? statements, CancellationToken ct)
    {
        ViewData["Title"] = "New claim";
        var form = new ClaimForm { Statements = string.Join(' ', statements ?? []) };
        return View(FormView, await PageAsync(null, form, null, ct));
    }

    [HttpPost("new")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> New([FromForm] ClaimForm form, CancellationToken ct)
    {
        if (form.ToDraft() is not { } draft)
        {
            return await RefuseAsync(null, form, "Statements are numbers separated by spaces; sources are lines of “title | https://address”; the verdict is one of the scale.", ct);
        }

        return await OutcomeAsync(await claims.CreateAsync(User.EditorId(), draft, ct), null, form, ct);
    }

    [HttpGet("{id:long}/edit")]
    public async Task<IActionResult> Edit(long id, CancellationToken ct)
    {
        var claim = await db.Claims.AsNoTracking().Include(c => c.Statements).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (claim is null)
        {
            return NotFound();
        }

        ViewData["Title"] = "Edit claim";
        return View(FormView, await PageAsync(id, ClaimForm.From(claim), null, ct));
    }

    [HttpPost("{id:long}/edit")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Edit(long id, [FromForm] ClaimForm form, CancellationToken ct)
    {
        if (form.ToDraft() is not { } draft)
        {
            return await RefuseAsync(id, form, "Statements are numbers separated by spaces; sources are lines of “title | https://address”; the verdict is one of the scale.", ct);
        }

        return await OutcomeAsync(await claims.EditAsync(User.EditorId(), id, form.Version, draft, ct), id, form, ct);
    }

    [HttpPost("{id:long}/relations")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Relate(long id, [FromForm] ClaimRelationKind kind, [FromForm] long other, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await RefuseAsync(id, null, "Choose a relation (supports, contradicts, same as) and the number of the other claim.", ct);
        }

        return await OutcomeAsync(await claims.RelateAsync(User.EditorId(), id, kind, other, ct), id, null, ct);
    }

    private async Task<IActionResult> OutcomeAsync(ClaimOutcome outcome, long? id, ClaimForm? form, CancellationToken ct) => outcome switch
    {
        ClaimOutcome.Done done => Redirect($"/claims/{done.ClaimId.ToString(CultureInfo.InvariantCulture)}"),
        ClaimOutcome.NotFound => NotFound(),
        ClaimOutcome.Conflict => await RefuseAsync(id, form, "Someone saved this claim after you opened it; nothing of yours was saved. The saved claim is below, your text beside it.", ct, StatusCodes.Status409Conflict),
        ClaimOutcome.Invalid invalid => await RefuseAsync(id, form, invalid.Problem, ct),
        _ => throw new InvalidOperationException("Unknown outcome."),
    };

    private async Task<IActionResult> RefuseAsync(long? id, ClaimForm? attempted, string problem, CancellationToken ct, int status = StatusCodes.Status422UnprocessableEntity)
    {
        Response.StatusCode = status;
        ViewData["Title"] = "Claim not saved";
        var saved = id is { } claimId ? await db.Claims.AsNoTracking().Include(c => c.Statements).SingleOrDefaultAsync(c => c.Id == claimId, ct) : null;
        if (id is not null && saved is null)
        {
            return NotFound();
        }

        // On a conflict the form shows what is saved now (with its new version) and the editor's attempt beside it.
        var form = status == StatusCodes.Status409Conflict && saved is not null ? ClaimForm.From(saved) : attempted ?? (saved is null ? new ClaimForm() : ClaimForm.From(saved));
        return View(FormView, await PageAsync(id, form, problem, ct, status == StatusCodes.Status409Conflict ? attempted : null));
    }

    private async Task<ClaimEditPage> PageAsync(long? id, ClaimForm form, string? problem, CancellationToken ct, ClaimForm? attempted = null)
    {
        var ids = form.StatementIds() ?? [];
        var statements = await db.Statements.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new ClaimStatementChoice(s.Id, s.Text, s.Speaker != null ? s.Speaker.Name : s.UnnamedSource))
            .ToListAsync(ct);
        return new ClaimEditPage(id, form, statements, problem, attempted);
    }
}

/// <summary>The claim form's fields, as text the editor types.</summary>
public sealed class ClaimForm
{
    public uint Version { get; set; }

    public string? Text { get; set; }

    public string? Topics { get; set; }

    public string? Statements { get; set; }

    public string? Verdict { get; set; }

    public string? Explanation { get; set; }

    public string? Sources { get; set; }

    public static ClaimForm From(Core.Claims.Claim claim) => new()
    {
        Version = claim.Version,
        Text = claim.Text,
        Topics = string.Join(", ", claim.Topics),
        Statements = string.Join(' ', claim.Statements.Select(s => s.StatementId)),
        Verdict = claim.Verdict?.ToString(),
        Explanation = claim.VerdictExplanation,
        Sources = string.Join('\n', claim.VerdictSources.Select(s => $"{s.Title} | {s.Url}")),
    };

    public List<long>? StatementIds()
    {
        var ids = new List<long>();
        foreach (var part in (Statements ?? "").Split([' ', ',', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!long.TryParse(part.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return null;
            }

            ids.Add(id);
        }

        return ids;
    }

    /// <summary>The draft, or null when a field cannot be read at all (the service judges the rest).</summary>
    public ClaimDraft? ToDraft()
    {
        if (StatementIds() is not { } ids)
        {
            return null;
        }

        VerdictRating? verdict = null;
        if (!string.IsNullOrWhiteSpace(Verdict))
        {
            if (!Enum.TryParse<VerdictRating>(Verdict.Replace(" ", "", StringComparison.Ordinal), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return null;
            }

            verdict = parsed;
        }

        var sources = new List<(string, string)>();
        foreach (var line in (Sources ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var bar = line.LastIndexOf('|');
            if (bar <= 0)
            {
                return null;
            }

            sources.Add((line[..bar].Trim(), line[(bar + 1)..].Trim()));
        }

        var topics = (Topics ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new ClaimDraft(Text ?? "", topics, ids, verdict, Explanation, sources);
    }
}

public sealed record ClaimStatementChoice(long Id, string Text, string? Speaker);

public sealed record ClaimEditPage(long? Id, ClaimForm Form, IReadOnlyList<ClaimStatementChoice> Statements, string? Problem, ClaimForm? Attempted);
