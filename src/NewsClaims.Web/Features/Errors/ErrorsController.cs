using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace NewsClaims.Web.Features.Errors;

[ApiExplorerSettings(IgnoreApi = true)]
[IgnoreRequestForm]
public sealed class ErrorsController : Controller
{
    [Route("/error/{statusCode:int?}")]
    public IActionResult Show(int? statusCode)
    {
        var code = statusCode ?? StatusCodes.Status500InternalServerError;
        var model = new ErrorViewModel(
            code,
            Activity.Current?.Id ?? HttpContext.TraceIdentifier,
            HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
                ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path);
        Response.StatusCode = code;
        ViewData["Title"] = model.Heading;
        return View("Error", model);
    }
}

public sealed record ErrorViewModel(int StatusCode, string RequestId, string? Path)
{
    public bool IsNotFound => StatusCode == StatusCodes.Status404NotFound;

    public string Heading => IsNotFound ? "Page not found" : StatusCode >= 500 ? "Something went wrong" : $"Request refused ({StatusCode})";
}
