using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace NewsClaims.Web.Hosting;

/// <summary>
/// Every error under <c>/api</c> is an RFC 9457 problem (<c>application/problem+json</c>) with type, title, status,
/// detail, instance and the <c>requestId</c> and <c>traceId</c> extensions, whoever produced it: MVC, a minimal API,
/// an empty status code (routing's 404/405, authentication's 401/403, Kestrel's 413), the rate limiter or an
/// exception. Pages get the site's error page, which shows the same request id.
/// </summary>
public static class ProblemResponses
{
    public const string ContentType = "application/problem+json";

    /// <summary>True for a request under /api, also while the exception handler re-executes it at /error.</summary>
    public static bool IsApi(HttpContext context) => OriginalPath(context).StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>The path the client asked for (the exception handler and status code pages re-execute at /error).</summary>
    public static PathString OriginalPath(HttpContext context) =>
        context.Features.Get<IExceptionHandlerPathFeature>()?.Path is { Length: > 0 } failed ? new PathString(failed)
        : context.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath is { Length: > 0 } original ? new PathString(original)
        : context.Request.Path;

    public static IServiceCollection AddNewsClaimsProblemDetails(this IServiceCollection services)
    {
        // Before AddProblemDetails' own writer, which declines clients whose Accept header does not name JSON.
        services.AddSingleton<IProblemDetailsWriter, ApiProblemWriter>();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context => Complete(context.HttpContext, context.ProblemDetails));
        return services;
    }

    /// <summary>Exceptions: problem details under /api, the error page (re-executed /error) elsewhere; in Development pages keep the developer page.</summary>
    public static WebApplication UseNewsClaimsErrorHandling(this WebApplication app)
    {
        var options = new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            StatusCodeSelector = StatusFor,
            // Outages, bad requests and requests cut by shutdown are logged briefly elsewhere; other failures with their stack.
            SuppressDiagnosticsCallback = c => DatabaseUnavailable.IsDatabaseFailure(c.Exception) || c.Exception is BadHttpRequestException or OperationCanceledException,
        };
        if (app.Environment.IsDevelopment())
        {
            app.UseWhen(IsApi, api => api.UseExceptionHandler(options));
        }
        else
        {
            app.UseExceptionHandler(options);
        }

        return app;
    }

    /// <summary>Empty error responses: a problem under /api, the error page elsewhere.</summary>
    public static WebApplication UseNewsClaimsStatusCodePages(this WebApplication app)
    {
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        // Inside the page handler: it sees the problem's content type and leaves the response alone.
        app.UseWhen(IsApi, api => api.UseStatusCodePages(context => WriteAsync(context.HttpContext, context.HttpContext.Response.StatusCode)));
        return app;
    }

    /// <summary>The status an exception is answered with.</summary>
    public static int StatusFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        _ when DatabaseUnavailable.IsDatabaseFailure(exception) => StatusCodes.Status503ServiceUnavailable,
        // Not a timeout (the timeout middleware answers those) nor a client gone (the handler skips those): the site
        // is stopping, and Kestrel cancelled a request body still being read.
        OperationCanceledException => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>Writes a problem for <paramref name="status"/> through the problem details service (so it is completed the same way).</summary>
    public static async Task WriteAsync(HttpContext context, int status, string? detail = null, string? title = null)
    {
        context.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Detail = detail, Title = title };
        var service = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await service.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    /// <summary>Fills what is missing: type, title, a detail sentence, instance, requestId, traceId.</summary>
    public static void Complete(HttpContext context, ProblemDetails problem)
    {
        var status = problem.Status ?? context.Response.StatusCode;
        problem.Status = status;
        problem.Type ??= TypeFor(status);
        problem.Title ??= ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";
        problem.Detail ??= DetailFor(context, status);
        problem.Instance ??= (context.Request.PathBase + OriginalPath(context)).Value;
        problem.Extensions["requestId"] = context.TraceIdentifier;
        problem.Extensions["traceId"] = Activity.Current?.Id ?? context.TraceIdentifier;
        if (status == StatusCodes.Status503ServiceUnavailable && !context.Response.HasStarted && string.IsNullOrEmpty(context.Response.Headers.RetryAfter))
        {
            DatabaseUnavailable.SetRetryAfter(context);
        }
    }

    private static string TypeFor(int status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        403 => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        405 => "https://tools.ietf.org/html/rfc9110#section-15.5.6",
        406 => "https://tools.ietf.org/html/rfc9110#section-15.5.7",
        408 => "https://tools.ietf.org/html/rfc9110#section-15.5.9",
        409 => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        412 => "https://tools.ietf.org/html/rfc9110#section-15.5.13",
        413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        415 => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        422 => "https://tools.ietf.org/html/rfc9110#section-15.5.21",
        429 => "https://tools.ietf.org/html/rfc6585#section-4",
        500 => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
        502 => "https://tools.ietf.org/html/rfc9110#section-15.6.3",
        503 => "https://tools.ietf.org/html/rfc9110#section-15.6.4",
        504 => "https://tools.ietf.org/html/rfc9110#section-15.6.5",
        _ => "about:blank",
    };

    private static string DetailFor(HttpContext context, int status)
    {
        var path = OriginalPath(context).Value;
        return status switch
        {
            400 => "The request could not be read: check the JSON body and the parameters.",
            401 => "Sign in first: send 'Authorization: Bearer <accessToken>' from POST /api/v1/auth/login.",
            403 => "This account may not do this.",
            404 => $"There is nothing at {path}.",
            405 => $"{context.Request.Method} is not allowed on {path}.",
            409 => "The resource changed since it was read; read it again and retry.",
            413 => "The request body is larger than this endpoint accepts.",
            415 => "Send the body as application/json.",
            429 => "Too many requests; wait for the number of seconds in Retry-After and try again.",
            503 => "The service is unavailable for a moment (the database does not answer, or the site is restarting); try again in a few seconds.",
            504 => "The request took too long and was stopped.",
            >= 500 => "Something went wrong; it has been logged under this request id.",
            _ => "The request could not be served as sent.",
        };
    }

    /// <summary>An exception under /api: a problem with the status <see cref="StatusFor"/> chose (already set on the response).</summary>
    private sealed class ApiExceptionHandler : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (!IsApi(httpContext))
            {
                return false;
            }

            var status = httpContext.Response.StatusCode >= 400 ? httpContext.Response.StatusCode : StatusFor(exception);
            // Kestrel's and binding's own messages ("Request body too large...") are safe to show; others are not.
            await WriteAsync(httpContext, status, exception is BadHttpRequestException ? exception.Message : null);
            return true;
        }
    }

    /// <summary>Under /api a problem is always JSON, whatever the Accept header says.</summary>
    private sealed class ApiProblemWriter(IOptions<ProblemDetailsOptions> options) : IProblemDetailsWriter
    {
        public bool CanWrite(ProblemDetailsContext context) => IsApi(context.HttpContext);

        public async ValueTask WriteAsync(ProblemDetailsContext context)
        {
            var http = context.HttpContext;
            var problem = context.ProblemDetails;
            problem.Status ??= http.Response.StatusCode;
            options.Value.CustomizeProblemDetails?.Invoke(context);
            await http.Response.WriteAsJsonAsync(problem, problem.GetType(), JsonSerializerOptions.Web, ContentType, http.RequestAborted);
        }
    }
}
