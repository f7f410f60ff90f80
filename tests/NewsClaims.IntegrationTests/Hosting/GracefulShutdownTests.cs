using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NewsClaims.IntegrationTests.Infrastructure;

namespace NewsClaims.IntegrationTests.Hosting;

/// <summary>Stopping the site lets requests in flight finish (within Hosting:ShutdownTimeoutSeconds) and takes no new ones.</summary>
public sealed class GracefulShutdownTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Should_finish_a_request_in_flight_with_200_when_the_site_is_stopped()
    {
        var site = HostingSite.Start(database.ConnectionString, new Dictionary<string, string?> { ["Hosting:ShutdownTimeoutSeconds"] = "20" });
        Assert.Equal(TimeSpan.FromSeconds(20), site.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
        var email = $"shutdown-{Guid.NewGuid():N}@example.test";
        await site.CreateAccountAsync(email, null);
        using var client = site.Client();
        var body = new SlowBody(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { email, password = HostingSite.Password })));

        // A sign-in whose body arrives slowly: the server has the request (headers and part of the body) when stopping begins.
        var inFlight = client.PostAsync("/api/v1/auth/login", body);
        await body.FirstPartSent.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(300);
        var clock = Stopwatch.StartNew();
        var stopping = site.DisposeAsync().AsTask();
        await Task.Delay(500);
        Assert.False(stopping.IsCompleted, "stopping must wait for the request in flight");
        await RefusedAsync(site.BaseAddress);
        body.SendTheRest.SetResult();

        using var response = await inFlight.WaitAsync(TimeSpan.FromSeconds(15));
        await stopping.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotEmpty(json.RootElement.GetProperty("accessToken").GetString()!);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"stopping took {clock.Elapsed}");
    }

    /// <summary>Once stopping has begun, the listening socket is closed: a new connection is refused.</summary>
    private static async Task RefusedAsync(Uri address)
    {
        using var socket = new TcpClient();
        var error = await Assert.ThrowsAnyAsync<SocketException>(() => socket.ConnectAsync(address.Host, address.Port));
        Assert.Equal(SocketError.ConnectionRefused, error.SocketErrorCode);
    }

    /// <summary>A request body sent in two parts, the second only when the test says so.</summary>
    private sealed class SlowBody(byte[] bytes) : HttpContent
    {
        public TaskCompletionSource FirstPartSent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource SendTheRest { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var half = bytes.Length / 2;
            await stream.WriteAsync(bytes.AsMemory(0, half));
            await stream.FlushAsync();
            FirstPartSent.SetResult();
            await SendTheRest.Task;
            await stream.WriteAsync(bytes.AsMemory(half));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = bytes.Length;
            return true;
        }
    }
}
