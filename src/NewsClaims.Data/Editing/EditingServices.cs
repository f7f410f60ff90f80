using Microsoft.Extensions.DependencyInjection;
using NewsClaims.Data.Import;

namespace NewsClaims.Data.Editing;

public static class EditingServices
{
    /// <summary>
    /// Editors' corrections of article text; needs <c>AddNewsClaimsData</c>. The body limit is the import's
    /// (<see cref="ImportOptions.MaxBodyBytes"/>, bound by <c>AddNewsClaimsImport</c>; its default otherwise).
    /// </summary>
    public static IServiceCollection AddNewsClaimsEditing(this IServiceCollection services)
    {
        services.AddOptions<ImportOptions>();
        services.AddScoped<ArticleCorrector>();
        return services;
    }
}
