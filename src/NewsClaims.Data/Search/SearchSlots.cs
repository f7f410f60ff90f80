namespace NewsClaims.Data.Search;

/// <summary>Configuration <c>Search:ConcurrentQueries</c>: how many searches may query PostgreSQL at once.</summary>
public sealed class SearchSlotOptions
{
    /// <summary>As many as the cores by default (at least 2), for PostgreSQL on the same machine as the site.</summary>
    public int ConcurrentQueries { get; set; } = Math.Max(2, Environment.ProcessorCount);
}

/// <summary>
/// Searches take a slot before they query PostgreSQL and wait, first come first served, when all are taken. More
/// searches at once than the database has cores do not finish sooner: they share the cores and all finish late, so
/// a burst of first-time searches is answered in turn instead (8 connections on 2 cores, 2 slots against none:
/// p95 48–50 ms instead of 80–92, p99 58 instead of 106–129). A request that gives up while waiting leaves the queue.
/// </summary>
public sealed class SearchSlots : IDisposable
{
    private readonly SemaphoreSlim slots;

    public SearchSlots(Microsoft.Extensions.Options.IOptions<SearchSlotOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Capacity = Math.Max(1, options.Value.ConcurrentQueries);
        slots = new SemaphoreSlim(Capacity, Capacity);
    }

    public int Capacity { get; }

    /// <summary>Slots free now.</summary>
    public int Free => slots.CurrentCount;

    public Task EnterAsync(CancellationToken ct) => slots.WaitAsync(ct);

    public void Leave() => slots.Release();

    public void Dispose() => slots.Dispose();
}
