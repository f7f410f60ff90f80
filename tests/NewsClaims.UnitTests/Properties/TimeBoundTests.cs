using System.Diagnostics;
using System.Globalization;
using System.Text;
using NewsClaims.Extraction;

namespace NewsClaims.UnitTests.Properties;

/// <summary>Runs alone, so the process CPU time it measures is the engine's.</summary>
[CollectionDefinition(nameof(TimeBoundTests), DisableParallelization = true)]
public sealed class TimeBoundCollection;

[Collection(nameof(TimeBoundTests))]
public class TimeBoundTests
{
    private static readonly StatementExtractor Extractor = new();

    [Fact]
    public void One_megabyte_paragraph_without_punctuation_takes_under_a_second()
    {
        var sb = new StringBuilder(1 << 20);
        // Run-on prose with the density of cues, names and quote-free clauses of ordinary news copy.
        var words = ("the council met on a cold morning and Mayor Ana Lind said that the new budget would cut road repairs " +
            "while officials told residents the plan was fair according to the finance office and he argued it would " +
            "save money over ten years but critics in Oslo warned that schools would suffer").Split(' ');
        for (var i = 0; sb.Length < 1 << 20; i++)
        {
            sb.Append(words[i % words.Length]).Append(' ');
        }

        var text = sb.ToString();
        Extractor.Extract(new ArticleText(text[..100_000])); // warm up the JIT: the bound is on the engine, not on compilation

        // CPU time of this thread, not wall time nor the whole process: on a shared, loaded machine, waiting for a
        // core, the garbage collector's and the JIT's background threads are not the engine's cost.
        var cpuBefore = ThreadCpuTime();
        var clock = Stopwatch.StartNew();
        Extractor.Extract(new ArticleText(text));
        clock.Stop();
        var cpu = ThreadCpuTime() - cpuBefore;

        Assert.True(cpu < TimeSpan.FromSeconds(1), $"took {cpu.TotalMilliseconds} ms of CPU ({clock.Elapsed.TotalMilliseconds} ms wall)");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "hung");
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
