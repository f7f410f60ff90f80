using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Data;
using NewsClaims.Data.LocalPostgres;
using Npgsql;

namespace NewsClaims.IntegrationTests.Hosting;

/// <summary>
/// A throwaway PostgreSQL of this test's own (the run's shared server must not go down) that can be stopped and
/// started again on the same port: <see cref="LocalPostgresServer"/> creates it, pg_ctl restarts it.
/// </summary>
public sealed class RestartablePostgres : IAsyncDisposable
{
    private readonly LocalPostgresServer _server;
    private bool _restarted;

    private RestartablePostgres(LocalPostgresServer server) => _server = server;

    public string ConnectionString => new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = "outage" }.ConnectionString;

    /// <summary>A running server with a migrated database named "outage".</summary>
    public static async Task<RestartablePostgres> StartAsync()
    {
        var postgres = new RestartablePostgres(await LocalPostgresServer.StartThrowawayAsync());
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres._server.ConnectionString) { Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("create database outage", connection);
            await create.ExecuteNonQueryAsync();
        }

        await using var context = new NewsClaimsDbContext(NewsClaimsDbContextOptions.Create(
            new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Pooling = false }.ConnectionString));
        await context.Database.MigrateAsync();
        return postgres;
    }

    public async Task StopAsync()
    {
        if (_restarted)
        {
            await PgCtlAsync("-D", _server.DataDirectory, "-m", "fast", "-w", "-s", "stop");
        }
        else
        {
            await _server.StopAsync();
        }
    }

    /// <summary>Starts the stopped server again, same folder and port.</summary>
    public async Task StartAgainAsync()
    {
        var root = Path.GetDirectoryName(_server.DataDirectory)!;
        await PgCtlAsync("-D", _server.DataDirectory, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "-s",
            "-o", $"-c listen_addresses=127.0.0.1 -p {_server.Port} -k {root} -c fsync=off", "start");
        _restarted = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_restarted && File.Exists(Path.Combine(_server.DataDirectory, "postmaster.pid")))
        {
            await PgCtlAsync("-D", _server.DataDirectory, "-m", "immediate", "-w", "-s", "stop");
        }

        await _server.DisposeAsync();
    }

    private static async Task PgCtlAsync(params string[] arguments)
    {
        var pgCtl = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "pg_ctl")).Where(File.Exists).OrderDescending().FirstOrDefault()
                    ?? "pg_ctl";
        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo(asRoot ? "runuser" : pgCtl) { WorkingDirectory = "/", RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in asRoot ? ["-u", "postgres", "--", pgCtl, .. arguments] : arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardError.ReadToEndAsync() + await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"pg_ctl {string.Join(' ', arguments)} failed: {output}");
    }
}
