using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace NewsClaims.Web.Features.Search;

/// <summary>Configuration <c>Search:RateLimit</c>: searches per client per window for anonymous users.</summary>
public sealed class SearchRateLimitOptions
{
    public int PermitLimit { get; set; } = 120;

    public int WindowSeconds { get; set; } = 60;
}

/// <summary>Anonymous search is limited per client address; signed-in editors are not. Over the limit: 429 with Retry-After.</summary>
public static class SearchRateLimiting
{
    public const string Policy = "search";

    public static IServiceCollection AddSearchRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<SearchRateLimitOptions>().BindConfiguration("Search:RateLimit");
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(Policy, context =>
            {
                if (context.User.Identity?.IsAuthenticated == true)
                {
                    return RateLimitPartition.GetNoLimiter("signed-in");
                }

                var settings = context.RequestServices.GetRequiredService<IOptions<SearchRateLimitOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = Math.Max(1, settings.PermitLimit),
                        Window = TimeSpan.FromSeconds(Math.Max(1, settings.WindowSeconds)),
                        QueueLimit = 0,
                    });
            });
            options.OnRejected = async (rejected, ct) =>
            {
                var response = rejected.HttpContext.Response;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? (int)Math.Ceiling(wait.TotalSeconds)
                    : rejected.HttpContext.RequestServices.GetRequiredService<IOptions<SearchRateLimitOptions>>().Value.WindowSeconds;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = Math.Max(1, retryAfter).ToString(CultureInfo.InvariantCulture);
                const string detail = "Too many searches from this address; wait a moment and try again.";
                if (rejected.HttpContext.Request.Path.StartsWithSegments("/api"))
                {
                    await response.WriteAsJsonAsync(
                        new { type = "https://tools.ietf.org/html/rfc6585#section-4", title = "Too Many Requests", status = 429, detail },
                        options: null, contentType: "application/problem+json", cancellationToken: ct);
                }
                else
                {
                    response.ContentType = "text/plain; charset=utf-8";
                    await response.WriteAsync(detail, ct);
                }
            };
        });
        return services;
    }
}
