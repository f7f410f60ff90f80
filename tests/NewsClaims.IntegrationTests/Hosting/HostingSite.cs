using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NewsClaims.Data.Identity;
using Serilog.Core;
using Serilog.Events;

namespace NewsClaims.IntegrationTests.Hosting;

/// <summary>
/// The real site on real Kestrel (a free port on 127.0.0.1, so client addresses, body limits and shutdown are
/// Kestrel's own), with the given settings, every log event kept in memory, and the <see cref="HostingProbeController"/>
/// for the failures no real endpoint produces on demand (an unexpected exception, a conflict, a slow request).
/// </summary>
public sealed class HostingSite : WebApplicationFactory<Program>
{
    public const string Password = "Correct-Horse-Battery-Staple-9";

    private readonly string _connectionString;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    private HostingSite(string connectionString, IReadOnlyDictionary<string, string?> settings)
    {
        _connectionString = connectionString;
        _settings = settings;
    }

    /// <summary>Every event Serilog wrote, in order.</summary>
    public LogCapture Log { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public static HostingSite Start(string connectionString, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var site = new HostingSite(connectionString, settings ?? new Dictionary<string, string?>());
        site.UseKestrel(0);
        site.StartServer();
        site.BaseAddress = site.ClientOptions.BaseAddress;
        return site;
    }

    /// <summary>A client of the live server, without redirects or cookies.</summary>
    public HttpClient Client() => new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress };

    /// <summary>An account with the given role (none: a reader), created through Identity.</summary>
    public async Task<string> CreateAccountAsync(string email, string? role)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EditorAccount>>();
        var account = new EditorAccount { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0] };
        var created = await users.CreateAsync(account, Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        if (role is not null)
        {
            Assert.True((await users.AddToRoleAsync(account, role)).Succeeded);
        }

        return account.Id;
    }

    /// <summary>A client holding the bearer token <c>POST /api/v1/auth/login</c> gives the account.</summary>
    public async Task<HttpClient> SignedInClientAsync(string email)
    {
        var client = Client();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password });
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.RootElement.GetProperty("accessToken").GetString());
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:NewsClaims", _connectionString);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseStaticWebAssets();
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ILogEventSink>(Log);
            services.AddControllers().AddApplicationPart(typeof(HostingProbeController).Assembly);
        });
    }
}

/// <summary>A Serilog sink that keeps what it is given (read back through <see cref="Events"/>).</summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => [.. _events];

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    /// <summary>The events written while serving the request with this id.</summary>
    public IReadOnlyList<LogEvent> ForRequest(string requestId) =>
        [.. Events.Where(e => e.Properties.TryGetValue("RequestId", out var id) && id is ScalarValue { Value: string s } && s == requestId)];

    /// <summary>The one summary line of the request with this id (written just after the response, so waited for briefly).</summary>
    public async Task<LogEvent?> CompletionAsync(string requestId)
    {
        for (var waited = 0; waited < 5000; waited += 50)
        {
            if (ForRequest(requestId).FirstOrDefault(e => e.MessageTemplate.Text.StartsWith("HTTP ", StringComparison.Ordinal)) is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        return null;
    }

    public static string? Text(LogEvent e, string property) =>
        e.Properties.TryGetValue(property, out var value) ? value is ScalarValue { Value: var v } ? v?.ToString() : value.ToString() : null;
}
