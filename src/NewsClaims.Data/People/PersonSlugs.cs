using Microsoft.EntityFrameworkCore;

namespace NewsClaims.Data.People;

/// <summary>Where a person's slug leads: the person it names, where a renamed or merged record now lives, or nowhere.</summary>
public abstract record SlugLookup
{
    private SlugLookup()
    {
    }

    public sealed record Found(long PersonId) : SlugLookup;

    public sealed record MovedTo(string Slug) : SlugLookup;

    public sealed record Missing : SlugLookup;
}

/// <summary>The one rule every page, feed and API endpoint follows for a slug: old slugs (renames, merges) lead on.</summary>
public static class PersonSlugs
{
    public static async Task<SlugLookup> ResolveSlugAsync(this NewsClaimsDbContext db, string slug, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var person = await db.People.AsNoTracking()
            .Where(p => p.Slug == slug)
            .Select(p => new { p.Id, MergedInto = p.MergedInto != null ? p.MergedInto.Slug : null })
            .FirstOrDefaultAsync(ct);
        if (person is not null)
        {
            return person.MergedInto is null ? new SlugLookup.Found(person.Id) : new SlugLookup.MovedTo(person.MergedInto);
        }

        var moved = await db.PersonSlugRedirects.AsNoTracking().Where(r => r.OldSlug == slug).Select(r => r.Person!.Slug).FirstOrDefaultAsync(ct);
        return moved is null ? new SlugLookup.Missing() : new SlugLookup.MovedTo(moved);
    }
}
