using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Common;
using NewsClaims.Core.People;
using NewsClaims.Extraction;

namespace NewsClaims.Data.Import;

/// <summary>
/// Links the speakers the engine found in one article to people in the knowledge base, or creates them.
/// The rule that matters most: two different people are never merged because they share a surname; when
/// unsure, a new person is created and flagged for an editor.
/// </summary>
public sealed class SpeakerLinker(NewsClaimsDbContext db)
{
    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "he", "she", "they", "him", "her", "his", "hers", "them", "their", "it", "its", "i", "we", "you", "me", "us",
    };

    // People created or found during this import, by folded name, so one article never creates a person twice.
    private readonly Dictionary<string, Person> _linked = [];

    public async Task<Person> LinkAsync(ExtractedSpeaker speaker, CancellationToken ct)
    {
        var key = SearchKey.ForName(speaker.Name);
        if (!_linked.TryGetValue(key, out var person))
        {
            person = await FindUnambiguousAsync(key, ct) ?? await CreateAsync(speaker, ct);
            _linked[key] = person;
        }

        foreach (var mention in speaker.Mentions.Where(IsAliasWorthy))
        {
            person.AddAlias(mention);
        }

        if (speaker.Role is { } role && !person.Roles.Any(r => SearchKey.ForName(r.Title) == SearchKey.ForName(role)))
        {
            // The text states the role but not since when: dates are left for an editor.
            person.AddRole(role, null, null, null);
        }

        return person;
    }

    /// <summary>A person whose alias is exactly this name, when exactly one such person exists.</summary>
    private async Task<Person?> FindUnambiguousAsync(string key, CancellationToken ct)
    {
        var candidates = await db.People
            .Where(p => p.MergedIntoId == null && p.Aliases.Any(a => a.NormalisedAlias == key))
            .OrderBy(p => p.Id)
            .Include(p => p.Aliases)
            .Include(p => p.Roles)
            .AsSplitQuery()
            .Take(2)
            .ToListAsync(ct);
        return candidates.Count == 1 ? candidates[0] : null;
    }

    private async Task<Person> CreateAsync(ExtractedSpeaker speaker, CancellationToken ct)
    {
        var baseSlug = Slug.From(speaker.Name);
        var taken = await db.People.Where(p => p.Slug == baseSlug || p.Slug.StartsWith(baseSlug + "-")).Select(p => p.Slug).ToListAsync(ct);
        taken.AddRange(await db.PersonSlugRedirects.Where(r => r.OldSlug == baseSlug || r.OldSlug.StartsWith(baseSlug + "-")).Select(r => r.OldSlug).ToListAsync(ct));
        taken.AddRange(_linked.Values.Select(p => p.Slug));
        var slug = baseSlug;
        for (var n = 2; taken.Contains(slug); n++)
        {
            slug = $"{baseSlug}-{n}";
        }

        // A single word ("Okafor") or a name already borne by someone else is a guess an editor should check.
        var needsReview = !speaker.Name.Contains(' ', StringComparison.Ordinal) || slug != baseSlug;
        var person = new Person(speaker.Name, slug, needsReview: needsReview);
        db.People.Add(person);
        return person;
    }

    private static bool IsAliasWorthy(string mention) =>
        !string.IsNullOrWhiteSpace(mention) && !Pronouns.Contains(mention.Trim()) && mention.Trim().Length <= 120;
}
