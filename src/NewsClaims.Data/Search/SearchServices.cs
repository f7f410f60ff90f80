using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NewsClaims.Data.Search;

public static class SearchServices
{
    /// <summary>Quote search, quote check and similar statements; needs <c>AddNewsClaimsData</c>.</summary>
    public static IServiceCollection AddNewsClaimsSearch(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SearchLanguages>();
        services.AddSingleton<WordEstimates>();
        services.AddOptions<SearchSlotOptions>();
        services.AddSingleton<SearchSlots>();
        services.AddScoped<QuoteSearch>();
        services.AddScoped<QuoteCheck>();
        return services;
    }
}
