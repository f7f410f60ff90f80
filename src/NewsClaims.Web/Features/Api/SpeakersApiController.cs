using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Data;
using NewsClaims.Data.People;
using NewsClaims.Web.Features.Shared;

namespace NewsClaims.Web.Features.Api;

/// <summary>People quoted in the news: the index, one person, and their statements newest first.</summary>
[Route("/api/v1/speakers")]
[Tags("Speakers")]
public sealed class SpeakersApiController(NewsClaimsDbContext db) : ApiControllerBase
{
    /// <summary>People in slug order; <c>q</c> narrows to names and aliases containing the words.</summary>
    [HttpGet]
    [OkJson<ApiPage<ApiPersonSummary>>]
    public async Task<ActionResult<ApiPage<ApiPersonSummary>>> List([FromQuery] ApiPaging paging, [FromQuery, StringLength(200)] string? q, CancellationToken ct)
    {
        var after = ApiCursor.Decode("speakers", paging.Cursor, 1);
        if (paging.Cursor is not null && after is null)
        {
            return BadCursor();
        }

        var people = db.People.AsNoTracking().Where(p => p.MergedIntoId == null);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = "%" + q.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            people = people.Where(p => EF.Functions.ILike(p.Name, pattern) || p.Aliases.Any(a => EF.Functions.ILike(a.Alias, pattern)));
        }

        if (after is not null)
        {
            var slug = after[0];
            people = people.Where(p => string.Compare(p.Slug, slug) > 0);
        }

        var rows = await people
            .OrderBy(p => p.Slug)
            .Select(p => new ApiPersonSummary(p.Name, p.Slug, p.Description, db.Statements.Visible().Count(s => s.SpeakerId == p.Id)))
            .Take(paging.Limit + 1)
            .ToListAsync(ct);
        return Page(rows, paging.Limit, p => ApiCursor.Encode("speakers", p.Slug));
    }

    /// <summary>One person with aliases, dated roles and editors' notes. A merged or renamed person's old slug redirects (301) to the current one.</summary>
    [HttpGet("{slug}")]
    [OkJson<ApiPerson>]
    [ProducesResponseType(StatusCodes.Status301MovedPermanently)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<ApiPerson>> Get([StringLength(200)] string slug, CancellationToken ct)
    {
        var found = await db.ResolveSlugAsync(slug, ct);
        if (found is not SlugLookup.Found(var id))
        {
            return found is SlugLookup.MovedTo(var current) ? RedirectPermanent($"/api/v1/speakers/{current}") : NotFoundProblem($"speaker '{slug}'");
        }

        return await ApiProjections.PersonAsync(db, id, ct);
    }

    /// <summary>The person's statements readers may see, newest first (by the day said, else the article's date).</summary>
    [HttpGet("{slug}/statements")]
    [OkJson<ApiPage<ApiStatement>>]
    [ProducesResponseType(StatusCodes.Status301MovedPermanently)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<ApiPage<ApiStatement>>> Statements([StringLength(200)] string slug, [FromQuery] ApiPaging paging, CancellationToken ct)
    {
        var after = ApiCursor.Decode("speaker-statements", paging.Cursor, 2);
        var (afterDate, afterId) = (ApiCursor.Date(after), ApiCursor.Id(after, 1));
        if (paging.Cursor is not null && (afterDate is null || afterId is null))
        {
            return BadCursor();
        }

        var found = await db.ResolveSlugAsync(slug, ct);
        if (found is not SlugLookup.Found(var id))
        {
            return found is SlugLookup.MovedTo(var current)
                ? RedirectPermanent($"/api/v1/speakers/{current}/statements{Request.QueryString}")
                : NotFoundProblem($"speaker '{slug}'");
        }

        var statements = db.Statements.AsNoTracking().Visible().Where(s => s.SpeakerId == id);
        if (afterDate is { } date && afterId is { } last)
        {
            statements = statements.Where(s => (s.WhenSaidDate ?? s.Article!.PublishedOn ?? DateOnly.MinValue) < date
                                               || ((s.WhenSaidDate ?? s.Article!.PublishedOn ?? DateOnly.MinValue) == date && s.Id < last));
        }

        var rows = await statements
            .OrderByDescending(s => s.WhenSaidDate ?? s.Article!.PublishedOn ?? DateOnly.MinValue).ThenByDescending(s => s.Id)
            .Select(ApiProjections.Statement)
            .Take(paging.Limit + 1)
            .ToListAsync(ct);
        return Page(rows, paging.Limit, s => ApiCursor.Encode("speaker-statements",
            (s.When?.Date ?? s.Article.Published ?? DateOnly.MinValue).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.Id));
    }
}
