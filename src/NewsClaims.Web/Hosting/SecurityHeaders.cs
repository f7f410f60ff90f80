namespace NewsClaims.Web.Hosting;

/// <summary>
/// Headers on every response that keep the site's pages to their own scripts and styles: a Content-Security-Policy
/// the pages satisfy (no inline script or style; JSON-LD blocks are data, not script), no framing, no sniffing.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The interactive API docs (<c>/docs</c>) are a third-party page with an inline start-up script and inline styles:
    /// its script runs under a per-request nonce and its styles are allowed inline; no other page gets either.
    /// </summary>
    public static string NonceFor(HttpContext context)
    {
        if (context.Items[NonceKey] is not string nonce)
        {
            nonce = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18));
            context.Items[NonceKey] = nonce;
        }

        return nonce;
    }

    private const string NonceKey = "csp-nonce";

    private static string PolicyFor(HttpContext context) =>
        context.Items[NonceKey] is string nonce
            ? ContentSecurityPolicy
                .Replace("script-src 'self'", $"script-src 'self' 'nonce-{nonce}'", StringComparison.Ordinal)
                // Its components set style attributes, which no nonce can allow; styles cannot run code.
                .Replace("style-src 'self'", "style-src 'self' 'unsafe-inline'", StringComparison.Ordinal)
            : ContentSecurityPolicy;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = PolicyFor(context);
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
                return Task.CompletedTask;
            });
            return next(context);
        });
}
