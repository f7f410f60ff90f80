using Microsoft.EntityFrameworkCore;
using NewsClaims.Data;
using NewsClaims.Web.Features.Shared;

namespace NewsClaims.Web.Features.Home;

public sealed record QuotedPerson(string Name, string Slug, int Statements);

public sealed record HomeViewModel(IReadOnlyList<StatementSummary> Latest, IReadOnlyList<QuotedPerson> MostQuoted, bool MostQuotedIsAllTime);

public sealed class HomeQueries(NewsClaimsDbContext db, TimeProvider clock)
{
    public async Task<HomeViewModel> HomeAsync(CancellationToken ct)
    {
        // Undated articles cannot be "latest"; PostgreSQL would sort their NULL dates first.
        var latest = await db.Statements.AsNoTracking().Visible()
            .Where(s => s.Article!.PublishedOn != null)
            .OrderByDescending(s => s.Article!.PublishedOn).ThenByDescending(s => s.Id)
            .Select(StatementProjections.Summary)
            .Take(12)
            .ToListAsync(ct);

        var monthAgo = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-30);
        var thisMonth = await MostQuotedAsync(monthAgo, ct);
        return thisMonth.Count > 0
            ? new HomeViewModel(latest, thisMonth, MostQuotedIsAllTime: false)
            : new HomeViewModel(latest, await MostQuotedAsync(null, ct), MostQuotedIsAllTime: true);
    }

    private async Task<List<QuotedPerson>> MostQuotedAsync(DateOnly? since, CancellationToken ct)
    {
        var statements = db.Statements.AsNoTracking().Visible().Where(s => s.SpeakerId != null);
        if (since is { } from)
        {
            statements = statements.Where(s => s.Article!.PublishedOn >= from);
        }

        var counts = statements
            .GroupBy(s => s.SpeakerId)
            .Select(g => new { SpeakerId = g.Key, Count = g.Count() })
            .OrderByDescending(c => c.Count)
            .Take(10);
        var people = await counts
            .Join(db.People, c => c.SpeakerId, p => p.Id, (c, p) => new QuotedPerson(p.Name, p.Slug, c.Count))
            .ToListAsync(ct);
        return [.. people.OrderByDescending(p => p.Statements).ThenBy(p => p.Name)];
    }
}
