using NewsClaims.Data.LocalPostgres;

namespace NewsClaims.Web.Hosting;

public static class LocalPostgresHosting
{
    public const string ConnectionStringName = "NewsClaims";

    /// <summary>
    /// With no connection string configured, starts (or reuses) the private PostgreSQL server whose data lives
    /// in <see cref="LocalPostgresServer.DefaultPersistentDirectory"/>, and stops it when the site stops.
    /// A configured connection string always wins.
    /// </summary>
    public static WebApplicationBuilder UseLocalPostgresWhenUnconfigured(this WebApplicationBuilder builder)
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(ConnectionStringName)))
        {
            return builder;
        }

        var directory = LocalPostgresServer.DefaultPersistentDirectory();
        // The logger does not exist yet; this runs once, before the host is built.
        Console.WriteLine($"No connection string configured: starting a private PostgreSQL server with its data in {directory}");
        var server = LocalPostgresServer.StartPersistentAsync(directory, "newsclaims").GetAwaiter().GetResult();
        Console.WriteLine($"Private PostgreSQL server listening on 127.0.0.1:{server.Port}");

        builder.Configuration[$"ConnectionStrings:{ConnectionStringName}"] = server.ConnectionString;
        builder.Services.AddSingleton(server);
        // Registered before every other hosted service, so it is stopped after all of them.
        builder.Services.AddHostedService<LocalPostgresLifetime>();
        return builder;
    }

    private sealed class LocalPostgresLifetime(LocalPostgresServer server, ILogger<LocalPostgresLifetime> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            logger.LogInformation("Stopping the private PostgreSQL server in {DataDirectory}", server.DataDirectory);
            await server.StopAsync(CancellationToken.None);
        }
    }
}
