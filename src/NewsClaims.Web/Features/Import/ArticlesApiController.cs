using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NewsClaims.Data.Import;
using NewsClaims.Web.Features.Shared;
using NewsClaims.Web.Hosting;

namespace NewsClaims.Web.Features.Import;

/// <summary>
/// <c>POST /api/v1/articles</c>: imports one article (the JSON of an import line) for an editor holding a bearer
/// token, and answers with the article's id and its statements: 201 when new, 200 with the stored article when it
/// was already imported, a problem (400, 413, 415, 422) naming what is wrong otherwise.
/// </summary>
[ApiController]
[Authorize(Policy = EditorSignIn.ApiEditor)]
[IgnoreAntiforgeryToken]
[Route("/api/v1/articles")]
[Tags("Articles")]
public sealed class ArticlesApiController(ArticleImporter importer, ImportedArticles imported, IReaderCacheInvalidator readerCache) : ControllerBase
{
    private const int MaxRequestBytes = 8 * 1024 * 1024;

    [HttpPost]
    [RequestSizeLimit(MaxRequestBytes)]
    [Consumes(typeof(ArticleSubmissionJson), "application/json")]
    [ProducesResponseType<ImportedArticle>(StatusCodes.Status201Created)]
    [ProducesResponseType<ImportedArticle>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    public async Task<IActionResult> Import(CancellationToken ct)
    {
        // Read as bytes, not bound: malformed JSON and invalid UTF-8 get the pipeline's own clear messages.
        using var body = new MemoryStream();
        await Request.Body.CopyToAsync(body, ct);
        if (body.Length > importer.Options.MaxInputBytes)
        {
            return Problem($"The request is {body.Length / (1024 * 1024.0):0.#} MB; one article may be {importer.Options.MaxBodyBytes / (1024 * 1024.0):0.#} MB at most.",
                statusCode: StatusCodes.Status413PayloadTooLarge, title: "Article too large");
        }

        var item = ArticleFiles.LooksBinary(body.GetBuffer().AsSpan(0, (int)body.Length))
            ? ImportItem.Unreadable("request", "the request body is binary data, not JSON")
            : JsonArticle.Parse(body.GetBuffer().AsMemory(0, (int)body.Length), "request");
        if (item.Submission is null)
        {
            return Problem(Sentence(item.Problem!), statusCode: StatusCodes.Status400BadRequest, title: "Not an article");
        }

        var outcome = (await importer.ImportAsync([item], User.FindFirstValue(ClaimTypes.NameIdentifier), ct))[0].Outcome;
        switch (outcome)
        {
            case ImportOutcome.Imported done:
                await readerCache.InvalidateAsync(ct);
                var article = await imported.FindAsync(done.ArticleId, duplicate: false, null, ct);
                return Created($"/api/v1/articles/{done.ArticleId}", article);
            case ImportOutcome.Duplicate duplicate:
                return Ok(await imported.FindAsync(duplicate.ExistingArticleId, duplicate: true, Sentence(duplicate.Reason), ct));
            default:
                var reason = ((ImportOutcome.Rejected)outcome).Reason;
                return Problem(Sentence(reason), statusCode: reason.Contains("limit", StringComparison.Ordinal)
                    ? StatusCodes.Status413PayloadTooLarge
                    : StatusCodes.Status422UnprocessableEntity, title: "Article refused");
        }
    }

    private static string Sentence(string text) => char.ToUpperInvariant(text[0]) + text[1..] + (text.EndsWith('.') ? string.Empty : ".");
}

/// <summary>The JSON an article is sent as (one line of a <c>.jsonl</c> import): only <c>text</c> is required; <c>published</c> is YYYY-MM-DD.</summary>
public sealed record ArticleSubmissionJson(
    string Text,
    string? Id = null,
    string? Title = null,
    DateOnly? Published = null,
    string? Outlet = null,
    string? Url = null,
    string? Author = null,
    string? Language = null,
    string? ReportedVia = null);
