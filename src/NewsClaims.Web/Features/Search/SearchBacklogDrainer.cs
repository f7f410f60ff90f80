using NewsClaims.Data.Import;
using NewsClaims.Web.Hosting;

namespace NewsClaims.Web.Features.Search;

/// <summary>
/// Makes searchable what a bulk import queued but did not get to drain (it was killed between a batch's commit and
/// the drain): at start and then every <c>Search:BacklogDrainSeconds</c> (30 by default), when
/// <c>statement_search_backlog</c> holds rows, it drains them with the importer's own code
/// (<see cref="SearchBacklog"/>). Rows a running import is draining are skipped, never built twice. Failures are
/// logged and retried at the next tick; the rows stay queued meanwhile.
/// </summary>
internal sealed class SearchBacklogDrainer(IConfiguration configuration, ILogger<SearchBacklogDrainer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = configuration.GetConnectionString(LocalPostgresHosting.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Search:BacklogDrainSeconds", 30)));
        var failing = false;
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                if (await SearchBacklog.PendingAsync(connectionString, stoppingToken))
                {
                    var drained = await SearchBacklog.DrainAsync(connectionString, upTo: null, waitForOthers: false, logger, stoppingToken);
                    if (drained > 0)
                    {
                        logger.LogInformation("Built the search rows of {Batches} queued import batches", drained);
                    }
                }

                failing = false;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Never stop the site over search upkeep: log once per outage, try again at the next tick.
                if (!failing)
                {
                    logger.LogWarning(e, "Draining the search backlog failed; queued statements stay unsearchable until a later drain");
                }

                failing = true;
            }
        }
        while (await NextTickAsync(timer, stoppingToken));
    }

    private static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
