using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace NewsClaims.Data.LocalPostgres;

/// <summary>
/// A private PostgreSQL server started from the machine's PostgreSQL binaries, for people who have not
/// configured a connection string: the run command keeps its data in a folder between runs, the tests use a
/// throwaway one. PostgreSQL refuses to run as root, so as root every server command goes through
/// <c>runuser -u postgres</c> and the data folder belongs to that user.
/// </summary>
public sealed class LocalPostgresServer : IAsyncDisposable
{
    private const string SuperUser = "newsclaims";
    private readonly string _rootDirectory;
    private readonly bool _throwaway;
    private readonly PostgresBinaries _binaries;
    private readonly string _database;
    private int _stopped;

    private LocalPostgresServer(string rootDirectory, bool throwaway, PostgresBinaries binaries, int port, string database)
    {
        _rootDirectory = rootDirectory;
        _throwaway = throwaway;
        _binaries = binaries;
        Port = port;
        _database = database;
    }

    public int Port { get; }

    /// <summary>Connection string to the server's database (<c>postgres</c> for throwaway servers).</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Database = _database,
    }.ConnectionString;

    public string DataDirectory => Path.Combine(_rootDirectory, "data");

    /// <summary>Starts a server in a new temporary folder that is removed on dispose.</summary>
    public static async Task<LocalPostgresServer> StartThrowawayAsync(CancellationToken ct = default)
    {
        var binaries = PostgresBinaries.Find();
        // Under /tmp, not the user's home: the postgres user must be able to traverse every parent folder,
        // and the socket path must stay short.
        var root = Directory.CreateTempSubdirectory("newsclaims-pg.").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(root, (UnixFileMode)0b111_101_101);
        }

        var server = new LocalPostgresServer(root, throwaway: true, binaries, FreePort(), "postgres");
        try
        {
            await server.InitialiseAsync(ct);
            await server.StartAsync(ct);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts (creating it on first use) a server whose data lives in <paramref name="rootDirectory"/>, and
    /// makes sure <paramref name="database"/> exists. A server left running by an earlier, killed run is
    /// reused rather than fought with.
    /// </summary>
    public static async Task<LocalPostgresServer> StartPersistentAsync(string rootDirectory, string database, CancellationToken ct = default)
    {
        var binaries = PostgresBinaries.Find();
        Directory.CreateDirectory(rootDirectory);
        if (binaries.RunAsPostgresUser)
        {
            await binaries.RunAsync("chown", ["postgres", rootDirectory], ct, asPostgres: false);
        }

        var probe = new LocalPostgresServer(rootDirectory, throwaway: false, binaries, 0, database);
        if (!File.Exists(Path.Combine(probe.DataDirectory, "PG_VERSION")))
        {
            await probe.InitialiseAsync(ct);
        }

        var runningPort = await probe.RunningPortAsync(ct);
        var server = new LocalPostgresServer(rootDirectory, throwaway: false, binaries, runningPort ?? FreePort(), database);
        if (runningPort is null)
        {
            await server.StartAsync(ct);
        }

        await server.EnsureDatabaseAsync(database, ct);
        return server;
    }

    /// <summary>The default folder of the run command's server, documented in the README.</summary>
    public static string DefaultPersistentDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("NEWSCLAIMS_DATA_DIR");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        // root's home is not traversable by the postgres user, so root keeps the data under /var/lib.
        if (PostgresBinaries.IsRoot)
        {
            return "/var/lib/newsclaims/postgres";
        }

        var dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        if (string.IsNullOrWhiteSpace(dataHome))
        {
            dataHome = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }

        return Path.Combine(dataHome, "newsclaims", "postgres");
    }

    public async Task StopAsync(CancellationToken ct = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            await _binaries.RunAsync(_binaries.Tool("pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "-s", "stop"], ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            if (_throwaway)
            {
                await DeleteFolderAsync(_rootDirectory);
            }
        }
    }

    // A server that has just exited may still be closing files in its folder: try again briefly.
    private static async Task DeleteFolderAsync(string folder)
    {
        for (var attempt = 1; Directory.Exists(folder); attempt++)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException) when (attempt < 5)
            {
                await Task.Delay(200 * attempt);
            }
        }
    }

    private async Task InitialiseAsync(CancellationToken ct)
    {
        if (_binaries.RunAsPostgresUser)
        {
            await _binaries.RunAsync("chown", ["postgres", _rootDirectory], ct, asPostgres: false);
        }

        await _binaries.RunAsync(
            _binaries.Tool("initdb"),
            ["-D", DataDirectory, "-U", SuperUser, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
            ct);
    }

    private async Task StartAsync(CancellationToken ct)
    {
        // Throwaway servers trade durability for speed; a kept server never does.
        var durability = _throwaway ? " -c fsync=off -c synchronous_commit=off -c full_page_writes=off" : string.Empty;
        var options = $"-c listen_addresses=127.0.0.1 -p {Port} -k {_rootDirectory} -c max_connections=200{durability}";
        var log = Path.Combine(_rootDirectory, "server.log");
        try
        {
            await _binaries.RunAsync(
                _binaries.Tool("pg_ctl"),
                ["-D", DataDirectory, "-l", log, "-w", "-t", "60", "-s", "-o", options, "start"],
                ct);
        }
        catch (InvalidOperationException ex)
        {
            var tail = File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(15)) : "(no server log)";
            throw new InvalidOperationException($"{ex.Message}\nPostgreSQL log {log}:\n{tail}", ex);
        }
    }

    private async Task<int?> RunningPortAsync(CancellationToken ct)
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return null;
        }

        var status = await _binaries.TryRunAsync(_binaries.Tool("pg_ctl"), ["-D", DataDirectory, "status"], ct);
        if (!status)
        {
            return null;
        }

        // postmaster.pid: line 4 is the port the running server listens on.
        var lines = await File.ReadAllLinesAsync(pidFile, ct);
        return lines.Length > 3 && int.TryParse(lines[3], out var port) ? port : null;
    }

    private async Task EnsureDatabaseAsync(string database, CancellationToken ct)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection);
        exists.Parameters.AddWithValue(database);
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            await using var create = new NpgsqlCommand($"create database \"{database.Replace("\"", "\"\"")}\"", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
    }

    private static int FreePort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    private sealed class PostgresBinaries(string binDirectory)
    {
        public static bool IsRoot => Environment.UserName == "root";

        public bool RunAsPostgresUser => IsRoot;

        public static PostgresBinaries Find()
        {
            var configured = Environment.GetEnvironmentVariable("NEWSCLAIMS_PG_BIN");
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return new PostgresBinaries(configured);
            }

            // Debian keeps the server binaries off PATH, one folder per major version: take the newest.
            var debian = Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql")
                    .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                    .Where(d => File.Exists(Path.Combine(d.Dir, "pg_ctl")))
                    .OrderByDescending(d => d.Version)
                    .Select(d => d.Dir)
                    .FirstOrDefault()
                : null;
            if (debian is not null)
            {
                return new PostgresBinaries(debian);
            }

            var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
                .Split(':', StringSplitOptions.RemoveEmptyEntries)
                .FirstOrDefault(d => File.Exists(Path.Combine(d, "pg_ctl")) && File.Exists(Path.Combine(d, "initdb")));
            return onPath is not null
                ? new PostgresBinaries(onPath)
                : throw new InvalidOperationException(
                    "PostgreSQL server binaries (initdb, pg_ctl) were not found. Install PostgreSQL 15 or newer " +
                    "(Debian: apt-get install postgresql), set NEWSCLAIMS_PG_BIN to their folder, or set " +
                    "ConnectionStrings__NewsClaims to a server of your own.");
        }

        public string Tool(string name) => Path.Combine(binDirectory, name);

        public async Task RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken ct, bool asPostgres = true)
        {
            var (exitCode, output) = await ExecuteAsync(program, arguments, asPostgres, ct);
            if (exitCode != 0)
            {
                throw new InvalidOperationException(
                    $"'{Path.GetFileName(program)} {string.Join(' ', arguments)}' failed with exit code {exitCode}: {output.Trim()}");
            }
        }

        public async Task<bool> TryRunAsync(string program, IReadOnlyList<string> arguments, CancellationToken ct) =>
            (await ExecuteAsync(program, arguments, asPostgres: true, ct)).ExitCode == 0;

        private async Task<(int ExitCode, string Output)> ExecuteAsync(
            string program, IReadOnlyList<string> arguments, bool asPostgres, CancellationToken ct)
        {
            var start = new ProcessStartInfo
            {
                // Working directory "/" keeps runuser from warning that it cannot enter root's folder.
                WorkingDirectory = "/",
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            if (asPostgres && RunAsPostgresUser)
            {
                start.FileName = "runuser";
                foreach (var a in (string[])["-u", "postgres", "--", program])
                {
                    start.ArgumentList.Add(a);
                }
            }
            else
            {
                start.FileName = program;
            }

            foreach (var a in arguments)
            {
                start.ArgumentList.Add(a);
            }

            // The server started by pg_ctl writes to its own log file, so these pipes close when the command ends.
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            return (process.ExitCode, (await stdout) + (await stderr));
        }
    }
}
