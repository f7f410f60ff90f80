using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using NewsClaims.Cli.Database;
using NewsClaims.Data.Import;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace NewsClaims.Cli.Commands;

/// <summary>
/// <c>newsclaims import PATH...</c>: imports articles from files, folders and web addresses (.txt with optional
/// front matter, .html, .json, .jsonl) into the database, with a progress bar (articles/s, ETA) and a summary:
/// imported, duplicates skipped, rejected with the reason and the file/line. Exit code 0 when everything was
/// imported or already there, 2 when some input was rejected (the rest is imported all the same), 1 on failure.
/// </summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("path") { Description = "Files, folders or http(s) addresses of articles", Arity = ArgumentArity.OneOrMore };
        var connection = new Option<string?>("--connection") { Description = "Npgsql connection string (default: ConnectionStrings__NewsClaims, else the private server)" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress bar; the summary only" };
        var command = new Command("import", "Import articles: files (.txt, .html, .json, .jsonl), folders and web addresses") { paths, connection, quiet };
        command.SetAction(async (parse, ct) =>
        {
            var inputs = parse.GetValue(paths) ?? [];
            var urls = inputs.Where(IsWebAddress).ToList();
            IReadOnlyList<string> files;
            try
            {
                files = ArticleFiles.Expand(inputs.Where(p => !IsWebAddress(p)));
            }
            catch (FileNotFoundException ex)
            {
                throw new UsageException(ex.Message);
            }

            var total = files.Sum(ArticleFiles.Count) + urls.Count;
            await using var database = await CliDatabase.OpenAsync(parse.GetValue(connection), ct);
            await using var services = await CliServices.CreateAsync(database, ct);
            await using var scope = services.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<ArticleImporter>();
            var fetcher = scope.ServiceProvider.GetRequiredService<WebPageFetcher>();
            var items = Items(files, urls, importer.Options, fetcher, ct);

            var rejected = new List<ImportResult>();
            var clock = Stopwatch.StartNew();
            ImportSummary summary;
            void Remember(ImportResult result)
            {
                if (result.Outcome is ImportOutcome.Rejected)
                {
                    rejected.Add(result);
                }
            }

            var interactive = !parse.GetValue(quiet) && AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected;
            if (interactive)
            {
                summary = await AnsiConsole.Progress()
                    .AutoClear(false)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RateColumn(), new RemainingTimeColumn())
                    .StartAsync(async progress =>
                    {
                        var task = progress.AddTask("Importing", maxValue: Math.Max(1, total));
                        return await importer.ImportManyAsync(items, importedById: null, result =>
                        {
                            Remember(result);
                            task.Increment(1);
                        }, ct);
                    });
            }
            else
            {
                var lastLine = Stopwatch.StartNew();
                var done = 0L;
                summary = await importer.ImportManyAsync(items, importedById: null, result =>
                {
                    Remember(result);
                    done++;
                    if (!parse.GetValue(quiet) && lastLine.Elapsed > TimeSpan.FromSeconds(5))
                    {
                        lastLine.Restart();
                        Console.Error.WriteLine(ProgressLine(done, total, clock.Elapsed));
                    }
                }, ct);
            }

            clock.Stop();
            foreach (var result in rejected)
            {
                Console.Error.WriteLine($"{result.Origin}: rejected: {((ImportOutcome.Rejected)result.Outcome).Reason}");
            }

            Console.WriteLine(Summary(summary, clock.Elapsed));
            if (summary.Rejected > 0)
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                    $"{summary.Rejected:N0} of {summary.Total:N0} articles were rejected (reasons above); the others were imported"));
            }

            return CommandRunner.Ok;
        });
        return command;
    }

    internal static string Summary(ImportSummary summary, TimeSpan elapsed)
    {
        var seconds = Math.Max(elapsed.TotalSeconds, 0.001);
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        return string.Create(CultureInfo.InvariantCulture, $"""
            Imported:   {summary.Imported:N0} articles with {summary.Statements:N0} statements
            Duplicates: {summary.Duplicates:N0} skipped (already imported)
            Rejected:   {summary.Rejected:N0}
            Time:       {seconds:0.0} s, {summary.Total / seconds:0} articles/s; peak memory {peak / (1024.0 * 1024.0):0} MB
            """);
    }

    private static string ProgressLine(long done, long total, TimeSpan elapsed)
    {
        var rate = done / Math.Max(elapsed.TotalSeconds, 0.001);
        var eta = rate > 0 && total > done ? TimeSpan.FromSeconds((total - done) / rate) : TimeSpan.Zero;
        return string.Create(CultureInfo.InvariantCulture, $"{done:N0}/{total:N0} articles, {rate:0} articles/s, ETA {eta:hh\\:mm\\:ss}");
    }

    private static bool IsWebAddress(string path) =>
        path.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<ImportItem> Items(
        IReadOnlyList<string> files, IReadOnlyList<string> urls, ImportOptions options, WebPageFetcher fetcher, CancellationToken ct)
    {
        foreach (var file in files)
        {
            foreach (var item in ArticleFiles.Read(file, options))
            {
                yield return item;
            }
        }

        foreach (var url in urls)
        {
            ImportItem item;
            try
            {
                item = fetcher.FetchArticleAsync(url, ct).GetAwaiter().GetResult();
            }
            catch (WebPageException ex)
            {
                item = ImportItem.Unreadable(url, ex.Message);
            }

            yield return item;
        }
    }

    /// <summary>Articles per second, for the progress bar.</summary>
    private sealed class RateColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Markup(string.Create(CultureInfo.InvariantCulture, $"[blue]{task.Speed ?? 0:0} articles/s[/]"));
    }
}
