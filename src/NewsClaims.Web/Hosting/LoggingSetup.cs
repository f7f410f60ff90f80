using System.Diagnostics;
using System.Security.Claims;
using Serilog;
using Serilog.Context;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace NewsClaims.Web.Hosting;

/// <summary>
/// Serilog from the "Serilog" section of appsettings, to stdout: the human console format, or one compact JSON object
/// per line when <c>Serilog:Json</c> is true (env <c>Serilog__Json=true</c>). Every line written during a request
/// carries its <c>RequestId</c> (the id error pages and problem details show) and <c>TraceId</c>; one line per request
/// gives method, path (never the query string), status, elapsed time and the signed-in account's id. Bodies are never
/// logged. Health probes are logged at Debug only.
/// </summary>
public static class LoggingSetup
{
    public const string TextTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    public static WebApplicationBuilder AddNewsClaimsLogging(this WebApplicationBuilder builder)
    {
        // No bootstrap logger and no static logger: each host (tests run several in one process) logs through its own.
        builder.Services.AddSerilog(Configure, preserveStaticLogger: true);
        return builder;
    }

    private static void Configure(IServiceProvider services, LoggerConfiguration logger)
    {
        var config = services.GetRequiredService<IConfiguration>();
        logger
            .ReadFrom.Configuration(config)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext();
        if (!config.GetValue("Serilog:Console", true))
        {
            return;
        }

        if (config.GetValue("Serilog:Json", false))
        {
            logger.WriteTo.Console(new CompactJsonFormatter());
        }
        else
        {
            logger.WriteTo.Console(outputTemplate: TextTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>First in the pipeline: every log line of the request names it; then the one summary line per request.</summary>
    public static WebApplication UseNewsClaimsRequestLogging(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            using (LogContext.PushProperty("RequestId", context.TraceIdentifier))
            using (LogContext.PushProperty("TraceId", Activity.Current?.TraceId.ToString() ?? string.Empty))
            {
                await next(context);
            }
        });
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.IncludeQueryInRequestPath = false;
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            options.GetLevel = (context, _, exception) =>
                exception is not null ? LogEventLevel.Error
                : HealthEndpoints.IsHealthPath(context.Request.Path) ? LogEventLevel.Debug
                : context.Response.StatusCode >= 500 ? LogEventLevel.Warning
                : LogEventLevel.Information;
            options.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                diagnostics.Set("UserId", context.User.Identity?.IsAuthenticated == true ? context.User.FindFirstValue(ClaimTypes.NameIdentifier) : null);
                diagnostics.Set("ClientAddress", context.Connection.RemoteIpAddress?.ToString());
            };
        });
        return app;
    }
}
