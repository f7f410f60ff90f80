using NewsClaims.Data.Editing;
using NewsClaims.Data.Review;
using NewsClaims.Web.Features.Articles;
using NewsClaims.Web.Features.Exports;
using NewsClaims.Web.Features.Home;
using NewsClaims.Web.Features.Import;
using NewsClaims.Web.Features.Search;
using NewsClaims.Web.Features.Shared;
using NewsClaims.Web.Features.Speakers;
using NewsClaims.Web.Features.Statements;

namespace NewsClaims.Web.Features;

public static class FeatureServices
{
    public static IServiceCollection AddFeatureServices(this IServiceCollection services)
    {
        services.AddScoped<HomeQueries>();
        services.AddScoped<SpeakerQueries>();
        services.AddScoped<ArticleQueries>();
        services.AddScoped<StatementQueries>();
        services.AddSearchFeature();
        services.AddReaderSite();
        services.AddImportFeature();
        services.AddNewsClaimsReview();
        services.AddNewsClaimsEditing();
        services.AddExportsAndFeeds();
        return services;
    }
}
