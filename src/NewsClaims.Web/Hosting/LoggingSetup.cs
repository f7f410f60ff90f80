using Serilog;

namespace NewsClaims.Web.Hosting;

public static class LoggingSetup
{
    /// <summary>Serilog, configured once from the "Serilog" section of appsettings.</summary>
    public static WebApplicationBuilder AddNewsClaimsLogging(this WebApplicationBuilder builder)
    {
        // No bootstrap logger: it freezes a static logger, which breaks a second host in one process (tests).
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext());
        return builder;
    }
}
