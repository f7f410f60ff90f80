using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using NewsClaims.Web.Features.Search;

namespace NewsClaims.Web.Hosting;

/// <summary>One fixed-window limit: so many requests per window.</summary>
public sealed class WindowLimit
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; } = 60;

    internal FixedWindowRateLimiterOptions ToOptions() => new()
    {
        PermitLimit = Math.Max(1, PermitLimit),
        Window = TimeSpan.FromSeconds(Math.Max(1, WindowSeconds)),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}

/// <summary>Configuration section <c>RateLimits</c>.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in attempts (<c>POST /api/v1/auth/login</c> and the <c>/account/login</c> form) per client address.</summary>
    public WindowLimit Login { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    /// <summary>Every other non-GET request under <c>/api/v1</c>, per signed-in account (else per client address).</summary>
    public WindowLimit ApiWrites { get; set; } = new() { PermitLimit = 60, WindowSeconds = 60 };
}

/// <summary>
/// Limits on sign-in and on API writes, beside search's own policy (<see cref="SearchRateLimiting"/>), with ASP.NET
/// Core's rate limiter. Client addresses are the real ones behind a configured proxy (forwarded headers run first).
/// Over a limit: 429 with Retry-After in seconds, a problem under /api, the error page (or search's message) elsewhere.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddNewsClaimsRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
            // Replaces search's own handler (registered earlier); its messages are kept below.
            options.OnRejected = RejectAsync;
        });
        return services;
    }

    private enum Kind
    {
        None,
        Login,
        ApiWrite,
    }

    private static Kind KindOf(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            return Kind.None;
        }

        var path = request.Path.Value?.TrimEnd('/') ?? string.Empty;
        if (path.Equals("/api/v1/auth/login", StringComparison.OrdinalIgnoreCase) || path.Equals("/account/login", StringComparison.OrdinalIgnoreCase))
        {
            return HttpMethods.IsPost(request.Method) ? Kind.Login : Kind.None;
        }

        return request.Path.StartsWithSegments("/api/v1", StringComparison.OrdinalIgnoreCase) ? Kind.ApiWrite : Kind.None;
    }

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        var kind = KindOf(context.Request);
        if (kind == Kind.None)
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var limits = context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue;
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (kind == Kind.Login)
        {
            return RateLimitPartition.GetFixedWindowLimiter("login:" + address, _ => limits.Login.ToOptions());
        }

        // Authorization ran first, so a bearer token's account is known here.
        var account = context.User.Identity?.IsAuthenticated == true ? context.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        return RateLimitPartition.GetFixedWindowLimiter(account is null ? "write-ip:" + address : "write-user:" + account, _ => limits.ApiWrites.ToOptions());
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var kind = KindOf(context.Request);
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? (int)Math.Ceiling(wait.TotalSeconds)
            : kind switch
            {
                Kind.Login => context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue.Login.WindowSeconds,
                Kind.ApiWrite => context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue.ApiWrites.WindowSeconds,
                _ => context.RequestServices.GetRequiredService<IOptions<SearchRateLimitOptions>>().Value.WindowSeconds,
            };
        retryAfter = Math.Max(1, retryAfter);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        var detail = kind switch
        {
            Kind.Login => $"Too many sign-in attempts from this address; wait {retryAfter} s and try again.",
            Kind.ApiWrite => $"Too many changes in a short time; wait {retryAfter} s and try again.",
            _ => "Too many searches from this address; wait a moment and try again.",
        };
        if (ProblemResponses.IsApi(context))
        {
            await ProblemResponses.WriteAsync(context, StatusCodes.Status429TooManyRequests, detail, "Too Many Requests");
        }
        else if (kind == Kind.None)
        {
            // Search pages: a short plain message, as search has always answered.
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(detail, ct);
        }

        // The sign-in form: left empty, so the status code page shows the error page with the wait.
    }
}
