using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;

namespace NewsClaims.Web.Features.Shared;

/// <summary>
/// Evicts the cached anonymous reader pages. Call it after an editor changes anything readers see (a review,
/// a claim, an annotation, a person, an import): reader pages show each other's data (a rename shows on every
/// article quoting the person), so everything goes; the next request renders it fresh.
/// </summary>
public interface IReaderCacheInvalidator
{
    Task InvalidateAsync(CancellationToken ct = default);
}

internal sealed class ReaderCacheInvalidator(IOutputCacheStore store, IMemoryCache memory, ILogger<ReaderCacheInvalidator> logger) : IReaderCacheInvalidator
{
    public async Task InvalidateAsync(CancellationToken ct = default)
    {
        memory.Remove(SampleContentBannerViewComponent.CacheKey);
        await store.EvictByTagAsync(ReaderCachePolicy.Tag, ct);
        logger.LogDebug("Reader page cache evicted");
    }
}

/// <summary>
/// Output caching for the anonymous reader pages: GET/HEAD, no credentials, 200 only, keyed by path and every
/// query value, tagged so <see cref="IReaderCacheInvalidator"/> can evict them. Editors (any request carrying
/// credentials or a sign-in cookie) always get a fresh page.
/// </summary>
public sealed class ReaderCachePolicy : IOutputCachePolicy
{
    public const string Name = "Reader";
    public const string Tag = "reader";

    /// <summary>
    /// Long enough to absorb traffic. Changes evict at once (<see cref="ReaderCacheInterceptor"/> for this instance's
    /// saves, <see cref="ReaderChangeListener"/> for any other process's commits); the lifetime only bounds staleness
    /// while the listener cannot reach the database.
    /// </summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var anonymous = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !request.Headers.ContainsKey("Authorization")
            && context.HttpContext.User.Identity?.IsAuthenticated != true
            && !request.Cookies.Keys.Any(k => k.StartsWith(".AspNetCore.", StringComparison.Ordinal) && !k.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = anonymous;
        context.AllowCacheStorage = anonymous;
        context.AllowLocking = true;
        context.CacheVaryByRules.QueryKeys = "*";
        context.ResponseExpirationTimeSpan = Lifetime;
        context.Tags.Add(Tag);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
