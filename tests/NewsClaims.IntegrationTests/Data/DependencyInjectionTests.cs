using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsClaims.Data;
using NewsClaims.IntegrationTests.Infrastructure;

namespace NewsClaims.IntegrationTests.Data;

/// <summary>What the site and the CLI get from <c>AddNewsClaimsData</c>: a working context whose timestamps come from the registered clock.</summary>
public sealed class DependencyInjectionTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Should_stamp_timestamps_from_the_registered_time_provider()
    {
        var clock = new FixedTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddNewsClaimsData(fixture.ConnectionString);
        await using var provider = services.BuildServiceProvider();

        var outlet = new Core.Outlets.Outlet(Sample.Unique("Lunport Herald"));
        await using (var scope = provider.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<NewsClaimsDbContext>();
            context.Outlets.Add(outlet);
            await context.SaveChangesAsync();

            clock.Advance(TimeSpan.FromDays(1));
            outlet.Rename(outlet.Name + " Online");
            await context.SaveChangesAsync();
        }

        await using var read = fixture.CreateContext();
        var saved = await read.Outlets.SingleAsync(o => o.Id == outlet.Id);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), saved.CreatedAt);
        Assert.Equal(new DateTimeOffset(2026, 1, 3, 3, 4, 5, TimeSpan.Zero), saved.UpdatedAt);
        Assert.Equal(TimeSpan.Zero, saved.CreatedAt.Offset);
    }

    [Fact]
    public void Should_register_the_system_clock_when_none_is_registered()
    {
        var services = new ServiceCollection();
        services.AddNewsClaimsData(fixture.ConnectionString);
        using var provider = services.BuildServiceProvider();
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }
}
