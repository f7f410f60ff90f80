using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using NewsClaims.Cli.Articles;
using NewsClaims.Extraction;

namespace NewsClaims.Cli.Commands;

/// <summary>
/// <c>newsclaims benchmark --input articles.jsonl [--passes N]</c>: single-threaded extraction speed over a corpus
/// already in memory (reading and process start-up excluded), after a warm-up pass; then the worst case, a 1 MB
/// paragraph without punctuation.
/// </summary>
public static class BenchmarkCommand
{
    public static Command Create()
    {
        var input = new Option<FileInfo>("--input", "-i") { Description = "JSON lines with \"text\" or \"body\"", Required = true };
        var passes = new Option<int>("--passes") { Description = "Timed passes over the corpus", DefaultValueFactory = _ => 3 };
        var command = new Command("benchmark", "Measure single-threaded extraction speed") { input, passes };
        command.SetAction(parse =>
        {
            var file = parse.GetRequiredValue(input);
            ExtractCommand.RequireExists(file);
            var count = parse.GetValue(passes);
            if (count < 1)
            {
                throw new UsageException("--passes must be at least 1");
            }

            var articles = ArticleReader.ReadJsonLines(file.FullName, "text", "body").Select(a => a.Article).ToList();
            if (articles.Count == 0)
            {
                throw new UsageException($"{file.FullName}: no articles");
            }

            var bytes = articles.Sum(a => (long)Encoding.UTF8.GetByteCount(a.Text));
            var extractor = new StatementExtractor();
            var statements = Pass(extractor, articles);
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            for (var p = 0; p < count; p++)
            {
                Pass(extractor, articles);
            }

            clock.Stop();
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            var runs = (double)articles.Count * count;
            var seconds = clock.Elapsed.TotalSeconds;
            var c = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(c, $"engine {StatementExtractor.Version}: {articles.Count} articles, {bytes / 1e6:F2} MB, {statements} statements per pass, {count} timed passes"));
            Console.WriteLine(string.Create(c, $"articles/s={runs / seconds:F0} MB/s={bytes * count / 1e6 / seconds:F2} ms/article={seconds * 1000 / runs:F3} allocated bytes/article={allocated / runs:F0}"));
            var worst = WorstCaseText.OneMegabyteRunOn();
            var worstClock = Stopwatch.StartNew();
            var worstStatements = extractor.Extract(new ArticleText(worst)).Statements.Count;
            worstClock.Stop();
            Console.WriteLine(string.Create(c, $"worst case: 1 MB paragraph without punctuation in {worstClock.Elapsed.TotalMilliseconds:F0} ms ({worstStatements} statements)"));
            return CommandRunner.Ok;
        });
        return command;
    }

    private static int Pass(StatementExtractor extractor, List<ArticleText> articles)
    {
        var statements = 0;
        foreach (var article in articles)
        {
            statements += extractor.Extract(article).Statements.Count;
        }

        return statements;
    }
}
