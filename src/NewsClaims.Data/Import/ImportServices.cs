using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsClaims.Data.Demo;
using NewsClaims.Extraction;

namespace NewsClaims.Data.Import;

public static class ImportServices
{
    /// <summary>The import pipeline and the demo data that goes through it; needs <c>AddNewsClaimsData</c>.</summary>
    public static IServiceCollection AddNewsClaimsImport(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StatementExtractor>();
        services.AddScoped<ArticleImporter>();
        services.AddScoped<DemoData>();
        return services;
    }
}
