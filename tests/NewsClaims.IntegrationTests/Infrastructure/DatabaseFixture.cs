using NewsClaims.Data;
using Npgsql;

namespace NewsClaims.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh database for one test class, cloned from the run's migrated template and dropped afterwards.
/// Use as <c>IClassFixture&lt;DatabaseFixture&gt;</c>, or derive from it (e.g. a web application fixture) and call
/// the base <see cref="InitializeAsync"/> and <see cref="DisposeAsync"/>.
/// </summary>
public class DatabaseFixture : IAsyncLifetime
{
    private PostgresTestServer? _server;

    /// <summary>The test database's name, for raw SQL and messages.</summary>
    public string DatabaseName { get; private set; } = "";

    public string ConnectionString { get; private set; } = "";

    public PostgresTestServer Server => _server ?? throw new InvalidOperationException("The fixture is not initialised yet.");

    public virtual async Task InitializeAsync()
    {
        _server = await PostgresTestServer.GetAsync();
        (DatabaseName, ConnectionString) = await _server.CloneTemplateAsync(GetType().Name);
    }

    public virtual async Task DisposeAsync()
    {
        if (_server is not null && DatabaseName.Length > 0)
        {
            await _server.DropDatabaseAsync(DatabaseName);
        }
    }

    /// <summary>A new context on this class's database; timestamps come from <paramref name="timeProvider"/> (system clock by default).</summary>
    public NewsClaimsDbContext CreateContext(TimeProvider? timeProvider = null) =>
        new(NewsClaimsDbContextOptions.Create(ConnectionString, timeProvider));

    /// <summary>An open connection on this class's database, for SQL that must bypass the entities' own checks.</summary>
    public async Task<NpgsqlConnection> OpenConnectionAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
