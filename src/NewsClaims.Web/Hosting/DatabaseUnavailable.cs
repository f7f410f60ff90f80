using System.Globalization;
using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace NewsClaims.Web.Hosting;

/// <summary>
/// An unreachable PostgreSQL answers 503 with Retry-After within about two seconds, never a 15-second hang or a 500:
/// short connection timeouts unless the connection string sets its own, failures recognised however EF wraps them,
/// and the connection pools cleared on each failure so the site recovers as soon as the server is back.
/// Configuration <c>Database:ConnectTimeoutSeconds</c> (2), <c>Database:CommandTimeoutSeconds</c> (30),
/// <c>Database:RetryAfterSeconds</c> (5).
/// </summary>
public static class DatabaseUnavailable
{

    /// <summary>The connection string with <c>Timeout</c> and <c>Command Timeout</c> added where it does not give them.</summary>
    public static string WithTimeouts(string connectionString, IConfiguration configuration)
    {
        var given = GivenKeys(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("TIMEOUT"))
        {
            builder.Timeout = Math.Max(1, configuration.GetValue("Database:ConnectTimeoutSeconds", 2));
        }

        if (!given.Contains("COMMANDTIMEOUT"))
        {
            builder.CommandTimeout = Math.Max(1, configuration.GetValue("Database:CommandTimeoutSeconds", 30));
        }

        return builder.ConnectionString;
    }

    /// <summary>The keys the connection string sets, as written, without spaces and in capitals ("Command Timeout": COMMANDTIMEOUT).</summary>
    internal static HashSet<string> GivenKeys(string connectionString) =>
        new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>().Select(k => k.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant()).ToHashSet();

    /// <summary>Uses the timeouts for every user of <c>ConnectionStrings:NewsClaims</c> (EF, health checks, import bulk copy).</summary>
    public static string ApplyDatabaseTimeouts(this WebApplicationBuilder builder, string connectionString)
    {
        var withTimeouts = WithTimeouts(connectionString, builder.Configuration);
        builder.Configuration[$"ConnectionStrings:{LocalPostgresHosting.ConnectionStringName}"] = withTimeouts;
        builder.Services.AddExceptionHandler<DatabaseFailureHandler>();
        return withTimeouts;
    }

    /// <summary>True when the exception (or one it wraps) says the database cannot be reached, not that a statement was wrong.</summary>
    public static bool IsDatabaseFailure(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    // Connection exceptions, shutdowns, "cannot connect now", too many connections.
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                           || postgres.SqlState is "57P01" or "57P02" or "57P03" or "53300";
                case NpgsqlException:
                case SocketException:
                case TimeoutException:
                case RetryLimitExceededException:
                    return true;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsDatabaseFailure))
            {
                return true;
            }
        }

        return false;
    }

    public static int RetryAfterSeconds(IServiceProvider services) =>
        Math.Max(1, services.GetRequiredService<IConfiguration>().GetValue("Database:RetryAfterSeconds", 5));

    public static void SetRetryAfter(HttpContext context) =>
        context.Response.Headers.RetryAfter = RetryAfterSeconds(context.RequestServices).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Runs first among the exception handlers: logs the outage once per request as a warning (no stack trace),
    /// clears the pools (connections to a server that went away are broken), adds Retry-After and leaves the
    /// response to the problem writer (API) or the error page (HTML). The status (503) comes from
    /// <see cref="ProblemResponses.StatusFor"/>.
    /// </summary>
    private sealed class DatabaseFailureHandler(ILogger<DatabaseFailureHandler> logger) : IExceptionHandler
    {
        public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (IsDatabaseFailure(exception))
            {
                logger.LogWarning("Database unavailable for {RequestMethod} {RequestPath}: {Reason}",
                    httpContext.Request.Method, ProblemResponses.OriginalPath(httpContext).Value, Innermost(exception).Message);
                NpgsqlConnection.ClearAllPools();
                SetRetryAfter(httpContext);
            }

            return ValueTask.FromResult(false);
        }

        private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
    }
}
