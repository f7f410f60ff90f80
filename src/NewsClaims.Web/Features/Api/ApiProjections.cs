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
        new ApiArticleRef(s.ArticleId, s.Article!.Title, s.Article.Outlet != null ? s.Article.Outlet.Name : null, s.Article.PublishedOn, s.Article.CanonicalUrl));

    /// <summary>Published notes (drafts are editors' work in progress), oldest first, with their Markdown rendered safely.</summary>
    public static async Task<List<ApiAnnotation>> PublishedAnnotationsAsync(this IQueryable<Annotation> annotations, NewsClaimsDbContext db, int limit, CancellationToken ct)
    {
        var rows = await annotations.AsNoTracking()
            .Where(a => a.Visibility == AnnotationVisibility.Published)
            .Select(a => new
            {
                a.Id, a.Motivation, a.Body, a.Tags,
                Author = db.Users.Where(u => u.Id == a.AuthorId).Select(u => u.DisplayName).FirstOrDefault(),
                a.StatementId, a.ArticleId, a.ClaimId,
                PersonSlug = a.Person != null ? a.Person.Slug : null,
                a.Selector, a.AnchorStatus, a.ParentId, a.CreatedAt, a.UpdatedAt,
            })
            .OrderBy(a => a.Id)
            .Take(limit)
            .ToListAsync(ct);
        return [.. rows.Select(a => new ApiAnnotation(
            a.Id, a.Motivation, a.Body, NoteMarkdown.ToHtml(a.Body).ToString() ?? string.Empty, a.Tags,
            string.IsNullOrWhiteSpace(a.Author) ? "an editor" : a.Author,
            a.StatementId, a.ArticleId, a.ClaimId, a.PersonSlug,
            a.Selector is null ? null : new ApiTextSelector(a.Selector.Quote.Exact, a.Selector.Quote.Prefix, a.Selector.Quote.Suffix, a.Selector.Position?.Start, a.Selector.Position?.End),
            a.AnchorStatus, a.ParentId, a.CreatedAt, a.UpdatedAt))];
    }

    /// <summary>The date a statement sits at in time: when it was said, else when its article was published.</summary>
    public static readonly Expression<Func<Statement, DateOnly>> TimelineDate = s => s.WhenSaidDate ?? s.Article!.PublishedOn ?? DateOnly.MinValue;
}
