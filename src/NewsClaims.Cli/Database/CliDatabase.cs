using NewsClaims.Data.LocalPostgres;

namespace NewsClaims.Cli.Database;

/// <summary>
/// The database the command line works on: the one named by ConnectionStrings__NewsClaims (or --connection), or
/// else the same private server the run command uses, started for the command and stopped after it.
/// </summary>
public sealed class CliDatabase : IAsyncDisposable
{
    private readonly LocalPostgresServer? _server;

    private CliDatabase(string connectionString, LocalPostgresServer? server)
    {
        ConnectionString = connectionString;
        _server = server;
    }

    public string ConnectionString { get; }

    public static async Task<CliDatabase> OpenAsync(string? connectionString, CancellationToken ct)
    {
        var configured = connectionString ?? Environment.GetEnvironmentVariable("ConnectionStrings__NewsClaims");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new CliDatabase(configured, null);
        }

        var directory = LocalPostgresServer.DefaultPersistentDirectory();
        await Console.Error.WriteLineAsync($"No connection string configured: using the private PostgreSQL server in {directory}");
        var server = await LocalPostgresServer.StartPersistentAsync(directory, "newsclaims", ct);
        return new CliDatabase(server.ConnectionString, server);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.StopAsync();
        }
    }
}
