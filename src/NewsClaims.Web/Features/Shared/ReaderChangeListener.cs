using NewsClaims.Data;
using NewsClaims.Web.Hosting;
using Npgsql;

namespace NewsClaims.Web.Features.Shared;

/// <summary>
/// Keeps this instance's reader caches (pages and search results) coherent with the database: it listens on
/// <see cref="ReaderChanges.Channel"/> over a connection of its own and evicts them whenever any process commits a
/// change readers see (another site instance, the command-line import). Changes saved by this instance are evicted
/// at once by <see cref="ReaderCacheInterceptor"/>; this covers the rest within milliseconds of the commit.
/// While the database cannot be reached, notifications may be missed: everything is evicted again on reconnecting,
/// and until then <see cref="ReaderCachePolicy.Lifetime"/> bounds how old a cached page can be.
/// </summary>
internal sealed class ReaderChangeListener(
    IConfiguration configuration, IReaderCacheInvalidator invalidator, ILogger<ReaderChangeListener> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = ListenerConnectionString(configuration.GetConnectionString(LocalPostgresHosting.ConnectionStringName));
        if (connectionString is null)
        {
            return;
        }

        var retry = FirstRetry;
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {ReaderChanges.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Whatever changed while nobody listened.
                await invalidator.InvalidateAsync(stoppingToken);
                if (failing)
                {
                    logger.LogInformation("Listening for reader changes again");
                }

                (retry, failing) = (FirstRetry, false);
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                    await invalidator.InvalidateAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Never stop the site over its cache: log once per outage, retry with back-off.
                if (!failing)
                {
                    logger.LogWarning(e, "Not listening for reader changes; cached reader pages refresh within {Lifetime} until the database is back", ReaderCachePolicy.Lifetime);
                }

                failing = true;
                await Task.Delay(retry, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
            }
        }
    }

    /// <summary>A dedicated connection (outside the pool, so pool clears leave it be) with keepalives to notice a dead server.</summary>
    internal static string? ListenerConnectionString(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return null;
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            KeepAlive = 15,
            ApplicationName = "newsclaims-reader-changes",
        };
        return builder.ConnectionString;
    }
}
