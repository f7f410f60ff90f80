using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsClaims.Data;
using NewsClaims.Data.Editing;
using NewsClaims.Data.Import;

namespace NewsClaims.IntegrationTests.Editing;

/// <summary>The correction service wired as the site will wire it, on a test database.</summary>
internal static class EditingTestKit
{
    public static ServiceProvider Services(string connectionString, Action<ImportOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddNewsClaimsData(connectionString);
        services.AddNewsClaimsImport();
        services.AddNewsClaimsEditing();
        if (configure is not null)
        {
            services.PostConfigure(configure);
        }

        return services.BuildServiceProvider();
    }

    public static async Task<CorrectionOutcome> CorrectAsync(this ServiceProvider services, ArticleCorrection correction)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ArticleCorrector>().CorrectAsync(correction, CancellationToken.None);
    }

    /// <summary>The body with <paramref name="words"/> cut out (and asserted gone), for deleted passages.</summary>
    public static string Without(string body, string words)
    {
        var cut = body.Replace(words, "", StringComparison.Ordinal);
        Assert.NotEqual(body, cut);
        return cut;
    }
}
