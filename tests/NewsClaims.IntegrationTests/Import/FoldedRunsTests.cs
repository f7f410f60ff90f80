using System.Collections.Concurrent;
using NewsClaims.Data.Import;

namespace NewsClaims.IntegrationTests.Import;

/// <summary>
/// The background runs behind an import's search-row drains and GIN merges: asks made during a run fold into one
/// more run after it, never two at once, and a failed run does not stop later asks from running.
/// </summary>
public sealed class FoldedRunsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Should_fold_the_asks_made_during_a_run_into_one_more_run_after_it()
    {
        var started = new BlockingCollection<TaskCompletionSource>();
        var running = 0;
        var overlapped = false;
        var runs = new FoldedRuns(async () =>
        {
            overlapped |= Interlocked.Increment(ref running) > 1;
            var finish = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            started.Add(finish);
            await finish.Task;
            Interlocked.Decrement(ref running);
        });

        runs.Ask();
        var first = Next(started);
        runs.Ask();
        runs.Ask();
        runs.Ask();
        Assert.False(runs.Current.IsCompleted);
        first.SetResult();

        var second = Next(started);
        second.SetResult();
        await runs.Current.WaitAsync(Patience);
        Assert.False(started.TryTake(out _, TimeSpan.FromMilliseconds(200)), "three asks during one run must fold into one more run");

        runs.Ask();
        var third = Next(started);
        Assert.False(runs.Current.IsCompleted);
        third.SetResult();
        await runs.Current.WaitAsync(Patience);
        Assert.False(overlapped, "two runs went on at once");
    }

    [Fact]
    public async Task Should_run_again_when_asked_after_a_run_failed()
    {
        var calls = 0;
        var runs = new FoldedRuns(() => Interlocked.Increment(ref calls) == 1
            ? Task.FromException(new InvalidOperationException("the first run fails"))
            : Task.CompletedTask);

        runs.Ask();
        await Assert.ThrowsAsync<InvalidOperationException>(() => runs.Current.WaitAsync(Patience));

        runs.Ask();
        await runs.Current.WaitAsync(Patience);
        Assert.Equal(2, calls);
    }

    private static TaskCompletionSource Next(BlockingCollection<TaskCompletionSource> started) =>
        started.TryTake(out var run, Patience) ? run : throw new TimeoutException("the run did not start");
}
