using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Annotations;
using NewsClaims.Core.Statements;
using NewsClaims.Data;
using NewsClaims.Web.Features.Shared;

namespace NewsClaims.Web.Features.Api;

/// <summary>The one mapping from stored rows to the API's shapes, and the reader rules applied to them.</summary>
public static class ApiProjections
{
    public static readonly Expression<Func<Statement, ApiStatement>> Statement = s => new ApiStatement(
        s.Id,
        s.Kind,
        s.Text,
        s.Start,
        s.End,
        s.Speaker != null ? new ApiPersonRef(s.Speaker.Name, s.Speaker.Slug) : null,
        s.MentionStart != null && s.MentionEnd != null && s.MentionText != null ? new ApiSpan(s.MentionStart.Value, s.MentionEnd.Value, s.MentionText) : null,
        s.UnnamedSource,
        s.CueStart != null && s.CueEnd != null && s.CueText != null ? new ApiSpan(s.CueStart.Value, s.CueEnd.Value, s.CueText) : null,
        s.Place,
        s.WhenSaidText != null || s.WhenSaidDate != null ? new ApiWhen(s.WhenSaidText, s.WhenSaidDate, s.WhenSaidPrecision) : null,
        s.Occasion,
        s.Confidence,
        s.Status,
        s.AnchorStatus,
        s.ExtractorVersion,
        s.ReportedVia ?? s.Article!.ReportedVia,
        new ApiArticleRef(s.ArticleId, s.Article!.Title, s.Article.Outlet != null ? s.Article.Outlet.Name : null, s.Article.PublishedOn, s.Article.CanonicalUrl),
        s.Version);

    /// <summary>Published notes (drafts are editors' work in progress), oldest first, with their Markdown rendered safely.</summary>
    public static Task<List<ApiAnnotation>> PublishedAnnotationsAsync(this IQueryable<Annotation> annotations, NewsClaimsDbContext db, int limit, CancellationToken ct) =>
        annotations.AnnotationsAsync(db, limit, withDrafts: false, ct);

    /// <summary>Notes oldest first, drafts too when <paramref name="withDrafts"/> (for the editor who just wrote one).</summary>
    public static async Task<List<ApiAnnotation>> AnnotationsAsync(this IQueryable<Annotation> annotations, NewsClaimsDbContext db, int limit, bool withDrafts, CancellationToken ct)
    {
        var rows = await annotations.AsNoTracking()
            .Where(a => withDrafts || a.Visibility == AnnotationVisibility.Published)
            .Select(a => new
            {
                a.Id, a.Motivation, a.Body, a.Tags,
                Author = db.Users.Where(u => u.Id == a.AuthorId).Select(u => u.DisplayName).FirstOrDefault(),
                a.StatementId, a.ArticleId, a.ClaimId,
                PersonSlug = a.Person != null ? a.Person.Slug : null,
                a.Selector, a.AnchorStatus, a.ParentId, a.CreatedAt, a.UpdatedAt,
                Published = a.Visibility == AnnotationVisibility.Published, a.Version,
            })
            .OrderBy(a => a.Id)
            .Take(limit)
            .ToListAsync(ct);
        return [.. rows.Select(a => new ApiAnnotation(
            a.Id, a.Motivation, a.Body, NoteMarkdown.ToHtml(a.Body).ToString() ?? string.Empty, a.Tags,
            string.IsNullOrWhiteSpace(a.Author) ? "an editor" : a.Author,
            a.StatementId, a.ArticleId, a.ClaimId, a.PersonSlug,
            a.Selector is null ? null : new ApiTextSelector(a.Selector.Quote.Exact, a.Selector.Quote.Prefix, a.Selector.Quote.Suffix, a.Selector.Position?.Start, a.Selector.Position?.End),
            a.AnchorStatus, a.ParentId, a.CreatedAt, a.UpdatedAt, a.Published, a.Version))];
    }

    /// <summary>One person as <c>GET /api/v1/speakers/{slug}</c> shows them, by id.</summary>
    public static async Task<ApiPerson> PersonAsync(NewsClaimsDbContext db, long id, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new
            {
                p.Name, p.Slug, p.Description, p.WikidataId, p.NeedsReview, p.Version,
                Aliases = p.Aliases.OrderBy(a => a.Alias).Select(a => a.Alias).ToList(),
                Roles = p.Roles.OrderByDescending(r => r.StartedOn).Select(r => new ApiRole(r.Title, r.Organisation, r.StartedOn, r.EndedOn)).ToList(),
                Count = db.Statements.Visible().Count(s => s.SpeakerId == p.Id),
            })
            .FirstAsync(ct);
        var notes = await db.Annotations.Where(a => a.PersonId == id).PublishedAnnotationsAsync(db, 200, ct);
        return new ApiPerson(
            person.Name, person.Slug, person.Description, person.WikidataId, person.NeedsReview, person.Aliases, person.Roles, person.Count, notes, person.Version);
    }

    /// <summary>One claim as <c>GET /api/v1/claims/{id}</c> shows it; null when there is none.</summary>
    public static async Task<ApiClaim?> ClaimAsync(NewsClaimsDbContext db, long id, CancellationToken ct)
    {
        var claim = await db.Claims.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (claim is null)
        {
            return null;
        }

        var statements = await db.Statements.AsNoTracking().Visible()
            .Where(s => db.ClaimStatements.Any(cs => cs.ClaimId == id && cs.StatementId == s.Id))
            .OrderBy(s => s.WhenSaidDate ?? s.Article!.PublishedOn).ThenBy(s => s.Id)
            .Select(Statement)
            .Take(1000)
            .ToListAsync(ct);
        var outgoing = await db.ClaimRelations.AsNoTracking().Where(r => r.FromClaimId == id)
            .Select(r => new ApiRelatedClaim(r.ToClaimId, r.To!.Text, r.To.Verdict, r.Kind, false)).ToListAsync(ct);
        var incoming = await db.ClaimRelations.AsNoTracking().Where(r => r.ToClaimId == id)
            .Select(r => new ApiRelatedClaim(r.FromClaimId, r.From!.Text, r.From.Verdict, r.Kind, true)).ToListAsync(ct);
        var notes = await db.Annotations.Where(a => a.ClaimId == id).PublishedAnnotationsAsync(db, 500, ct);
        return new ApiClaim(
            claim.Id, claim.Text, claim.Topics, claim.Verdict, claim.Verdict is { } v ? VerdictLabels.For(v) : null, claim.VerdictExplanation,
            [.. claim.VerdictSources.Select(s => new ApiVerdictSource(s.Title, s.Url))], claim.RatedAt, claim.CreatedAt,
            statements, [.. outgoing, .. incoming], notes, claim.Version);
    }

    /// <summary>The date a statement sits at in time: when it was said, else when its article was published.</summary>
    public static readonly Expression<Func<Statement, DateOnly>> TimelineDate = s => s.WhenSaidDate ?? s.Article!.PublishedOn ?? DateOnly.MinValue;
}
