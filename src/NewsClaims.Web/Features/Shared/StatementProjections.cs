using System.Linq.Expressions;
using NewsClaims.Core.Statements;

namespace NewsClaims.Web.Features.Shared;

/// <summary>The one projection from a stored statement to the summary every list shows.</summary>
public static class StatementProjections
{
    public static readonly Expression<Func<Statement, StatementSummary>> Summary = s => new StatementSummary(
        s.Id,
        s.Text,
        s.Kind,
        s.Speaker != null ? s.Speaker.Name : null,
        s.Speaker != null ? s.Speaker.Slug : null,
        s.UnnamedSource,
        s.CueText,
        s.Place,
        s.WhenSaidText,
        s.ArticleId,
        s.Article!.Title,
        s.Article.Outlet != null ? s.Article.Outlet.Name : null,
        s.Article.PublishedOn,
        s.Status,
        s.Confidence);

    /// <summary>
    /// Statuses readers never see: rejected statements. This one list decides visibility on every reader page, the
    /// sitemap and the counts (when low-confidence statements are held back for review, their status goes here too).
    /// </summary>
    public static readonly StatementStatus[] Hidden = [StatementStatus.Rejected];

    /// <summary>Statements a reader sees: everything the machine or an editor stands by, never rejected ones.</summary>
    public static IQueryable<Statement> Visible(this IQueryable<Statement> statements) =>
        statements.Where(s => !Hidden.Contains(s.Status));
}
