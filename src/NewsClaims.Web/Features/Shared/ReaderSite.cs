using NewsClaims.Data;
using NewsClaims.Web.Features.Claims;

namespace NewsClaims.Web.Features.Shared;

/// <summary>
/// The reader site's own services and middleware: claim pages, output caching, its invalidator, the interceptor that
/// calls it after this instance's saves and the listener that calls it after any other process's commits.
/// </summary>
public static class ReaderSite
{
    public static IServiceCollection AddReaderSite(this IServiceCollection services)
    {
        services.AddScoped<ClaimQueries>();
        services.AddMemoryCache();
        services.AddOutputCache(options => options.AddPolicy(ReaderCachePolicy.Name, new ReaderCachePolicy()));
        services.AddSingleton<IReaderCacheInvalidator, ReaderCacheInvalidator>();
        services.AddSingleton<ReaderCacheInterceptor>();
        services.AddHostedService<ReaderChangeListener>();
        services.ConfigureDbContext<NewsClaimsDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<ReaderCacheInterceptor>()));
        return services;
    }

    /// <summary>After routing and authentication, so a signed-in editor is known before the cache is consulted.</summary>
    public static IApplicationBuilder UseReaderSite(this IApplicationBuilder app) => app.UseOutputCache();
}
