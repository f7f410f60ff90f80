using NewsClaims.Data.Search;

namespace NewsClaims.Web.Features.Search;

public static class SearchFeature
{
    /// <summary>Quote search, quote check, similar statements and the anonymous search rate limit.</summary>
    public static IServiceCollection AddSearchFeature(this IServiceCollection services)
    {
        services.AddNewsClaimsSearch();
        services.AddSearchRateLimiting();
        return services;
    }
}
