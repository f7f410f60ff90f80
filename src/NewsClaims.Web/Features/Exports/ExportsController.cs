using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using NewsClaims.Data.Exports;
using NewsClaims.Web.Hosting;

namespace NewsClaims.Web.Features.Exports;

/// <summary>
/// Complete exports of the knowledge base, streamed: rows are read a batch at a time and written straight to the
/// response, flushed after each batch, so memory stays flat however large the knowledge base. Anyone gets what
/// readers see; a signed-in editor (cookie or bearer token) may ask for <c>?scope=all</c>, everything with its status.
/// Never output-cached: a cached export would be held whole in memory.
/// </summary>
[ApiController]
[Tags("Exports")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
public sealed class ExportsController(KnowledgeBaseExport export) : ControllerBase
{
    private const string JsonLines = "application/x-ndjson; charset=utf-8";

    /// <summary>One JSON object a line per statement.</summary>
    [HttpGet("/api/v1/exports/statements.jsonl")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "application/x-ndjson")]
    public Task<IActionResult> StatementsJsonl([FromQuery] string? scope, CancellationToken ct) =>
        StreamAsync(scope, JsonLines, "statements.jsonl", (s, origin) => StatementLines.WriteAsync(Response.BodyWriter, origin, export.StatementBatchesAsync(s, ct), ct));

    /// <summary>The same statements as CSV (RFC 4180, UTF-8, header row).</summary>
    [HttpGet("/api/v1/exports/statements.csv")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/csv")]
    public Task<IActionResult> StatementsCsv([FromQuery] string? scope, CancellationToken ct) =>
        StreamAsync(scope, "text/csv; charset=utf-8; header=present", "statements.csv", (s, origin) => StatementCsv.WriteAsync(Response.BodyWriter, origin, export.StatementBatchesAsync(s, ct), ct));

    /// <summary>Claims as schema.org ClaimReview (rated) or Claim (not yet rated) nodes of one JSON-LD <c>@graph</c>.</summary>
    [HttpGet("/api/v1/exports/claims.jsonld")]
    [ProducesResponseType<JsonObject>(StatusCodes.Status200OK, "application/ld+json")]
    public Task<IActionResult> Claims([FromQuery] string? scope, CancellationToken ct) =>
        StreamAsync(scope, "application/ld+json; charset=utf-8", "claims.jsonld", (s, origin) => ClaimGraph.WriteAsync(Response.BodyWriter, origin, export.ClaimBatchesAsync(s, ct), ct));

    /// <summary>One JSON object a line per person; merged records are folded into the person they were merged into.</summary>
    [HttpGet("/api/v1/exports/people.jsonl")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "application/x-ndjson")]
    public Task<IActionResult> People([FromQuery] string? scope, CancellationToken ct) =>
        StreamAsync(scope, JsonLines, "people.jsonl", (s, origin) => PersonLines.WriteAsync(Response.BodyWriter, origin, export.PersonBatchesAsync(s, ct), ct));

    /// <summary>Editors' notes as one W3C Web Annotation collection; the older address is kept for links made to it.</summary>
    [HttpGet("/api/v1/exports/annotations.jsonld")]
    [ProducesResponseType<JsonObject>(StatusCodes.Status200OK, "application/ld+json")]
    [HttpGet("/annotations/export.jsonld")]
    public Task<IActionResult> Annotations([FromQuery] string? scope, CancellationToken ct) =>
        StreamAsync(scope, AnnotationCollection.ContentType, "annotations.jsonld", (s, origin) => AnnotationCollection.WriteAsync(Response.BodyWriter, origin, s, export.AnnotationBatchesAsync(s, ct), ct));

    private async Task<IActionResult> StreamAsync(string? scope, string contentType, string fileName, Func<ExportScope, string, Task> write)
    {
        var chosen = scope?.Trim().ToLowerInvariant() switch
        {
            null or "" or "readers" => ExportScope.Readers,
            "all" => ExportScope.All,
            _ => (ExportScope?)null,
        };
        if (chosen is null)
        {
            return Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown scope", detail: "scope is 'readers' (the default: what readers see) or 'all' (editors only).");
        }

        if (chosen == ExportScope.All && await RefusalAsync() is { } refusal)
        {
            return refusal;
        }

        Response.ContentType = contentType;
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName }.ToString();
        // Everything-scope exports hold unpublished material: no shared cache may keep them.
        Response.Headers.CacheControl = chosen == ExportScope.All ? "private, no-store" : "no-cache";
        await write(chosen.Value, $"{Request.Scheme}://{Request.Host}{Request.PathBase}");
        return new EmptyResult();
    }

    /// <summary>The editor policy, with its cookie-or-bearer schemes, as <c>[Authorize]</c> would apply it: 401 when not signed in, 403 for a non-editor.</summary>
    private async Task<IActionResult?> RefusalAsync()
    {
        var authorization = await HttpContext.AuthorizeEditorAsync();
        if (authorization.Succeeded)
        {
            return null;
        }

        if (authorization.Challenged)
        {
            Response.Headers.WWWAuthenticate = "Bearer";
            return Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign in as an editor",
                detail: "scope=all includes unpublished material: sign in as an editor (cookie or bearer token from POST /api/v1/auth/login), or leave scope out for what readers see.");
        }

        return Problem(statusCode: StatusCodes.Status403Forbidden, title: "Editors only", detail: "scope=all is for editors and admins; leave scope out for what readers see.");
    }
}
