using Microsoft.EntityFrameworkCore;
using NewsClaims.Data.Interceptors;

namespace NewsClaims.Data;

/// <summary>The one way to point a <see cref="NewsClaimsDbContext"/> at PostgreSQL: the site, the CLI, the tests and <c>dotnet ef</c> all use it.</summary>
public static class NewsClaimsDbContextOptions
{
    public static DbContextOptionsBuilder UseNewsClaimsPostgres(this DbContextOptionsBuilder options, string connectionString, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(NewsClaimsDbContext).Assembly.GetName().Name))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(new TimestampInterceptor(timeProvider ?? TimeProvider.System));
    }

    /// <summary>Options for a context created by hand (tests, tools), outside dependency injection.</summary>
    public static DbContextOptions<NewsClaimsDbContext> Create(string connectionString, TimeProvider? timeProvider = null) =>
        ((DbContextOptionsBuilder<NewsClaimsDbContext>)new DbContextOptionsBuilder<NewsClaimsDbContext>()
            .UseNewsClaimsPostgres(connectionString, timeProvider)).Options;
}
