using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using NewsClaims.IntegrationTests.Import;
using NewsClaims.IntegrationTests.Infrastructure;

namespace NewsClaims.IntegrationTests.Hosting;

/// <summary>
/// The built site as its own process, in Production over plain http on 127.0.0.1 (as the load scripts run it), with
/// JSON logs: SIGTERM (docker stop, systemd) lets a request in flight (a query waiting on a lock) finish with 200, then the process exits 0.
/// </summary>
public sealed class GracefulShutdownTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Should_finish_a_request_in_flight_with_200_when_the_site_is_told_to_stop()
    {
        var email = $"shutdown-{Guid.NewGuid():N}@example.test";
        var port = FreePort();
        using var site = StartSite(port, new Dictionary<string, string>
        {
            ["ConnectionStrings__NewsClaims"] = database.ConnectionString,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Serilog__Json"] = "true",
            ["Hosting__ShutdownTimeoutSeconds"] = "20",
            ["NEWSCLAIMS_ADMIN_EMAIL"] = email,
            ["NEWSCLAIMS_ADMIN_PASSWORD"] = HostingSite.Password,
        });
        var output = new ConcurrentQueue<string>();
        site.OutputDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        site.ErrorDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        site.BeginOutputReadLine();
        site.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WaitUntilServingAsync(client, site, output);
        // The test is admin (NEWSCLAIMS_ADMIN_*): signing in works, so the site and its database are ready.
        using (var ready = await client.PostAsync("/api/v1/auth/login", Json(new { email, password = HostingSite.Password })))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        // A slow request: the people table is locked, so the people index waits for the lock.
        await using var blocker = await database.OpenConnectionAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await using (var lockPeople = new Npgsql.NpgsqlCommand("lock table people in access exclusive mode", blocker, transaction))
        {
            await lockPeople.ExecuteNonQueryAsync();
        }

        var inFlight = client.GetAsync($"/speakers?q=shutdown-{Guid.NewGuid():N}");
        await WaitForWaitingQueryAsync(database);
        var clock = Stopwatch.StartNew();
        using (var term = Process.Start("kill", ["-TERM", site.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        await Task.Delay(1000);
        Assert.False(site.HasExited, "the site must wait for the request in flight:\n" + string.Join('\n', output));
        Assert.False(inFlight.IsCompleted, "the request in flight must not be cut short");
        await RefusedAsync(port);
        await transaction.CommitAsync();

        using var response = await inFlight.WaitAsync(TimeSpan.FromSeconds(15));
        await site.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, site.ExitCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"stopping took {clock.Elapsed}");

        // Structured logs on stdout: one JSON object per line; the sign-in's summary line names its request id and trace id.
        var lines = output.Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var signIn = lines.Single(l => l.TryGetProperty("RequestPath", out var p) && p.GetString() == "/api/v1/auth/login");
        var people = lines.Single(l => l.TryGetProperty("RequestPath", out var p) && p.GetString() == "/speakers");
        Assert.Equal(200, people.GetProperty("StatusCode").GetInt32());
        Assert.Equal(200, signIn.GetProperty("StatusCode").GetInt32());
        Assert.Equal("POST", signIn.GetProperty("RequestMethod").GetString());
        Assert.NotEmpty(signIn.GetProperty("RequestId").GetString()!);
        Assert.NotEmpty(signIn.GetProperty("@tr").GetString()!);
        Assert.DoesNotContain(output, l => l.Contains(HostingSite.Password, StringComparison.Ordinal));
    }

    private static Process StartSite(int port, Dictionary<string, string> environment)
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.Combine(ImportTestKit.RepositoryRoot(), "src", "NewsClaims.Web", "bin", framework.Parent!.Name, framework.Name, "NewsClaims.Web.dll");
        Assert.True(File.Exists(dll), $"build the site first: {dll}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (var argument in (string[])[dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    private static async Task WaitUntilServingAsync(HttpClient client, Process site, ConcurrentQueue<string> output)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            Assert.False(site.HasExited, "the site exited:\n" + string.Join('\n', output));
            try
            {
                using var live = await client.GetAsync("/health/live");
                // Plain http in Production: served, not redirected to https (no https endpoint is configured).
                Assert.Equal(HttpStatusCode.OK, live.StatusCode);
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
        }

        Assert.Fail("the site did not start:\n" + string.Join('\n', output));
    }

    private static int FreePort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    /// <summary>Waits until a query of the site waits for the test's lock.</summary>
    private static async Task WaitForWaitingQueryAsync(DatabaseFixture database)
    {
        await using var connection = await database.OpenConnectionAsync();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            await using var waiting = new Npgsql.NpgsqlCommand(
                "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'", connection);
            if ((long)(await waiting.ExecuteScalarAsync())! > 0)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("the site's query never waited for the lock");
    }

    /// <summary>Once stopping has begun, the site takes no new connections.</summary>
    private static async Task RefusedAsync(int port)
    {
        using var socket = new TcpClient();
        var error = await Assert.ThrowsAnyAsync<SocketException>(() => socket.ConnectAsync(IPAddress.Loopback, port));
        Assert.Equal(SocketError.ConnectionRefused, error.SocketErrorCode);
    }
}
