using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Data;
using NewsClaims.Web.Features.Shared;

namespace NewsClaims.Web.Features.Api;

/// <summary>Articles, newest imported first, and one article with its text and the statements found in it.</summary>
[Route("/api/v1/articles")]
[Tags("Articles")]
public sealed class ArticleReadsApiController(NewsClaimsDbContext db) : ApiControllerBase
{
    [HttpGet]
    [OkJson<ApiPage<ApiArticleSummary>>]
    public async Task<ActionResult<ApiPage<ApiArticleSummary>>> List([FromQuery] ApiPaging paging, CancellationToken ct)
    {
        var before = ApiCursor.Id(ApiCursor.Decode("articles", paging.Cursor, 1));
        if (paging.Cursor is not null && before is null)
        {
            return BadCursor();
        }

        var articles = db.Articles.AsNoTracking();
        if (before is { } id)
        {
            articles = articles.Where(a => a.Id < id);
        }

        var rows = await articles
            .OrderByDescending(a => a.Id)
            .Select(a => new ApiArticleSummary(
                a.Id, a.Title, a.CanonicalUrl, a.Outlet != null ? a.Outlet.Name : null, a.Author, a.PublishedOn, a.Language,
                db.Statements.Visible().Count(s => s.ArticleId == a.Id)))
            .Take(paging.Limit + 1)
            .ToListAsync(ct);
        return Page(rows, paging.Limit, a => ApiCursor.Encode("articles", a.Id));
    }

    /// <summary>The article's current text and its statements in text order; each statement's offsets index into <c>text</c>.</summary>
    [HttpGet("{id:long}")]
    [OkJson<ApiArticle>]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<ApiArticle>> Get(long id, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new
            {
                a.Id, a.Title, a.CanonicalUrl, Outlet = a.Outlet != null ? a.Outlet.Name : null, a.Author, a.PublishedOn, a.Language,
                a.ReportedVia, a.CurrentRevision, a.ExtractorVersion, a.CreatedAt, a.Body,
            })
            .FirstOrDefaultAsync(ct);
        if (article is null)
        {
            return NotFoundProblem($"article {id}");
        }

        var statements = await db.Statements.AsNoTracking().Visible()
            .Where(s => s.ArticleId == id)
            .OrderBy(s => s.Start).ThenBy(s => s.Id)
            .Select(ApiProjections.Statement)
            .ToListAsync(ct);
        var notes = await db.Annotations.Where(a => a.ArticleId == id).PublishedAnnotationsAsync(db, 500, ct);
        return new ApiArticle(
            article.Id, article.Title, article.CanonicalUrl, article.Outlet, article.Author, article.PublishedOn, article.Language,
            article.ReportedVia, article.CurrentRevision, article.ExtractorVersion, article.CreatedAt, article.Body, statements, notes);
    }
}
