using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NewsClaims.Data;

public static class DependencyInjection
{
    /// <summary>
    /// Registers <see cref="NewsClaimsDbContext"/> on PostgreSQL, with timestamps stamped from the registered
    /// <see cref="TimeProvider"/> (<see cref="TimeProvider.System"/> unless one was registered before).
    /// </summary>
    public static IServiceCollection AddNewsClaimsData(this IServiceCollection services, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        services.TryAddSingleton(TimeProvider.System);
        services.AddDbContext<NewsClaimsDbContext>((provider, options) =>
            options.UseNewsClaimsPostgres(connectionString, provider.GetRequiredService<TimeProvider>()));
        return services;
    }
}
