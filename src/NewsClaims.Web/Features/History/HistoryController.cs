using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Auditing;
using NewsClaims.Data;

namespace NewsClaims.Web.Features.History;

/// <summary>
/// The history of a statement, person, claim, article or note: every recorded change, newest first, with who made it,
/// when, and each field from → to. Open to readers: a knowledge base that fact-checkers cite shows its corrections.
/// </summary>
[Route("/history")]
public sealed class HistoryController(NewsClaimsDbContext db) : Controller
{
    private const int Shown = 500;

    private static readonly Dictionary<string, (string Label, Func<long, string> Page)> Entities = new(StringComparer.Ordinal)
    {
        [AuditedEntity.Statement] = ("Statement", id => $"/statements/{id}"),
        [AuditedEntity.Claim] = ("Claim", id => $"/claims/{id}"),
        [AuditedEntity.Article] = ("Article", id => $"/articles/{id}"),
        [AuditedEntity.Person] = ("Person", _ => "/speakers"),
        [AuditedEntity.Annotation] = ("Note", _ => "/"),
    };

    [HttpGet("{entity}/{id:long}")]
    public async Task<IActionResult> Show(string entity, long id, CancellationToken ct)
    {
        if (!Entities.TryGetValue(entity, out var kind))
        {
            return NotFound();
        }

        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == entity && e.EntityId == key)
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
            .Take(Shown)
            .Select(e => new HistoryEntry(
                e.CreatedAt, e.Action,
                db.Users.Where(u => u.Id == e.AccountId).Select(u => u.DisplayName).FirstOrDefault() ?? "an editor",
                e.Changes))
            .ToListAsync(ct);
        var page = entity == AuditedEntity.Person
            ? await db.People.Where(p => p.Id == id).Select(p => "/speakers/" + p.Slug).FirstOrDefaultAsync(ct) ?? kind.Page(id)
            : kind.Page(id);
        ViewData["Title"] = $"History of {kind.Label.ToLowerInvariant()} {id}";
        return View("/Features/History/Show.cshtml", new HistoryPage(kind.Label, id, page, entries));
    }
}

public sealed record HistoryEntry(DateTimeOffset At, string Action, string Editor, IReadOnlyDictionary<string, FieldChange> Changes);

public sealed record HistoryPage(string Kind, long Id, string Page, IReadOnlyList<HistoryEntry> Entries);
