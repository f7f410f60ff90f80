using NewsClaims.Web.Features.Api;
using NewsClaims.Web.Features.Shared;

namespace NewsClaims.Web.Hosting;

public static class PipelineSetup
{
    public static WebApplication UseNewsClaimsPipeline(this WebApplication app)
    {
        app.UseNewsClaimsForwardedHeaders();
        app.UseNewsClaimsRequestLogging();
        app.UseNewsClaimsErrorHandling();
        app.UseNewsClaimsHttps();
        app.UseSecurityHeaders();
        app.UseNewsClaimsStatusCodePages();
        app.UseRouting();
        app.UseRequestTimeouts();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseNewsClaimsApi();
        app.MapStaticAssets();
        app.MapNewsClaimsHealth();
        app.UseReaderSite();
        app.MapEditorSignIn();
        app.MapControllers().WithNewsClaimsRequestTimeouts();
        return app;
    }
}
