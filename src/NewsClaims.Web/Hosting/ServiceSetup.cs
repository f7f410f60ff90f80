using Microsoft.AspNetCore.Identity;
using NewsClaims.Data;
using NewsClaims.Data.Identity;
using NewsClaims.Data.Import;
using NewsClaims.Web.Features;
using NewsClaims.Web.Features.Api;

namespace NewsClaims.Web.Hosting;

public static class ServiceSetup
{
    public static WebApplicationBuilder AddNewsClaimsServices(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(LocalPostgresHosting.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{LocalPostgresHosting.ConnectionStringName} is not configured.");
        }

        connectionString = builder.ApplyDatabaseTimeouts(StatementReuse.WithDefaults(connectionString));
        builder.Services.AddNewsClaimsData(connectionString);
        builder.Services.AddNewsClaimsImport();
        builder.Services.AddIdentityCore<EditorAccount>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // Length, not composition (NIST SP 800-63B): a long passphrase beats a short mix of symbols.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<NewsClaimsDbContext>();
        builder.Services.AddControllersWithViews()
            .AddRazorOptions(options =>
            {
                // Feature folders: a feature's controller, view models and views live together.
                options.ViewLocationFormats.Clear();
                options.ViewLocationFormats.Add("/Features/{1}/{0}.cshtml");
                options.ViewLocationFormats.Add("/Features/Shared/{0}.cshtml");
            });
        builder.Services.AddNewsClaimsProblemDetails();
        builder.Services.AddNewsClaimsHealthChecks(connectionString);
        builder.Services.AddFeatureServices();
        builder.Services.AddNewsClaimsApi();
        builder.Services.AddNewsClaimsRateLimits();
        builder.Services.AddNewsClaimsRequestLimits(builder.Configuration);
        builder.AddEditorSignIn();
        return builder;
    }
}
