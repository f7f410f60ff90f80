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

    /// <summary>Statuses readers never see, whoever the speaker; where a query already requires a speaker this is the whole rule.</summary>
    public static readonly StatementStatus[] Hidden = [StatementStatus.Rejected];

    /// <summary>Statements a reader sees (<see cref="ReaderVisibility"/>): used by every reader page, the sitemap and the counts.</summary>
    public static IQueryable<Statement> Visible(this IQueryable<Statement> statements) =>
        statements.Where(ReaderVisibility.IsShown);
}
