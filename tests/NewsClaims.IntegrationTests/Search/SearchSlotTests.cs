using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsClaims.Data.Search;

namespace NewsClaims.IntegrationTests.Search;

/// <summary>Searches query PostgreSQL a few at a time, first come first served, and always give their slot back.</summary>
[Collection(SearchCollection.Name)]
public sealed class SearchSlotTests(SearchFixture site)
{
    [Fact]
    public async Task Should_let_waiting_searches_in_first_come_first_served()
    {
        using var slots = new SearchSlots(Options.Create(new SearchSlotOptions { ConcurrentQueries = 1 }));
        await slots.EnterAsync(CancellationToken.None);
        var order = new List<string>();
        var second = Enter("second");
        var third = Enter("third");
        await Task.Delay(50);
        Assert.Empty(order);

        slots.Leave();
        await second;
        Assert.Equal(["second"], order);
        Assert.False(third.IsCompleted);

        slots.Leave();
        await third;
        Assert.Equal(["second", "third"], order);

        async Task Enter(string name)
        {
            await slots.EnterAsync(CancellationToken.None);
            lock (order)
            {
                order.Add(name);
            }
        }
    }

    [Fact]
    public async Task Should_drop_a_search_that_gives_up_while_waiting_without_using_a_slot()
    {
        using var slots = new SearchSlots(Options.Create(new SearchSlotOptions { ConcurrentQueries = 1 }));
        await slots.EnterAsync(CancellationToken.None);
        using var giveUp = new CancellationTokenSource();
        var waiting = slots.EnterAsync(giveUp.Token);
        await giveUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        slots.Leave();
        Assert.Equal(1, slots.Free);
    }

    [Fact]
    public void Should_never_have_fewer_than_one_slot() =>
        Assert.Equal(1, new SearchSlots(Options.Create(new SearchSlotOptions { ConcurrentQueries = 0 })).Capacity);

    [Fact]
    public async Task Should_give_every_slot_back_after_searches_checks_bad_input_and_cancelled_requests()
    {
        var slots = site.Factory.Services.GetRequiredService<SearchSlots>();
        var requests = new[]
        {
            "/api/v1/search?q=harbour", "/api/v1/search?q=harbor%20plann", "/api/v1/search?q=%22unbalanced", "/api/v1/search?q=the%20a%20of",
            "/api/v1/search?q=harbour&person=nobody-at-all", "/api/v1/search?q=harbour&after=not-a-cursor",
            $"/statements/{site.HarbourPlan}", "/api/v1/search/quote-check?text=the%20harbour%20plan%20was%20approved",
        };
        await Task.WhenAll(requests.Select(r => site.Client.GetAsync(r)));

        // A client that goes away mid-search: its request is aborted while it holds or waits for a slot.
        using (var gone = new CancellationTokenSource(TimeSpan.FromMilliseconds(5)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                Task.WhenAll(Enumerable.Range(0, 8).Select(i => site.Client.GetAsync($"/api/v1/search?q=harbour%20{i}&fresh={Guid.NewGuid()}", gone.Token))));
        }

        for (var i = 0; i < 50 && slots.Free != slots.Capacity; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(slots.Capacity, slots.Free);
        var after = await site.ApiAsync("/api/v1/search?q=ostrovia");
        Assert.Contains(site.Ostrovia, SearchFixture.StatementIds(after));
    }
}
