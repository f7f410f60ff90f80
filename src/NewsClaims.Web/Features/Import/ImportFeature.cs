namespace NewsClaims.Web.Features.Import;

public static class ImportFeature
{
    /// <summary>The import pages' and API's own services (the pipeline itself is registered with the data layer).</summary>
    public static IServiceCollection AddImportFeature(this IServiceCollection services)
    {
        services.AddScoped<ImportedArticles>();
        return services;
    }
}
