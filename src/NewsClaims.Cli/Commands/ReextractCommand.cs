using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using NewsClaims.Cli.Database;
using NewsClaims.Data.Import;
using NewsClaims.Extraction;

namespace NewsClaims.Cli.Commands;

/// <summary>
/// <c>newsclaims reextract [--all]</c>: runs the current engine over the stored articles that an older engine
/// extracted (all of them with --all), updating statements no editor has touched and leaving reviewed ones as
/// the editor left them. Safe to interrupt and run again.
/// </summary>
public static class ReextractCommand
{
    public static Command Create()
    {
        var all = new Option<bool>("--all") { Description = "Also articles already extracted by this engine version" };
        var connection = new Option<string?>("--connection") { Description = "Npgsql connection string (default: ConnectionStrings__NewsClaims, else the private server)" };
        var command = new Command("reextract", "Re-run the extraction engine over stored articles") { all, connection };
        command.SetAction(async (parse, ct) =>
        {
            await using var database = await CliDatabase.OpenAsync(parse.GetValue(connection), ct);
            await using var services = await CliServices.CreateAsync(database, ct);
            await using var scope = services.CreateAsyncScope();
            var reextractor = scope.ServiceProvider.GetRequiredService<ArticleReextractor>();
            var total = await reextractor.CountAsync(parse.GetValue(all), ct);
            Console.Error.WriteLine($"Engine {StatementExtractor.Version}: {total:N0} articles to re-extract");
            var clock = Stopwatch.StartNew();
            var counts = await reextractor.ReextractAsync(parse.GetValue(all), done =>
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{done.Articles:N0}/{total:N0} articles")), ct);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                Re-extracted: {counts.Articles:N0} articles in {clock.Elapsed.TotalSeconds:0.0} s
                Statements:   {counts.Updated:N0} updated in place, {counts.Added:N0} added, {counts.Removed:N0} removed
                Kept:         {counts.KeptAsReviewed:N0} reviewed, claimed or annotated statements, exactly as editors left them
                New people:   {counts.PeopleCreated:N0}
                """));
            return CommandRunner.Ok;
        });
        return command;
    }
}
