using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace NewsClaims.Web.Features.Api;

/// <summary>What every read endpoint of <c>/api/v1</c> shares: JSON, problem details, keyset pages with a <c>Link</c> header.</summary>
[ApiController]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
public abstract class ApiControllerBase : ControllerBase
{
    /// <summary>Trims a list read as <c>limit + 1</c> rows to the page, and points at the next one.</summary>
    protected ApiPage<T> Page<T>(List<T> rows, int limit, Func<T, string> cursorOf)
    {
        if (rows.Count <= limit)
        {
            return new ApiPage<T>(rows, null, null);
        }

        rows.RemoveAt(limit);
        var cursor = cursorOf(rows[^1]);
        var query = QueryHelpers.ParseQuery(Request.QueryString.Value);
        query["cursor"] = cursor;
        var next = Request.Path + QueryString.Create(query).ToUriComponent();
        Response.Headers.Append("Link", $"<{next}>; rel=\"next\"");
        return new ApiPage<T>(rows, cursor, next);
    }

    /// <summary>A 200 answer of <typeparamref name="T"/> as JSON (errors stay <c>application/problem+json</c>, which <c>[Produces]</c> would override).</summary>
    [AttributeUsage(AttributeTargets.Method)]
    protected sealed class OkJsonAttribute<T>() : ProducesResponseTypeAttribute<T>(StatusCodes.Status200OK, "application/json");

    protected ActionResult BadCursor() =>
        ValidationProblem(new ValidationProblemDetails(new Dictionary<string, string[]>
        {
            ["cursor"] = ["This cursor was not given out by this list: start again without one, or pass the nextCursor of the previous page."],
        }));

    protected ActionResult NotFoundProblem(string what) =>
        Problem(detail: $"There is no {what}.", statusCode: StatusCodes.Status404NotFound, title: "Not found", instance: Request.GetEncodedPathAndQuery());
}
