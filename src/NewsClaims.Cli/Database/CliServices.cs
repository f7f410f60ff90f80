using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsClaims.Cli.Commands;
using NewsClaims.Data;
using NewsClaims.Data.Import;

namespace NewsClaims.Cli.Database;

/// <summary>
/// The services a database command needs, wired as the site wires them: the import pipeline with its settings
/// from <c>Import__*</c> environment variables, logging of warnings and errors to stderr (stdout is the report's).
/// </summary>
public static class CliServices
{
    public static async Task<ServiceProvider> CreateAsync(CliDatabase database, CancellationToken ct)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging
            .AddSimpleConsole(o => o.SingleLine = true)
            .AddFilter("Microsoft", LogLevel.Error)
            .SetMinimumLevel(LogLevel.Warning)
            .Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        services.AddNewsClaimsData(database.ConnectionString);
        services.AddNewsClaimsImport();
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsClaimsDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            await provider.DisposeAsync();
            throw new UsageException($"the database schema is not up to date ({pending.Count} pending migrations): run 'newsclaims db migrate' first");
        }

        return provider;
    }
}
