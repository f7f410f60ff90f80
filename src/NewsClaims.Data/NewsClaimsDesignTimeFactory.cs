using Microsoft.EntityFrameworkCore.Design;

namespace NewsClaims.Data;

/// <summary>
/// Lets <c>dotnet ef</c> build the context without running the web app's start-up. Adding a migration needs no
/// database; commands that do (<c>database update</c>) read <c>ConnectionStrings__NewsClaims</c>.
/// </summary>
public sealed class NewsClaimsDesignTimeFactory : IDesignTimeDbContextFactory<NewsClaimsDbContext>
{
    private const string PlaceholderConnection = "Host=localhost;Database=newsclaims_design;Username=newsclaims";

    public NewsClaimsDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__NewsClaims");
        return new NewsClaimsDbContext(NewsClaimsDbContextOptions.Create(
            string.IsNullOrWhiteSpace(connectionString) ? PlaceholderConnection : connectionString));
    }
}
