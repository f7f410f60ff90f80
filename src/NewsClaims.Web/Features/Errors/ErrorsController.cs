using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace NewsClaims.Web.Features.Errors;

/// <summary>
/// The error page for the site's pages (API errors are problem details, see Hosting/ProblemResponses): the status
/// the pipeline chose (503 while the database is down, 429 over a rate limit) and the request id logged with it.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
[IgnoreRequestForm]
public sealed class ErrorsController : Controller
{
    [Route("/error/{statusCode:int?}")]
    public IActionResult Show(int? statusCode)
    {
        // Re-executed by the exception handler: the status it chose is already on the response.
        var code = statusCode ?? (Response.StatusCode >= 400 ? Response.StatusCode : StatusCodes.Status500InternalServerError);
        var model = new ErrorViewModel(
            code,
            HttpContext.TraceIdentifier,
            HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
                ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path,
            int.TryParse(Response.Headers.RetryAfter, NumberStyles.None, CultureInfo.InvariantCulture, out var wait) ? wait : null);
        Response.StatusCode = code;
        ViewData["Title"] = model.Heading;
        return View("Error", model);
    }
}

public sealed record ErrorViewModel(int StatusCode, string RequestId, string? Path, int? RetryAfterSeconds = null)
{
    public bool IsNotFound => StatusCode == StatusCodes.Status404NotFound;

    public bool IsUnavailable => StatusCode == StatusCodes.Status503ServiceUnavailable;

    public bool IsTooManyRequests => StatusCode == StatusCodes.Status429TooManyRequests;

    public string Heading => IsNotFound ? "Page not found"
        : IsUnavailable ? "Temporarily unavailable"
        : IsTooManyRequests ? "Too many requests"
        : StatusCode >= 500 ? "Something went wrong"
        : $"Request refused ({StatusCode})";
}
