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
        var latest = await db.Statements.AsNoTracking().Visible()
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

    private Task<List<QuotedPerson>> MostQuotedAsync(DateOnly? since, CancellationToken ct) =>
        db.Statements.AsNoTracking().Visible()
            .Where(s => s.Speaker != null && (since == null || s.Article!.PublishedOn >= since))
            .GroupBy(s => new { s.Speaker!.Name, s.Speaker.Slug })
            .Select(g => new QuotedPerson(g.Key.Name, g.Key.Slug, g.Count()))
            .OrderByDescending(p => p.Statements).ThenBy(p => p.Name)
            .Take(10)
            .ToListAsync(ct);
}
