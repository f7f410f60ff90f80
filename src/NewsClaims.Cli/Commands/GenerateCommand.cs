using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Data;
using NewsClaims.Data.Generation;

namespace NewsClaims.Cli.Commands;

/// <summary>
/// <c>newsclaims generate --connection CS [--people 50000 --articles 200000 --statements 1000000 ...]</c>: migrates the
/// database and fills it with an invented knowledge base for benchmarks (see <see cref="KnowledgeBaseGenerator"/>).
/// </summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var defaults = new GenerationOptions();
        var connection = new Option<string?>("--connection") { Description = "Npgsql connection string of a superuser (default: ConnectionStrings__NewsClaims)" };
        var people = new Option<int>("--people") { Description = "People", DefaultValueFactory = _ => defaults.People };
        var articles = new Option<int>("--articles") { Description = "Articles", DefaultValueFactory = _ => defaults.Articles };
        var statements = new Option<int>("--statements") { Description = "Statements", DefaultValueFactory = _ => defaults.Statements };
        var heavy = new Option<int>("--heavy-speakers") { Description = "People with the most statements", DefaultValueFactory = _ => defaults.HeavySpeakers };
        var heavyStatements = new Option<int>("--heavy-statements") { Description = "Statements of each of them", DefaultValueFactory = _ => defaults.HeavySpeakerStatements };
        var claims = new Option<int>("--claims") { Description = "Claims", DefaultValueFactory = _ => defaults.Claims };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed, same data)", DefaultValueFactory = _ => defaults.Seed };
        var command = new Command("generate", "Fill a database with a large invented knowledge base for benchmarks")
        {
            connection, people, articles, statements, heavy, heavyStatements, claims, seed,
        };
        command.SetAction(async (parse, ct) =>
        {
            var connectionString = parse.GetValue(connection) ?? Environment.GetEnvironmentVariable("ConnectionStrings__NewsClaims");
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new UsageException("generate needs --connection or ConnectionStrings__NewsClaims (a benchmark database, never one with real data).");
            }

            var options = new GenerationOptions
            {
                People = parse.GetValue(people),
                Articles = parse.GetValue(articles),
                Statements = parse.GetValue(statements),
                HeavySpeakers = parse.GetValue(heavy),
                HeavySpeakerStatements = parse.GetValue(heavyStatements),
                Claims = parse.GetValue(claims),
                Seed = parse.GetValue(seed),
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message);
            }

            await using (var db = new NewsClaimsDbContext(NewsClaimsDbContextOptions.Create(connectionString)))
            {
                await db.Database.MigrateAsync(ct);
            }

            var report = await new KnowledgeBaseGenerator(connectionString, line => Console.WriteLine(line)).GenerateAsync(options, ct);
            Console.WriteLine(
                $"Generated {report.Outlets:N0} outlets, {report.People:N0} people, {report.Articles:N0} articles, {report.Statements:N0} statements " +
                $"and {report.Claims:N0} claims in {report.Elapsed.TotalSeconds:F0} s. Most quoted: {string.Join(", ", report.HeavySpeakerSlugs)}");
            return CommandRunner.Ok;
        });
        return command;
    }
}
