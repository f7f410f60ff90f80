using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace NewsClaims.Web.Features.Api;

/// <summary>
/// ETags and conditional GET for the JSON API: a 200 answer is buffered, tagged with a hash of its bytes, and a
/// client that already holds that representation (<c>If-None-Match</c>) gets 304 with no body. The tag depends on
/// nothing but the bytes, so it changes exactly when the answer does. Exports are streamed and never buffered.
/// </summary>
public static class ConditionalGet
{
    /// <summary>Answers larger than this are sent untagged rather than held in memory.</summary>
    private const int MaxBufferedBytes = 16 * 1024 * 1024;

    public static IApplicationBuilder UseApiConditionalGet(this IApplicationBuilder app) =>
        app.UseWhen(Applies, branch => branch.Use(TagAsync));

    private static bool Applies(HttpContext context) =>
        (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && context.Request.Path.StartsWithSegments("/api/v1", StringComparison.OrdinalIgnoreCase)
        && !context.Request.Path.StartsWithSegments("/api/v1/exports", StringComparison.OrdinalIgnoreCase);

    private static async Task TagAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var response = context.Response;
        if (response.StatusCode == StatusCodes.Status200OK && buffer.Length <= MaxBufferedBytes)
        {
            var etag = new EntityTagHeaderValue("\"" + Base64Url(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length))[..18]) + "\"");
            response.Headers.ETag = etag.ToString();
            if (string.IsNullOrEmpty(response.Headers.CacheControl))
            {
                // Any cache may keep it, and must ask again before using it: the answer is cheap to confirm.
                response.Headers.CacheControl = "no-cache";
            }

            if (Matches(context.Request.Headers.IfNoneMatch, etag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                response.Headers.ContentType = default;
                return;
            }
        }

        if (buffer.Length > 0)
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
        }
    }

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, EntityTagHeaderValue etag) =>
        EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)
        && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false));

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
