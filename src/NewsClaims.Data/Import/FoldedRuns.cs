namespace NewsClaims.Data.Import;

/// <summary>
/// Runs an action in the background each time it is asked, folding the asks made while it runs into one more run
/// after it: the action always starts again after the latest ask, and never runs twice at once. Stopping and being
/// asked are decided under one lock, so an ask made just as the last run ends is never left waiting.
/// </summary>
internal sealed class FoldedRuns(Func<Task> action)
{
    private readonly Lock _gate = new();

    /// <summary>A run is going on; guarded by <see cref="_gate"/>.</summary>
    private bool _running;

    /// <summary>Asked while a run was going on: one more run follows it; guarded by <see cref="_gate"/>.</summary>
    private bool _again;

    /// <summary>The latest runs, done when nothing runs and nothing was asked since.</summary>
    public Task Current { get; private set; } = Task.CompletedTask;

    public void Ask()
    {
        lock (_gate)
        {
            if (_running)
            {
                _again = true;
                return;
            }

            _running = true;
            Current = Task.Run(RunWhileAskedAsync);
        }
    }

    private async Task RunWhileAskedAsync()
    {
        while (true)
        {
            try
            {
                await action();
            }
            catch
            {
                // A failed run ends the runs (Current carries the failure); the next ask starts afresh.
                lock (_gate)
                {
                    (_running, _again) = (false, false);
                }

                throw;
            }

            lock (_gate)
            {
                if (!_again)
                {
                    _running = false;
                    return;
                }

                _again = false;
            }
        }
    }
}
