using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Claims;
using NewsClaims.Data;
using NewsClaims.Web.Features.Shared;

namespace NewsClaims.Web.Features.Claims;

public sealed record ClaimListItem(long Id, string Text, VerdictRating? Verdict, DateTimeOffset? RatedAt, int Statements);

public sealed record ClaimIndexViewModel(VerdictRating? Verdict, IReadOnlyList<ClaimListItem> Claims, long? NextBefore);

public sealed record RelatedClaim(long Id, string Text, VerdictRating? Verdict, string Relation);

public sealed record VerdictSourceView(string Title, string Url);

public sealed record ClaimViewModel(
    long Id,
    string Text,
    string[] Topics,
    VerdictRating? Verdict,
    string? Explanation,
    IReadOnlyList<VerdictSourceView> Sources,
    string? RatedBy,
    DateTimeOffset? RatedAt,
    DateTimeOffset CreatedAt,
    IReadOnlyList<StatementSummary> Statements,
    IReadOnlyList<RelatedClaim> Related,
    IReadOnlyList<AnnotationView> Annotations);

public sealed class ClaimQueries(NewsClaimsDbContext db)
{
    public const int ClaimsPerPage = 50;

    public async Task<ClaimIndexViewModel> IndexAsync(VerdictRating? verdict, long? before, CancellationToken ct)
    {
        var claims = db.Claims.AsNoTracking();
        if (verdict is { } v)
        {
            claims = claims.Where(c => c.Verdict == v);
        }

        if (before is { } b)
        {
            claims = claims.Where(c => c.Id < b);
        }

        var page = await claims
            .OrderByDescending(c => c.Id)
            .Select(c => new ClaimListItem(c.Id, c.Text, c.Verdict, c.RatedAt, c.Statements.Count))
            .Take(ClaimsPerPage + 1)
            .ToListAsync(ct);
        long? next = null;
        if (page.Count > ClaimsPerPage)
        {
            page.RemoveAt(ClaimsPerPage);
            next = page[^1].Id;
        }

        return new ClaimIndexViewModel(verdict, page, next);
    }

    public async Task<ClaimViewModel?> ClaimAsync(long id, CancellationToken ct, bool editor = false)
    {
        var claim = await db.Claims.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new
            {
                c.Id, c.Text, c.Topics, c.Verdict, c.VerdictExplanation, c.VerdictSources, c.RatedAt, c.CreatedAt,
                RatedBy = db.Users.Where(u => u.Id == c.RatedById).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (claim is null)
        {
            return null;
        }

        var statements = await db.Statements.AsNoTracking().Visible()
            .Where(s => db.ClaimStatements.Any(cs => cs.ClaimId == id && cs.StatementId == s.Id))
            .OrderBy(s => s.WhenSaidDate ?? s.Article!.PublishedOn).ThenBy(s => s.Id)
            .Select(StatementProjections.Summary)
            .Take(500)
            .ToListAsync(ct);

        var outgoing = await db.ClaimRelations.AsNoTracking()
            .Where(r => r.FromClaimId == id)
            .Select(r => new { r.To!.Id, r.To.Text, r.To.Verdict, r.Kind })
            .ToListAsync(ct);
        var incoming = await db.ClaimRelations.AsNoTracking()
            .Where(r => r.ToClaimId == id)
            .Select(r => new { r.From!.Id, r.From.Text, r.From.Verdict, r.Kind })
            .ToListAsync(ct);
        var related = outgoing.Select(r => new RelatedClaim(r.Id, r.Text, r.Verdict, r.Kind switch
            {
                ClaimRelationKind.Supports => "This claim supports",
                ClaimRelationKind.Contradicts => "This claim contradicts",
                _ => "Same as",
            }))
            .Concat(incoming.Select(r => new RelatedClaim(r.Id, r.Text, r.Verdict, r.Kind switch
            {
                ClaimRelationKind.Supports => "Supported by",
                ClaimRelationKind.Contradicts => "Contradicted by",
                _ => "Same as",
            })))
            .ToList();

        var annotations = await db.Annotations.Where(a => a.ClaimId == id).ForReadersAsync(db, ct, editor);

        return new ClaimViewModel(
            claim.Id, claim.Text, claim.Topics, claim.Verdict, claim.VerdictExplanation,
            [.. (claim.VerdictSources ?? []).Select(s => new VerdictSourceView(s.Title, s.Url))],
            string.IsNullOrWhiteSpace(claim.RatedBy) ? null : claim.RatedBy, claim.RatedAt, claim.CreatedAt,
            statements, related, annotations);
    }
}
