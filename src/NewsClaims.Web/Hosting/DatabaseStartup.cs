using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Data;
using NewsClaims.Data.Demo;
using NewsClaims.Data.Identity;

namespace NewsClaims.Web.Hosting;

/// <summary>What start-up does to the database: each step only when asked for, each safe to repeat.</summary>
public static class DatabaseStartup
{
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var config = app.Configuration;
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup));
        var ct = app.Lifetime.ApplicationStopping;

        if (app.Environment.IsDevelopment() || IsTrue(config["NEWSCLAIMS_MIGRATE"]))
        {
            logger.LogInformation("Applying database migrations");
            await services.GetRequiredService<NewsClaimsDbContext>().Database.MigrateAsync(ct);
        }

        if (IsTrue(config["NEWSCLAIMS_DEMO_DATA"]))
        {
            await services.GetRequiredService<DemoData>().LoadAsync(ct);
        }

        await EnsureFirstAdministratorAsync(services, config, logger);
    }

    /// <summary>The account named by NEWSCLAIMS_ADMIN_EMAIL/PASSWORD exists and is an Admin; no default password exists.</summary>
    private static async Task EnsureFirstAdministratorAsync(IServiceProvider services, IConfiguration config, ILogger logger)
    {
        var email = config["NEWSCLAIMS_ADMIN_EMAIL"];
        var password = config["NEWSCLAIMS_ADMIN_PASSWORD"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            return;
        }

        var users = services.GetRequiredService<UserManager<EditorAccount>>();
        var account = await users.FindByEmailAsync(email);
        if (account is null)
        {
            account = new EditorAccount { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0] };
            var created = await users.CreateAsync(account, password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(
                    "NEWSCLAIMS_ADMIN_EMAIL/PASSWORD could not create the first administrator: " +
                    string.Join(" ", created.Errors.Select(e => e.Description)));
            }

            logger.LogInformation("Created the first administrator {AdminEmail}", email);
        }

        if (!await users.IsInRoleAsync(account, NewsClaimsRoles.Admin))
        {
            await users.AddToRoleAsync(account, NewsClaimsRoles.Admin);
        }
    }

    private static bool IsTrue(string? value) => bool.TryParse(value, out var b) && b;
}
