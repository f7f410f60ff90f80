using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace NewsClaims.Web.Hosting;

/// <summary>
/// <c>/health</c> (CONTRACTS: 200 "Healthy" when the database answers, 503 "Unhealthy" otherwise), <c>/health/live</c>
/// (the process answers; no database) and <c>/health/ready</c> (the database answers), the last two with a JSON body
/// naming each check's status. Never cached; logged at Debug only (see <see cref="LoggingSetup"/>).
/// </summary>
public static class HealthEndpoints
{
    private const string Live = "live";
    private const string Ready = "ready";

    public static IServiceCollection AddNewsClaimsHealthChecks(this IServiceCollection services, string connectionString)
    {
        services.AddHealthChecks()
            .AddCheck("process", () => HealthCheckResult.Healthy("The process answers."), tags: [Live])
            .Add(new HealthCheckRegistration("postgresql", _ => new DatabaseCheck(connectionString), HealthStatus.Unhealthy, [Ready], TimeSpan.FromSeconds(3)));
        return services;
    }

    public static WebApplication MapNewsClaimsHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) }).DisableRateLimiting();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Live), ResponseWriter = WriteJsonAsync }).DisableRateLimiting();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteJsonAsync }).DisableRateLimiting();
        return app;
    }

    public static bool IsHealthPath(PathString path) => path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// <c>select 1</c> on a pooled connection, bounded to <see cref="ProbeTimeout"/> however the server fails: a server
    /// that accepts connections and never answers (frozen, or a lost network) would otherwise hold the probe until the
    /// command timeout. A failure clears the pools, so connections broken by a database restart are not handed out
    /// again and the next check (or request) sees the database as soon as it is back.
    /// </summary>
    private sealed class DatabaseCheck(string connectionString) : IHealthCheck
    {
        private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1.5);

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                // The probe owns its connection: if the wait gives up, the probe still closes it when the server answers.
                var probe = ProbeAsync();
                _ = probe.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                await probe.WaitAsync(ProbeTimeout, cancellationToken);
                return HealthCheckResult.Healthy("The database answers.");
            }
            catch (Exception e) when (DatabaseUnavailable.IsDatabaseFailure(e) || e is OperationCanceledException)
            {
                NpgsqlConnection.ClearAllPools();
                // One line in the log per failed probe: the reason, not the stack.
                return new HealthCheckResult(context.Registration.FailureStatus, "The database does not answer: " + e.GetBaseException().Message);
            }
        }

        private async Task ProbeAsync()
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("select 1", connection) { CommandTimeout = 2 };
            await command.ExecuteScalarAsync();
        }
    }

    private static Task WriteJsonAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(
            new
            {
                status = report.Status.ToString(),
                totalDurationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
                checks = report.Entries.ToDictionary(
                    e => e.Key,
                    e => new
                    {
                        status = e.Value.Status.ToString(),
                        durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
                        // A fixed sentence, never the exception text (it can name hosts and users).
                        description = e.Value.Status == HealthStatus.Healthy ? e.Value.Description ?? "Answers." : "Does not answer.",
                    }),
            },
            JsonSerializerOptions.Web,
            "application/json; charset=utf-8",
            context.RequestAborted);
}
