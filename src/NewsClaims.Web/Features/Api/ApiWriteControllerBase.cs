using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using NewsClaims.Web.Hosting;

namespace NewsClaims.Web.Features.Api;

/// <summary>
/// What every editor write of <c>/api/v1</c> shares: a bearer token of an editor (401 without one, no redirect, no
/// antiforgery token since no cookie is involved), JSON bodies validated before the action runs (400 with the fields
/// named), and the services' outcomes as problem details: 404 for an unknown address, 409 with <c>yourVersion</c> and
/// <c>currentVersion</c> when someone saved the thing since the caller read it, 422 with the service's words when it refuses.
/// </summary>
[Authorize(Policy = EditorSignIn.ApiEditor)]
[IgnoreAntiforgeryToken]
[ProducesResponseType(StatusCodes.Status401Unauthorized)]
[ProducesResponseType(StatusCodes.Status403Forbidden)]
public abstract class ApiWriteControllerBase : ApiControllerBase
{
    protected const string ProblemJson = "application/problem+json";

    /// <summary>409: nothing was written; the caller reads the current version and decides again.</summary>
    protected ObjectResult ConflictProblem(string what, uint? yourVersion, uint? currentVersion)
    {
        var problem = ProblemDetailsFactory.CreateProblemDetails(
            HttpContext,
            StatusCodes.Status409Conflict,
            "Changed since you read it",
            detail: $"Someone saved {what} after you read it; nothing of yours was saved. Read it again (its version is currentVersion) and decide again.",
            instance: Request.GetEncodedPathAndQuery());
        problem.Extensions["yourVersion"] = yourVersion;
        problem.Extensions["currentVersion"] = currentVersion;
        return ProblemResult(problem);
    }

    /// <summary>422: the request was well formed, and the service refused it for the reason it gives.</summary>
    protected ObjectResult Refused(string problem) =>
        ProblemResult(ProblemDetailsFactory.CreateProblemDetails(
            HttpContext, StatusCodes.Status422UnprocessableEntity, "Not saved", detail: problem, instance: Request.GetEncodedPathAndQuery()));

    private static ObjectResult ProblemResult(ProblemDetails problem) =>
        new(problem) { StatusCode = problem.Status, ContentTypes = { ProblemJson } };
}
