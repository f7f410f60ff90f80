using System.Diagnostics;
using System.Globalization;
using NewsClaims.Cli.Commands;
using NewsClaims.Extraction;

namespace NewsClaims.UnitTests.Properties;

/// <summary>Runs alone, so the process CPU time it measures is the engine's.</summary>
[CollectionDefinition(nameof(TimeBoundTests), DisableParallelization = true)]
public sealed class TimeBoundCollection;

[Collection(nameof(TimeBoundTests))]
public class TimeBoundTests
{
    private static readonly StatementExtractor Extractor = new();

    /// <summary>
    /// A guard against backtracking or quadratic work, not a timing: an engine that backtracks takes minutes on this
    /// input, ours about 0.2–0.3 s on a quiet machine. The figure itself is printed by <c>newsclaims benchmark</c>
    /// ("worst case"); timing it here would fail on a machine busy with other work.
    /// </summary>
    [Fact]
    public void One_megabyte_paragraph_without_punctuation_completes_with_no_backtracking()
    {
        var text = WorstCaseText.OneMegabyteRunOn();
        Extractor.Extract(new ArticleText(text[..100_000])); // warm up the JIT: the bound is on the engine, not on compilation

        var cpuBefore = ThreadCpuTime();
        var clock = Stopwatch.StartNew();
        var result = Extractor.Extract(new ArticleText(text));
        clock.Stop();
        var cpu = ThreadCpuTime() - cpuBefore;

        Assert.NotEmpty(result.Statements);
        Assert.All(result.Statements, s => Assert.Equal(s.Text, text[s.Start..s.End]));
        Assert.True(cpu < TimeSpan.FromSeconds(5), $"took {cpu.TotalMilliseconds} ms of CPU ({clock.Elapsed.TotalMilliseconds} ms wall): backtracking or quadratic work");
    }

    /// <summary>User + system CPU time of the calling thread (Linux: /proc/thread-self/stat, in clock ticks of 10 ms).</summary>
    private static TimeSpan ThreadCpuTime()
    {
        const string stat = "/proc/thread-self/stat";
        if (!File.Exists(stat))
        {
            return Process.GetCurrentProcess().TotalProcessorTime;
        }

        // Fields after the parenthesised command name: state is field 3, utime field 14, stime field 15.
        var line = File.ReadAllText(stat);
        var fields = line[(line.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }
}
