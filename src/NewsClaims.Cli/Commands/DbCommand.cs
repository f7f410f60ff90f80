using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Cli.Database;
using NewsClaims.Data;

namespace NewsClaims.Cli.Commands;

/// <summary><c>newsclaims db migrate</c>: brings the database schema up to date.</summary>
public static class DbCommand
{
    public static Command Create()
    {
        var connection = new Option<string?>("--connection") { Description = "Npgsql connection string (default: ConnectionStrings__NewsClaims, else the private server)" };
        var migrate = new Command("migrate", "Apply all pending migrations") { connection };
        migrate.SetAction(async (parse, ct) =>
        {
            await using var database = await CliDatabase.OpenAsync(parse.GetValue(connection), ct);
            await using var db = new NewsClaimsDbContext(NewsClaimsDbContextOptions.Create(database.ConnectionString));
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            await db.Database.MigrateAsync(ct);
            Console.WriteLine(pending.Count == 0
                ? "The database is up to date."
                : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}");
            return CommandRunner.Ok;
        });
        return new Command("db", "Database maintenance") { migrate };
    }
}
