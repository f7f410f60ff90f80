using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Statements;
using NewsClaims.Data;
using NewsClaims.Web.Features.Shared;

namespace NewsClaims.Web.Features.Articles;

public sealed record ArticleListItem(long Id, string Title, string? Outlet, DateOnly? Published, bool IsSample, int Statements);

public sealed record HighlightedStatement(
    long Id, int Start, int End, StatementKind Kind, string? SpeakerName, string? SpeakerSlug, string? UnnamedSource,
    string? Cue, string? Place, string? WhenText);

public sealed record ArticleViewModel(
    long Id,
    string Title,
    string? Outlet,
    string? Author,
    DateOnly? Published,
    string? Url,
    string? ReportedVia,
    bool IsSample,
    IReadOnlyList<HighlightedParagraph> Paragraphs,
    IReadOnlyList<HighlightedStatement> Statements,
    IReadOnlyList<(string Name, string Slug, int Colour)> Speakers);

public sealed class ArticleQueries(NewsClaimsDbContext db)
{
    public Task<List<ArticleListItem>> IndexAsync(CancellationToken ct) =>
        db.Articles.AsNoTracking()
            .OrderByDescending(a => a.PublishedOn).ThenByDescending(a => a.Id)
            .Select(a => new ArticleListItem(
                a.Id, a.Title, a.Outlet != null ? a.Outlet.Name : null, a.PublishedOn, a.IsSample,
                a.Statements.Count(s => s.Status != StatementStatus.Rejected)))
            .Take(500)
            .ToListAsync(ct);

    public async Task<ArticleViewModel?> ArticleAsync(long id, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new
            {
                a.Id, a.Title, Outlet = a.Outlet != null ? a.Outlet.Name : null, a.Author, a.PublishedOn,
                a.CanonicalUrl, a.ReportedVia, a.IsSample, a.Body,
            })
            .FirstOrDefaultAsync(ct);
        if (article is null)
        {
            return null;
        }

        var statements = await db.Statements.AsNoTracking().Visible()
            .Where(s => s.ArticleId == id)
            .OrderBy(s => s.Start)
            .Select(s => new HighlightedStatement(
                s.Id, s.Start, s.End, s.Kind, s.Speaker != null ? s.Speaker.Name : null, s.Speaker != null ? s.Speaker.Slug : null,
                s.UnnamedSource, s.CueText, s.Place, s.WhenSaidText))
            .ToListAsync(ct);
        var speakers = statements
            .Where(s => s.SpeakerSlug is not null)
            .Select(s => (Name: s.SpeakerName!, Slug: s.SpeakerSlug!))
            .Distinct()
            .Select((s, i) => (s.Name, s.Slug, Colour: i % SpeakerColours.Count))
            .ToList();
        var colourOf = speakers.ToDictionary(s => s.Slug, s => s.Colour);
        var paragraphs = ArticleHighlighter.Highlight(article.Body, statements, s => s.SpeakerSlug is { } slug ? colourOf[slug] : null);
        return new ArticleViewModel(
            article.Id, article.Title, article.Outlet, article.Author, article.PublishedOn, article.CanonicalUrl,
            article.ReportedVia, article.IsSample, paragraphs, statements, speakers);
    }
}

/// <summary>The palette size of site.css (.speaker-0 ... .speaker-5).</summary>
public static class SpeakerColours
{
    public const int Count = 6;
}
