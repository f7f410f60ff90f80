using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Statements;
using NewsClaims.Data;
using NewsClaims.Data.People;
using NewsClaims.Data.Search;
using NewsClaims.Web.Features.Shared;

namespace NewsClaims.Web.Features.Speakers;

public sealed class SpeakerQueries(NewsClaimsDbContext db)
{
    public const int PeoplePerPage = 120;
    public const int StatementsPerPage = 50;

    public async Task<SpeakerIndexViewModel> IndexAsync(string? filter, string? letter, string? after, CancellationToken ct)
    {
        var people = db.People.AsNoTracking().Where(p => p.MergedIntoId == null);
        filter = string.IsNullOrWhiteSpace(filter) ? null : filter.Trim();
        letter = letter is { Length: 1 } l && char.IsAsciiLetter(l[0]) ? l.ToUpperInvariant() : null;
        if (filter is not null)
        {
            var pattern = "%" + LikeEscape(filter) + "%";
            people = people.Where(p => EF.Functions.ILike(p.Name, pattern) || p.Aliases.Any(a => EF.Functions.ILike(a.Alias, pattern)));
        }

        if (letter is not null)
        {
            // Slugs are lowercase ASCII, so the letter index works for accented names too ("Élise" under E).
            var prefix = letter.ToLowerInvariant();
            people = people.Where(p => p.Slug.StartsWith(prefix));
        }

        if (!string.IsNullOrEmpty(after))
        {
            people = people.Where(p => string.Compare(p.Slug, after) > 0);
        }

        var page = await people
            .OrderBy(p => p.Slug)
            .Select(p => new SpeakerListItem(
                p.Name,
                p.Slug,
                p.Description,
                db.Statements.Count(s => s.SpeakerId == p.Id && !StatementProjections.Hidden.Contains(s.Status))))
            .Take(PeoplePerPage + 1)
            .ToListAsync(ct);
        var next = page.Count > PeoplePerPage ? page[PeoplePerPage - 1].Slug : null;
        return new SpeakerIndexViewModel(filter, letter, after, page.Take(PeoplePerPage).ToList(), next);
    }

    public async Task<SpeakerLookup> PersonAsync(string slug, SpeakerFilter filter, CancellationToken ct, bool editor = false)
    {
        var lookup = await db.ResolveSlugAsync(slug, ct);
        if (lookup is not SlugLookup.Found(var personId))
        {
            return lookup is SlugLookup.MovedTo(var current) ? new SpeakerLookup.MovedTo(current) : new SpeakerLookup.Missing();
        }

        var person = await db.People.AsNoTracking()
            .Where(p => p.Id == personId)
            .Select(p => new
            {
                p.Id,
                p.Name,
                p.Slug,
                p.Description,
                p.WikidataId,
                p.NeedsReview,
                Aliases = p.Aliases.OrderBy(a => a.Alias).Select(a => a.Alias).ToList(),
                Roles = p.Roles.OrderByDescending(r => r.StartedOn).Select(r => new RoleView(r.Title, r.Organisation, r.StartedOn, r.EndedOn)).ToList(),
            })
            .FirstAsync(ct);

        var own = db.Statements.AsNoTracking().Visible().Where(s => s.SpeakerId == person.Id);

        // One pass over the person's statements (tens of thousands for the most quoted) gives the chart, the filter
        // choices and the timeline order; only the page shown is then read in full.
        var keys = await own
            .Select(s => new TimelineKey(s.Id, s.WhenSaidDate ?? s.Article!.PublishedOn, s.Article!.OutletId, s.Kind))
            .ToListAsync(ct);
        var months = keys.Where(k => k.Date is not null)
            .GroupBy(k => (k.Date!.Value.Year, k.Date.Value.Month))
            .Select(g => new MonthCount(g.Key.Year, g.Key.Month, g.Count()))
            .OrderBy(m => m.Year).ThenBy(m => m.Month)
            .ToList();
        var outletCounts = keys.Where(k => k.OutletId is not null).CountBy(k => k.OutletId!.Value)
            .OrderByDescending(c => c.Value).Take(40).ToList();
        var outletIds = outletCounts.Select(c => c.Key).ToList();
        var outletNames = await db.Outlets.AsNoTracking().Where(o => outletIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var outlets = outletCounts.Select(c => new NamedCount(outletNames[c.Key], c.Value)).OrderByDescending(o => o.Count).ThenBy(o => o.Name).ToList();

        var linked = await db.StatementPersons.AsNoTracking()
            .Where(sp => sp.Statement!.SpeakerId == person.Id && !StatementProjections.Hidden.Contains(sp.Statement.Status))
            .Select(sp => new { sp.Role, sp.Person!.Name, sp.Person.Slug })
            .GroupBy(p => new { p.Role, p.Name, p.Slug })
            .Select(g => new { g.Key.Role, g.Key.Name, g.Key.Slug, Count = g.Count() })
            .ToListAsync(ct);
        List<PersonCount> Top(StatementPersonRole role) =>
            [.. linked.Where(l => l.Role == role).OrderByDescending(l => l.Count).ThenBy(l => l.Name).Take(10).Select(l => new PersonCount(l.Name, l.Slug, l.Count))];
        var mentionedBy = await db.StatementPersons.AsNoTracking()
            .Where(sp => sp.PersonId == person.Id && sp.Statement!.SpeakerId != null && !StatementProjections.Hidden.Contains(sp.Statement.Status))
            .Select(sp => new { sp.Statement!.Speaker!.Name, sp.Statement.Speaker.Slug })
            .GroupBy(p => new { p.Name, p.Slug })
            .Select(g => new { g.Key.Name, g.Key.Slug, Count = g.Count() })
            .OrderByDescending(p => p.Count).ThenBy(p => p.Name)
            .Take(10)
            .Select(p => new PersonCount(p.Name, p.Slug, p.Count))
            .ToListAsync(ct);

        var matching = await FilterAsync(keys, own, person.Id, filter, outletNames, ct);
        IEnumerable<TimelineKey> ordered = matching.OrderByDescending(k => k.Date ?? DateOnly.MinValue).ThenByDescending(k => k.Id);
        if (TimelineCursor.TryParse(filter.Before, out var cursor))
        {
            var (date, id) = cursor;
            ordered = ordered.Where(k => (k.Date ?? DateOnly.MinValue) < date || ((k.Date ?? DateOnly.MinValue) == date && k.Id < id));
        }

        var pageKeys = ordered.Take(StatementsPerPage + 1).ToList();
        var next = pageKeys.Count > StatementsPerPage ? TimelineCursor.Format(pageKeys[StatementsPerPage - 1].Date ?? DateOnly.MinValue, pageKeys[StatementsPerPage - 1].Id) : null;
        var pageIds = pageKeys.Take(StatementsPerPage).Select(k => k.Id).ToList();
        var items = await db.Statements.AsNoTracking()
            .Where(s => pageIds.Contains(s.Id))
            .Select(s => new TimelineItem(
                s.Id,
                s.Text,
                s.Kind,
                s.CueText,
                s.Place,
                s.Occasion,
                s.WhenSaidText,
                s.WhenSaidDate,
                s.WhenSaidPrecision,
                s.ArticleId,
                s.Article!.Title,
                s.Article.Outlet != null ? s.Article.Outlet.Name : null,
                s.Article.PublishedOn,
                s.ReportedVia ?? s.Article.ReportedVia,
                s.Status,
                s.Confidence))
            .ToListAsync(ct);
        var position = pageIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var page = items.OrderBy(i => position[i.Id]).ToList();

        var notes = await db.Annotations.Where(a => a.PersonId == person.Id).ForReadersAsync(db, ct, editor);
        return new SpeakerLookup.Found(new SpeakerViewModel(
            person.Name, person.Slug, person.Description, person.WikidataId, person.NeedsReview, person.Aliases, person.Roles,
            keys.Count, months, outlets, Top(StatementPersonRole.Subject), Top(StatementPersonRole.Addressee), mentionedBy, filter, matching.Count,
            TimelineGroup.From(page), next)
        {
            Id = person.Id,
            Annotations = notes,
        });
    }

    /// <summary>Year, outlet and kind narrow the keys in memory; claim verdicts and words need the database.</summary>
    private async Task<List<TimelineKey>> FilterAsync(
        List<TimelineKey> keys, IQueryable<Statement> own, long speakerId, SpeakerFilter filter, Dictionary<long, string> outletNames, CancellationToken ct)
    {
        IEnumerable<TimelineKey> matching = keys;
        if (filter.Year is { } year)
        {
            matching = matching.Where(k => k.Date?.Year == year);
        }

        if (!string.IsNullOrWhiteSpace(filter.Outlet))
        {
            var outletId = outletNames.FirstOrDefault(o => o.Value == filter.Outlet).Key;
            if (outletId == 0)
            {
                outletId = await db.Outlets.AsNoTracking().Where(o => o.Name == filter.Outlet).Select(o => o.Id).FirstOrDefaultAsync(ct);
            }

            matching = matching.Where(k => k.OutletId == outletId);
        }

        if (filter.Kind is { } kind)
        {
            matching = matching.Where(k => k.Kind == kind);
        }

        var narrowed = own;
        if (filter.Verdict is { } verdict)
        {
            narrowed = narrowed.Where(s => db.ClaimStatements.Any(cs => cs.StatementId == s.Id && cs.Claim!.Verdict == verdict));
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            narrowed = narrowed.MatchingWords(db, filter.Q.Trim(), speakerId);
        }

        if (filter.Verdict is not null || !string.IsNullOrWhiteSpace(filter.Q))
        {
            var ids = (await narrowed.Select(s => s.Id).ToListAsync(ct)).ToHashSet();
            matching = matching.Where(k => ids.Contains(k.Id));
        }

        return [.. matching];
    }

    private static string LikeEscape(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
