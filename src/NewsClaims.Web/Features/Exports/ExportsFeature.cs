using NewsClaims.Data.Exports;

namespace NewsClaims.Web.Features.Exports;

public static class ExportsFeature
{
    /// <summary>The streamed exports and the Atom feeds.</summary>
    public static IServiceCollection AddExportsAndFeeds(this IServiceCollection services)
    {
        services.AddScoped<KnowledgeBaseExport>();
        services.AddScoped<Feeds.FeedQueries>();
        return services;
    }
}
