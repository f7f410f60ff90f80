using Microsoft.EntityFrameworkCore;
using NewsClaims.Data;
using NewsClaims.Data.LocalPostgres;
using Npgsql;

namespace NewsClaims.IntegrationTests.Infrastructure;

/// <summary>
/// One PostgreSQL server per test run, with one migrated template database that each test class clones.
/// The server is the one in <c>NEWSCLAIMS_TEST_CONNECTION</c> when set (a user's own; needs CREATEDB), else a
/// throwaway <see cref="LocalPostgresServer"/>, stopped and removed once the tests have run.
/// </summary>
public sealed class PostgresTestServer
{
    public const string ConnectionVariable = "NEWSCLAIMS_TEST_CONNECTION";

    private static readonly Lazy<Task<PostgresTestServer>> Instance = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    // CREATE DATABASE ... TEMPLATE refuses while another session uses the template; clones are ~0.1 s, so queue them.
    private readonly SemaphoreSlim _cloning = new(1, 1);
    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];
    private LocalPostgresServer? _local;
    private int _databaseCount;
    private int _stopped;

    private PostgresTestServer(string maintenanceConnectionString)
    {
        MaintenanceConnectionString = new NpgsqlConnectionStringBuilder(maintenanceConnectionString) { Pooling = false }.ConnectionString;
        TemplateDatabase = $"newsclaims_template_{_runId}";
    }

    /// <summary>The server's maintenance database, unpooled, for CREATE/DROP DATABASE.</summary>
    public string MaintenanceConnectionString { get; }

    /// <summary>A migrated, empty database; never connect to it (clones would fail).</summary>
    public string TemplateDatabase { get; }

    public static Task<PostgresTestServer> GetAsync() => Instance.Value;

    /// <summary>A new database cloned from the migrated template: its name and a (pooled) connection string.</summary>
    public async Task<(string Name, string ConnectionString)> CloneTemplateAsync(string purpose)
    {
        var name = NewDatabaseName(purpose);
        await _cloning.WaitAsync();
        try
        {
            await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{TemplateDatabase}\"");
        }
        finally
        {
            _cloning.Release();
        }

        return (name, ConnectionStringFor(name, pooling: true));
    }

    /// <summary>A brand-new database with no tables at all, e.g. to prove migrations apply from nothing.</summary>
    public async Task<(string Name, string ConnectionString)> CreateEmptyDatabaseAsync(string purpose)
    {
        var name = NewDatabaseName(purpose);
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return (name, ConnectionStringFor(name, pooling: false));
    }

    /// <summary>Drops a test database even if something still holds a connection to it.</summary>
    public async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    public string ConnectionStringFor(string database, bool pooling) =>
        new NpgsqlConnectionStringBuilder(MaintenanceConnectionString) { Database = database, Pooling = pooling }.ConnectionString;

    /// <summary>
    /// Stops the run's server (or drops its template on a user's server). Called once all tests have finished
    /// (<see cref="PostgresTestFramework"/>), with process exit as the fallback; a no-op when never started.
    /// </summary>
    public static async Task ShutdownAsync()
    {
        if (Instance.IsValueCreated && Instance.Value.IsCompletedSuccessfully)
        {
            await Instance.Value.Result.StopAsync();
        }
    }

    private static async Task<PostgresTestServer> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(ConnectionVariable);
        var local = string.IsNullOrWhiteSpace(configured) ? await LocalPostgresServer.StartThrowawayAsync() : null;
        var server = new PostgresTestServer(local?.ConnectionString ?? configured!) { _local = local };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.StopAsync().GetAwaiter().GetResult();
        try
        {
            await server.CreateTemplateAsync();
        }
        catch
        {
            await server.StopAsync();
            throw;
        }

        return server;
    }

    private async Task CreateTemplateAsync()
    {
        await ExecuteAsync($"CREATE DATABASE \"{TemplateDatabase}\"");

        // Unpooled, so no idle connection keeps the template busy once migrations are done.
        await using var context = new NewsClaimsDbContext(NewsClaimsDbContextOptions.Create(ConnectionStringFor(TemplateDatabase, pooling: false)));
        await context.Database.MigrateAsync();
    }

    private async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        try
        {
            if (_local is null)
            {
                // A user's own server: leave nothing of this run behind.
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync($"DROP DATABASE IF EXISTS \"{TemplateDatabase}\" WITH (FORCE)");
            }
            else
            {
                await _local.DisposeAsync();
            }
        }
        catch (Exception e) when (e is NpgsqlException or IOException or InvalidOperationException)
        {
            Console.Error.WriteLine($"Could not clean up the test PostgreSQL: {e.Message}");
        }
    }

    private string NewDatabaseName(string purpose)
    {
        var cleaned = new string([.. purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(30)]);
        return $"newsclaims_test_{_runId}_{Interlocked.Increment(ref _databaseCount)}_{cleaned}";
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(MaintenanceConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
