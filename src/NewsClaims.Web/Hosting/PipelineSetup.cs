using NewsClaims.Web.Features.Api;
using NewsClaims.Web.Features.Shared;
using Serilog;

namespace NewsClaims.Web.Hosting;

public static class PipelineSetup
{
    public static WebApplication UseNewsClaimsPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseSerilogRequestLogging();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseNewsClaimsApi();
        app.MapStaticAssets();
        app.MapHealthChecks("/health");
        app.UseReaderSite();
        app.MapEditorSignIn();
        app.MapControllers();
        return app;
    }
}
