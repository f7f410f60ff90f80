using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NewsClaims.Data.Review;

public static class ReviewServices
{
    /// <summary>The review queue, editors' decisions on statements, edits and merges of people, claims, and annotations; needs <c>AddNewsClaimsData</c>.</summary>
    public static IServiceCollection AddNewsClaimsReview(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<ReviewQueue>();
        services.AddScoped<StatementReview>();
        services.AddScoped<ReviewExport>();
        services.AddScoped<People.PersonEditing>();
        services.AddScoped<Claims.ClaimEditing>();
        services.AddScoped<Annotations.AnnotationEditing>();
        return services;
    }
}
