using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsClaims.Data.Demo;
using NewsClaims.Extraction;

namespace NewsClaims.Data.Import;

public static class ImportServices
{
    /// <summary>
    /// The import pipeline, re-extraction, web-page fetching and the demo data that goes through the pipeline;
    /// needs <c>AddNewsClaimsData</c>. Settings come from the <c>Import</c> section when configuration is registered.
    /// </summary>
    public static IServiceCollection AddNewsClaimsImport(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StatementExtractor>();
        services.AddOptions<ImportOptions>()
            .Configure<IServiceProvider>((options, provider) => provider.GetService<IConfiguration>()?.GetSection(ImportOptions.Section).Bind(options))
            .Validate(o => o.MaxBodyBytes > 0, "Import:MaxBodyBytes must be positive.")
            .Validate(o => o.PublishFromConfidence is >= 0 and <= 1, "Import:PublishFromConfidence is between 0 and 1.")
            .Validate(o => o.BatchSize > 0, "Import:BatchSize must be positive.")
            .Validate(o => o.MaxRedirects >= 0 && o.MaxPageBytes > 0 && o.FetchTimeout > TimeSpan.Zero, "Import: fetch limits must be positive.");
        services.AddScoped<ArticleImporter>();
        services.AddScoped<ArticleReextractor>();
        services.AddHttpClient<WebPageFetcher>()
            .ConfigurePrimaryHttpMessageHandler(() => WebPageFetcher.CreateHandler())
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddScoped<DemoData>();
        return services;
    }
}
