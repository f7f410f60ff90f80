using Microsoft.EntityFrameworkCore;
using NewsClaims.Data;
using NewsClaims.Web.Features.Shared;

namespace NewsClaims.Web.Features.Speakers;

public sealed record SpeakerListItem(string Name, string Slug, int Statements);

public sealed record SpeakerIndexViewModel(string? Filter, IReadOnlyList<SpeakerListItem> People);

public sealed record RoleView(string Title, string? Organisation, DateOnly? From, DateOnly? To);

public sealed record SpeakerViewModel(
    string Name,
    string Slug,
    string? Description,
    bool NeedsReview,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<RoleView> Roles,
    IReadOnlyList<StatementSummary> Statements);

public abstract record SpeakerLookup
{
    public sealed record Found(SpeakerViewModel Person) : SpeakerLookup;

    public sealed record MovedTo(string Slug) : SpeakerLookup;

    public sealed record Missing : SpeakerLookup;
}

public sealed class SpeakerQueries(NewsClaimsDbContext db)
{
    private const int StatementsShown = 200;

    public async Task<SpeakerIndexViewModel> IndexAsync(string? filter, CancellationToken ct)
    {
        var people = db.People.AsNoTracking().Where(p => p.MergedIntoId == null);
        if (!string.IsNullOrWhiteSpace(filter))
        {
            var pattern = "%" + filter.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            people = people.Where(p => EF.Functions.ILike(p.Name, pattern) || p.Aliases.Any(a => EF.Functions.ILike(a.Alias, pattern)));
        }

        var list = await people
            .OrderBy(p => p.Name)
            .Select(p => new SpeakerListItem(p.Name, p.Slug, db.Statements.Visible().Count(s => s.SpeakerId == p.Id)))
            .ToListAsync(ct);
        return new SpeakerIndexViewModel(filter, list);
    }

    public async Task<SpeakerLookup> PersonAsync(string slug, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking()
            .Where(p => p.Slug == slug)
            .Select(p => new
            {
                p.Id,
                p.Name,
                p.Slug,
                p.Description,
                p.NeedsReview,
                MergedInto = p.MergedInto != null ? p.MergedInto.Slug : null,
                Aliases = p.Aliases.OrderBy(a => a.Alias).Select(a => a.Alias).ToList(),
                Roles = p.Roles.OrderByDescending(r => r.StartedOn).Select(r => new RoleView(r.Title, r.Organisation, r.StartedOn, r.EndedOn)).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (person is null)
        {
            var redirect = await db.PersonSlugRedirects.AsNoTracking()
                .Where(r => r.OldSlug == slug)
                .Select(r => r.Person!.Slug)
                .FirstOrDefaultAsync(ct);
            return redirect is null ? new SpeakerLookup.Missing() : new SpeakerLookup.MovedTo(redirect);
        }

        if (person.MergedInto is not null)
        {
            return new SpeakerLookup.MovedTo(person.MergedInto);
        }

        var statements = await db.Statements.AsNoTracking().Visible()
            .Where(s => s.SpeakerId == person.Id)
            .OrderByDescending(s => s.WhenSaidDate ?? s.Article!.PublishedOn).ThenByDescending(s => s.Id)
            .Select(StatementProjections.Summary)
            .Take(StatementsShown)
            .ToListAsync(ct);
        return new SpeakerLookup.Found(new SpeakerViewModel(
            person.Name, person.Slug, person.Description, person.NeedsReview, person.Aliases, person.Roles, statements));
    }
}
