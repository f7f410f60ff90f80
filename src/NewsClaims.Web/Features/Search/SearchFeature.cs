using NewsClaims.Data.Search;

namespace NewsClaims.Web.Features.Search;

public static class SearchFeature
{
    /// <summary>Quote search, quote check, similar statements, the anonymous search rate limit and the drainer of what bulk imports queued.</summary>
    public static IServiceCollection AddSearchFeature(this IServiceCollection services)
    {
        services.AddNewsClaimsSearch();
        services.AddOptions<SearchSlotOptions>().BindConfiguration("Search");
        services.AddSearchRateLimiting();
        services.AddHostedService<SearchBacklogDrainer>();
        return services;
    }
}
