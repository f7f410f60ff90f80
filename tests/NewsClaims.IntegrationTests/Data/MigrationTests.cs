using Microsoft.EntityFrameworkCore;
using NewsClaims.Data;
using NewsClaims.IntegrationTests.Infrastructure;

namespace NewsClaims.IntegrationTests.Data;

/// <summary>The migrations build the whole schema from nothing, and they describe the current model exactly.</summary>
public sealed class MigrationTests
{
    [Fact]
    public async Task Should_apply_all_migrations_to_an_empty_database()
    {
        var server = await PostgresTestServer.GetAsync();
        var (name, connectionString) = await server.CreateEmptyDatabaseAsync(nameof(MigrationTests));
        try
        {
            await using var context = new NewsClaimsDbContext(NewsClaimsDbContextOptions.Create(connectionString));
            Assert.NotEmpty(await context.Database.GetPendingMigrationsAsync());

            await context.Database.MigrateAsync();

            Assert.Empty(await context.Database.GetPendingMigrationsAsync());
            Assert.Contains(await context.Database.GetAppliedMigrationsAsync(), m => m.EndsWith("_Initial", StringComparison.Ordinal));
            var extensions = await context.Database.SqlQuery<string>($"SELECT extname::text AS \"Value\" FROM pg_extension ORDER BY extname").ToListAsync();
            Assert.Contains("unaccent", extensions);
            Assert.Contains("pg_trgm", extensions);
            Assert.Equal("deja vu", await context.Database.SqlQuery<string>($"SELECT public.f_unaccent('déjà vu') AS \"Value\"").SingleAsync());
            Assert.Equal(2, await context.Roles.CountAsync());
            Assert.Equal(0, await context.Statements.CountAsync());
        }
        finally
        {
            await server.DropDatabaseAsync(name);
        }
    }

    [Fact]
    public async Task Should_roll_back_to_an_empty_database()
    {
        var server = await PostgresTestServer.GetAsync();
        var (name, connectionString) = await server.CreateEmptyDatabaseAsync("rollback");
        try
        {
            await using var context = new NewsClaimsDbContext(NewsClaimsDbContextOptions.Create(connectionString));
            await context.Database.MigrateAsync();
            await context.Database.MigrateAsync("0");

            var tables = await context.Database
                .SqlQuery<string>($"SELECT table_name::text AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '__EFMigrationsHistory'")
                .ToListAsync();
            Assert.Empty(tables);
        }
        finally
        {
            await server.DropDatabaseAsync(name);
        }
    }

    [Fact]
    public void Should_have_no_model_changes_missing_from_the_migrations()
    {
        using var context = new NewsClaimsDesignTimeFactory().CreateDbContext([]);
        Assert.False(context.Database.HasPendingModelChanges(), "The model changed: add a migration (command in NewsClaimsDbContext's doc comment).");
    }
}
