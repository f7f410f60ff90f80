using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Annotations;
using NewsClaims.Core.Common;
using NewsClaims.Core.Statements;
using NewsClaims.Data;
using NewsClaims.Web.Features.Shared;
using NewsClaims.Web.Features.Speakers;

namespace NewsClaims.Web.Features.Articles;

public sealed class ArticleQueries(NewsClaimsDbContext db)
{
    public const int ArticlesPerPage = 50;

    public async Task<ArticleIndexViewModel> IndexAsync(ArticleFilter filter, CancellationToken ct)
    {
        var articles = db.Articles.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Outlet))
        {
            articles = articles.Where(a => a.Outlet != null && a.Outlet.Name == filter.Outlet);
        }

        if (filter.From is { } from)
        {
            articles = articles.Where(a => a.PublishedOn >= from);
        }

        if (filter.To is { } to)
        {
            articles = articles.Where(a => a.PublishedOn <= to);
        }

        PersonCount? person = null;
        if (!string.IsNullOrWhiteSpace(filter.Person))
        {
            var wanted = filter.Person.Trim();
            var key = SearchKey.ForName(wanted);
            person = await db.People.AsNoTracking()
                .Where(p => p.MergedIntoId == null && (p.Slug == wanted || p.Aliases.Any(a => a.NormalisedAlias == key)))
                .OrderBy(p => p.Slug == wanted ? 0 : 1).ThenBy(p => p.Id)
                .Select(p => new PersonCount(p.Name, p.Slug, 0))
                .FirstOrDefaultAsync(ct);
            var slug = person?.Slug;
            articles = articles.Where(a => a.Statements.Any(s => s.Speaker != null && s.Speaker.Slug == slug && !StatementProjections.Hidden.Contains(s.Status)));
        }

        if (TimelineCursor.TryParse(filter.Before, out var cursor))
        {
            var (date, id) = cursor;
            articles = articles.Where(a => (a.PublishedOn ?? DateOnly.MinValue) < date || ((a.PublishedOn ?? DateOnly.MinValue) == date && a.Id < id));
        }

        var page = await articles
            .OrderByDescending(a => a.PublishedOn ?? DateOnly.MinValue).ThenByDescending(a => a.Id)
            .Select(a => new ArticleListItem(
                a.Id, a.Title, a.Outlet != null ? a.Outlet.Name : null, a.Author, a.PublishedOn, a.ReportedVia, a.IsSample,
                a.Statements.AsQueryable().Count(ReaderVisibility.IsShown)))
            .Take(ArticlesPerPage + 1)
            .ToListAsync(ct);
        string? next = null;
        if (page.Count > ArticlesPerPage)
        {
            page.RemoveAt(ArticlesPerPage);
            next = TimelineCursor.Format(page[^1].Published ?? DateOnly.MinValue, page[^1].Id);
        }

        var outlets = await db.Outlets.AsNoTracking().OrderBy(o => o.Name).Select(o => o.Name).Take(2000).ToListAsync(ct);
        return new ArticleIndexViewModel(filter, person, outlets, page, next);
    }

    public async Task<ArticleViewModel?> ArticleAsync(long id, CancellationToken ct, bool editor = false)
    {
        var article = await db.Articles.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new
            {
                a.Id, a.Title, Outlet = a.Outlet != null ? a.Outlet.Name : null, a.Author, a.PublishedOn,
                a.CanonicalUrl, a.ReportedVia, a.IsSample, a.Body, a.Language, a.CreatedAt, a.ExtractorVersion, a.CurrentRevision,
            })
            .FirstOrDefaultAsync(ct);
        if (article is null)
        {
            return null;
        }

        // Statements whose words a correction removed are listed apart, never highlighted at stale offsets.
        var orphans = await db.Statements.AsNoTracking().Visible()
            .Where(s => s.ArticleId == id && s.AnchorStatus == AnchorStatus.Orphaned)
            .OrderBy(s => s.Id)
            .Select(s => new OrphanedStatement(s.Id, s.Text, s.Speaker != null ? s.Speaker.Name : s.UnnamedSource))
            .ToListAsync(ct);
        var statements = await db.Statements.AsNoTracking().Visible()
            .Where(s => s.ArticleId == id && s.AnchorStatus == AnchorStatus.Anchored)
            .OrderBy(s => s.Start)
            .Select(s => new HighlightedStatement(
                s.Id, s.Start, s.End, s.Kind, s.Speaker != null ? s.Speaker.Name : null, s.Speaker != null ? s.Speaker.Slug : null,
                s.UnnamedSource, s.CueText, s.Place, s.WhenSaidText))
            .ToListAsync(ct);
        var speakers = statements
            .Where(s => s.SpeakerSlug is not null)
            .GroupBy(s => (Name: s.SpeakerName!, Slug: s.SpeakerSlug!))
            .Select((g, i) => new QuotedSpeaker(g.Key.Name, g.Key.Slug, i % SpeakerColours.Count, QuotedSpeaker.InitialsOf(g.Key.Name), g.Count()))
            .ToList();
        var bySlug = speakers.ToDictionary(s => s.Slug);
        var notes = await db.Annotations.Where(a => a.ArticleId == id && a.ParentId == null).ForReadersAsync(db, ct, editor);
        var passages = await db.Annotations.AsNoTracking()
            .Where(a => a.ArticleId == id && a.ParentId == null && a.Visibility == AnnotationVisibility.Published && a.Selector != null)
            .Select(a => new { a.Id, a.AnchorStatus, a.Selector })
            .ToListAsync(ct);
        var quotes = passages.ToDictionary(p => p.Id, p => (Exact: p.Selector!.Quote.Exact, Orphaned: p.AnchorStatus == AnchorStatus.Orphaned));
        var noted = passages.Where(p => p.AnchorStatus == AnchorStatus.Anchored && p.Selector!.Position is not null)
            .Select(p => new NotedPassage(p.Id, p.Selector!.Position!.Start, p.Selector.Position.End)).ToList();
        var replies = await db.Annotations.Where(a => a.ArticleId == id && a.ParentId != null).ForReadersAsync(db, ct, editor);
        var articleNotes = notes.Select(n => new ArticleNote(
            n,
            quotes.TryGetValue(n.Id, out var q) ? q.Exact : null,
            quotes.TryGetValue(n.Id, out var o) && o.Orphaned,
            [.. replies.Where(r => r.ParentId == n.Id)])).ToList();
        var paragraphs = ArticleHighlighter.Highlight(article.Body, statements, s => s.SpeakerSlug is { } slug ? bySlug[slug].Colour : null, noted);
        return new ArticleViewModel(
            article.Id, article.Title, article.Outlet, article.Author, article.PublishedOn, article.CanonicalUrl,
            article.ReportedVia, article.IsSample, article.Language, article.CreatedAt, article.ExtractorVersion, article.CurrentRevision,
            paragraphs, statements, speakers, statements.Count(s => s.SpeakerSlug is null),
            s => s.SpeakerSlug is { } slug ? bySlug[slug] : null,
            orphans,
            articleNotes);
    }
}

/// <summary>The palette size of site.css (.speaker-0 ... .speaker-5).</summary>
public static class SpeakerColours
{
    public const int Count = 6;
}
