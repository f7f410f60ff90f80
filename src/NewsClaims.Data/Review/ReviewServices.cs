using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NewsClaims.Data.Review;

public static class ReviewServices
{
    /// <summary>The review queue and editors' decisions on statements; needs <c>AddNewsClaimsData</c>.</summary>
    public static IServiceCollection AddNewsClaimsReview(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<ReviewQueue>();
        services.AddScoped<StatementReview>();
        return services;
    }
}
