using System.Net;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using NewsClaims.Data.Import;

namespace NewsClaims.Web.Hosting;

/// <summary>
/// What the site accepts and how long it waits, from the <c>Hosting</c> configuration section:
/// <list type="bullet">
/// <item><c>MaxRequestBodyBytes</c> (4 MB): the site-wide body limit, never below what one article import needs
/// (<see cref="ImportOptions.MaxInputBytes"/>, from <c>Import:MaxBodyBytes</c>); the import endpoints keep their own larger limits.</item>
/// <item><c>MaxRequestHeadersTotalBytes</c> (32 KB), <c>MaxRequestLineBytes</c> (8 KB).</item>
/// <item><c>RequestTimeoutSeconds</c> (30), <c>ExportTimeoutSeconds</c> (600, <c>/api/v1/exports</c> and other exports),
/// <c>ImportTimeoutSeconds</c> (300, the import pages, <c>POST /api/v1/articles</c> and article corrections, which
/// re-extract a whole article): 504 when exceeded.</item>
/// <item><c>ShutdownTimeoutSeconds</c> (25): how long stopping waits for requests in flight.</item>
/// <item><c>HttpsRedirection</c> (true outside Development; effective only with an https endpoint) and
/// <c>ForwardedHeaders:KnownProxies</c> / <c>ForwardedHeaders:KnownNetworks</c> (besides loopback).</item>
/// </list>
/// </summary>
public static class RequestLimits
{
    public const string Section = "Hosting";
    public const string ExportPolicy = "exports";
    public const string ImportPolicy = "import";
    public const long DefaultMaxRequestBodyBytes = 4 * 1024 * 1024;

    public static IServiceCollection AddNewsClaimsRequestLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KestrelServerOptions>().Configure<IConfiguration, IOptions<ImportOptions>>((kestrel, config, import) =>
        {
            var limits = kestrel.Limits;
            limits.MaxRequestBodySize = MaxRequestBodyBytes(config, import.Value);
            limits.MaxRequestHeadersTotalSize = config.GetValue($"{Section}:MaxRequestHeadersTotalBytes", 32 * 1024);
            limits.MaxRequestLineSize = config.GetValue($"{Section}:MaxRequestLineBytes", 8 * 1024);
            limits.MaxRequestHeaderCount = config.GetValue($"{Section}:MaxRequestHeaderCount", 100);
        });
        services.AddOptions<HostOptions>().Configure<IConfiguration>((host, config) =>
            host.ShutdownTimeout = TimeSpan.FromSeconds(Math.Max(1, config.GetValue($"{Section}:ShutdownTimeoutSeconds", 25))));
        services.AddRequestTimeouts(options =>
        {
            options.DefaultPolicy = Policy(configuration, "RequestTimeoutSeconds", 30);
            options.AddPolicy(ExportPolicy, Policy(configuration, "ExportTimeoutSeconds", 600));
            options.AddPolicy(ImportPolicy, Policy(configuration, "ImportTimeoutSeconds", 300));
        });
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((forwarded, config) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Loopback stays trusted (a proxy on the same machine); others only when configured.
            foreach (var proxy in config.GetSection($"{Section}:ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in config.GetSection($"{Section}:ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    /// <summary>The site-wide request body limit: the configured one, but never less than one article import.</summary>
    public static long MaxRequestBodyBytes(IConfiguration config, ImportOptions import) =>
        Math.Max(config.GetValue($"{Section}:MaxRequestBodyBytes", DefaultMaxRequestBodyBytes), import.MaxInputBytes);

    /// <summary>First in the pipeline: the real client address and scheme behind a trusted proxy.</summary>
    public static WebApplication UseNewsClaimsForwardedHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }

    /// <summary>HSTS and HTTPS redirection outside Development. Redirection needs an https endpoint (without one it does nothing) and <c>Hosting:HttpsRedirection</c>.</summary>
    public static WebApplication UseNewsClaimsHttps(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            return app;
        }

        app.UseHsts();
        if (app.Configuration.GetValue($"{Section}:HttpsRedirection", true) && HasHttpsEndpoint(app.Configuration))
        {
            app.UseHttpsRedirection();
        }

        return app;
    }

    /// <summary>Gives exports and imports their longer request timeouts (an endpoint's own attribute wins).</summary>
    public static TBuilder WithNewsClaimsRequestTimeouts<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            if (endpoint is not RouteEndpointBuilder route
                || endpoint.Metadata.Any(m => m is RequestTimeoutAttribute or DisableRequestTimeoutAttribute or RequestTimeoutPolicy))
            {
                return;
            }

            var pattern = route.RoutePattern.RawText?.TrimStart('/') ?? string.Empty;
            if (pattern.StartsWith("api/v1/exports", StringComparison.OrdinalIgnoreCase) || pattern.Contains("export", StringComparison.OrdinalIgnoreCase))
            {
                endpoint.Metadata.Add(new RequestTimeoutAttribute(ExportPolicy));
            }
            else if (pattern.StartsWith("import", StringComparison.OrdinalIgnoreCase)
                     || pattern.Equals("api/v1/articles", StringComparison.OrdinalIgnoreCase)
                     || pattern.EndsWith("/correct", StringComparison.OrdinalIgnoreCase))
            {
                endpoint.Metadata.Add(new RequestTimeoutAttribute(ImportPolicy));
            }
        });
        return builder;
    }

    private static RequestTimeoutPolicy Policy(IConfiguration configuration, string key, int defaultSeconds) => new()
    {
        Timeout = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue($"{Section}:{key}", defaultSeconds))),
        TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
    };

    private static bool HasHttpsEndpoint(IConfiguration configuration)
    {
        var urls = configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? string.Empty;
        return urls.Contains("https://", StringComparison.OrdinalIgnoreCase)
               || !string.IsNullOrEmpty(configuration["https_port"] ?? configuration["ASPNETCORE_HTTPS_PORT"] ?? configuration["ASPNETCORE_HTTPS_PORTS"] ?? configuration["HTTPS_PORTS"])
               || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any(e => (e["Url"] ?? string.Empty).StartsWith("https", StringComparison.OrdinalIgnoreCase));
    }
}
