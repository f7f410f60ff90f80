using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Common;
using NewsClaims.Core.People;
using NewsClaims.Extraction;

namespace NewsClaims.Data.Import;

/// <summary>How a speaker was matched to a person; anything but a name match is a guess an editor should see.</summary>
internal enum LinkBasis
{
    /// <summary>A full name that exactly one person goes by.</summary>
    Name,

    /// <summary>A single word (a surname) that exactly one person goes by.</summary>
    Surname,

    /// <summary>Several people go by the name; the role the text states picked one.</summary>
    Role,

    /// <summary>Nobody was named: the only person holding the stated role on the article's date (dated roles only).</summary>
    RoleHolder,

    /// <summary>No one matched, or no one matched for sure: a new person.</summary>
    Created,
}

internal sealed record SpeakerLink(Person Person, LinkBasis Basis);

/// <summary>
/// Links the speakers the engine found to people in the knowledge base, or creates them. Aliases are matched
/// case- and accent-insensitively (<see cref="SearchKey.ForName"/>); a surname alone links only when exactly one
/// person goes by it; a stated role ("NATO Secretary General") is matched against the roles people held on the
/// article's date. Two people are never merged for sharing a surname: when unsure, a new person is created and
/// flagged for review. One linker serves one batch of articles, loaded with two or three queries up front.
/// </summary>
internal sealed class SpeakerLinker
{
    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "he", "she", "they", "him", "her", "his", "hers", "them", "their", "theirs", "it", "its", "i", "we", "you", "me", "us",
        "himself", "herself", "themselves", "who", "whom", "one",
    };

    private static readonly string[] Determiners = ["the ", "a ", "an ", "its ", "their "];

    private readonly NewsClaimsDbContext _db;
    private readonly Dictionary<string, List<Person>> _byAlias = new(StringComparer.Ordinal);
    private readonly List<Person> _people = [];
    private readonly List<Person> _created = [];
    private readonly HashSet<string> _takenSlugs = new(StringComparer.Ordinal);
    private readonly HashSet<string> _slugBasesLoaded = new(StringComparer.Ordinal);

    private SpeakerLinker(NewsClaimsDbContext db) => _db = db;

    /// <summary>Every person this batch linked to or created: their new aliases and roles still need storing.</summary>
    public IReadOnlyList<Person> People => _people;

    public IReadOnlyList<Person> Created => _created;

    /// <summary>Loads the people the batch's speakers could be: by alias, and by dated role for unnamed sources.</summary>
    public static async Task<SpeakerLinker> LoadAsync(NewsClaimsDbContext db, IReadOnlyCollection<PreparedArticle> articles, CancellationToken ct)
    {
        var linker = new SpeakerLinker(db);
        var nameKeys = articles.SelectMany(a => a.Extraction.Speakers).Select(s => SearchKey.ForName(s.Name)).Where(k => k.Length > 0).Distinct().ToList();
        // Titles can stand where a name should: an unnamed source ("the NATO Secretary General") or a speaker the
        // engine named by title alone ("Lighthouse Commissioner"). Only dated roles can say who held one.
        var roleKeys = articles.Where(a => a.Published is not null)
            .SelectMany(a => a.Extraction.Statements.Where(s => s.SpeakerIndex is null && s.UnnamedSource is not null).Select(s => s.UnnamedSource!)
                .Concat(a.Extraction.Speakers.Select(s => s.Name)))
            .Select(RoleKey)
            .Where(k => k.Length > 0)
            .Distinct()
            .ToList();

        var ids = nameKeys.Count == 0
            ? []
            : await db.PersonAliases.AsNoTracking().Where(a => nameKeys.Contains(a.NormalisedAlias)).Select(a => a.PersonId).Distinct().ToListAsync(ct);
        if (roleKeys.Count > 0)
        {
            ids.AddRange(await db.PersonRoles.AsNoTracking()
                .Where(r => r.StartedOn != null && (roleKeys.Contains(r.Title.ToLower()) || roleKeys.Contains((r.Organisation + " " + r.Title).ToLower())))
                .Select(r => r.PersonId)
                .ToListAsync(ct));
        }

        if (ids.Count > 0)
        {
            var distinct = ids.Distinct().ToList();
            var people = await db.People.AsNoTracking()
                .Where(p => distinct.Contains(p.Id) && p.MergedIntoId == null)
                .Include(p => p.Aliases)
                .Include(p => p.Roles)
                .AsSingleQuery() // a few aliases and roles each: one round trip rather than three
                .ToListAsync(ct);
            foreach (var person in people.OrderBy(p => p.Id))
            {
                linker.Know(person);
            }
        }

        var slugs = nameKeys.Select(Slug.From).Distinct().ToList();
        linker._takenSlugs.UnionWith(await db.People.AsNoTracking().Where(p => slugs.Contains(p.Slug)).Select(p => p.Slug).ToListAsync(ct));
        linker._takenSlugs.UnionWith(await db.PersonSlugRedirects.AsNoTracking().Where(r => slugs.Contains(r.OldSlug)).Select(r => r.OldSlug).ToListAsync(ct));
        return linker;
    }

    /// <summary>The person a speaker is, found or created, with the speaker's names and role added to theirs.</summary>
    public async ValueTask<SpeakerLink> LinkAsync(ExtractedSpeaker speaker, DateOnly? on, CancellationToken ct)
    {
        var key = SearchKey.ForName(speaker.Name);
        var candidates = _byAlias.TryGetValue(key, out var found) ? found : [];
        var link = Choose(candidates, key, speaker.Role, on);
        if (link is null && candidates.Count == 0 && on is { } date && RoleHolder(speaker.Name, date) is { } holder)
        {
            // A title where the name should be: whoever held that dated role then, for an editor to confirm.
            return new SpeakerLink(holder, LinkBasis.RoleHolder);
        }

        link ??= new SpeakerLink(await CreateAsync(speaker, unsure: !key.Contains(' ', StringComparison.Ordinal) || candidates.Count > 0, ct), LinkBasis.Created);
        Enrich(link.Person, speaker);
        return link;
    }

    /// <summary>
    /// The one person holding, on <paramref name="on"/>, a dated role named by an unnamed source ("the NATO
    /// Secretary General said"); null when nobody or several do. Roles without a start date prove nothing here.
    /// </summary>
    public Person? RoleHolder(string words, DateOnly on)
    {
        var key = RoleKey(words);
        if (key.Length == 0)
        {
            return null;
        }

        var holders = _people.Where(p => p.Roles.Any(r => r.StartedOn is not null && r.IsHeldOn(on) && RoleMatches(r, key))).Distinct().ToList();
        return holders.Count == 1 ? holders[0] : null;
    }

    private static SpeakerLink? Choose(List<Person> candidates, string key, string? role, DateOnly? on)
    {
        var singleWord = !key.Contains(' ', StringComparison.Ordinal);
        if (candidates.Count == 1)
        {
            return new SpeakerLink(candidates[0], singleWord ? LinkBasis.Surname : LinkBasis.Name);
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        // The same words name several people. Whoever has exactly this as their name (a person created earlier
        // for exactly these words, flagged for review) takes it; otherwise the stated role must single one out.
        var named = candidates.Where(p => SearchKey.ForName(p.Name) == key).ToList();
        if (named.Count == 1)
        {
            return new SpeakerLink(named[0], singleWord ? LinkBasis.Surname : LinkBasis.Name);
        }

        if (role is not null)
        {
            var roleKey = RoleKey(role);
            var holders = candidates.Where(p => p.Roles.Any(r => RoleMatches(r, roleKey) && (on is null || r.IsHeldOn(on.Value)))).ToList();
            if (holders.Count == 1)
            {
                return new SpeakerLink(holders[0], LinkBasis.Role);
            }
        }

        return null;
    }

    private async Task<Person> CreateAsync(ExtractedSpeaker speaker, bool unsure, CancellationToken ct)
    {
        var baseSlug = Slug.From(speaker.Name);
        var slug = baseSlug;
        if (_takenSlugs.Contains(baseSlug))
        {
            await LoadNumberedSlugsAsync(ct);
            for (var n = 2; _takenSlugs.Contains(slug); n++)
            {
                slug = $"{baseSlug}-{n}";
            }
        }

        // A single word ("Okafor"), a name someone else already bears, or words several people go by: an editor should check.
        var person = new Person(speaker.Name.Trim(), slug, needsReview: unsure || slug != baseSlug);
        _takenSlugs.Add(slug);
        _created.Add(person);
        Know(person);
        return person;
    }

    /// <summary>
    /// Namesakes get "name-2", "name-3" ...: the numbered slugs of every base slug this batch found taken, in one
    /// query, the first time a namesake is created.
    /// </summary>
    private async Task LoadNumberedSlugsAsync(CancellationToken ct)
    {
        var bases = _takenSlugs.Where(_slugBasesLoaded.Add).ToList();
        if (bases.Count == 0)
        {
            return;
        }

        // "base-N" slugs only (the only ones the numbering asks about): a hash lookup per numbered slug, where
        // LIKE ANY tried every base's pattern against every person (a fifth of a second per batch at 6,000 people).
        var array = bases.ToArray();
        _takenSlugs.UnionWith(await _db.Database
            .SqlQuery<string>($"""
                SELECT slug AS "Value" FROM people WHERE slug ~ '-[0-9]+$' AND regexp_replace(slug, '-[0-9]+$', '') = ANY ({array})
                UNION SELECT old_slug FROM person_slug_redirects WHERE old_slug ~ '-[0-9]+$' AND regexp_replace(old_slug, '-[0-9]+$', '') = ANY ({array})
                """)
            .ToListAsync(ct));
    }

    private void Enrich(Person person, ExtractedSpeaker speaker)
    {
        foreach (var mention in speaker.Mentions.Where(IsAliasWorthy))
        {
            var before = person.Aliases.Count;
            var alias = person.AddAlias(mention.Trim());
            if (person.Aliases.Count > before)
            {
                Index(alias.NormalisedAlias, person);
            }
        }

        if (speaker.Role is { } role && role.Trim().Length is > 0 and <= 300)
        {
            var roleKey = RoleKey(role);
            if (!person.Roles.Any(r => RoleMatches(r, roleKey)))
            {
                // The text states the role but not since when: the dates are left for an editor.
                person.AddRole(role.Trim(), null, null, null);
            }
        }
    }

    private void Know(Person person)
    {
        _people.Add(person);
        foreach (var alias in person.Aliases)
        {
            Index(alias.NormalisedAlias, person);
        }
    }

    private void Index(string key, Person person)
    {
        if (!_byAlias.TryGetValue(key, out var list))
        {
            _byAlias[key] = list = [];
        }

        if (!list.Contains(person))
        {
            list.Add(person);
        }
    }

    private static bool RoleMatches(PersonRole role, string key) =>
        SearchKey.ForName(role.Title) == key
        || (role.Organisation is { } organisation && SearchKey.ForName($"{organisation} {role.Title}") == key);

    /// <summary>"the NATO Secretary General" → "nato secretary general".</summary>
    private static string RoleKey(string words)
    {
        var key = SearchKey.ForName(words);
        foreach (var determiner in Determiners)
        {
            if (key.StartsWith(determiner, StringComparison.Ordinal))
            {
                return key[determiner.Length..];
            }
        }

        return key;
    }

    private static bool IsAliasWorthy(string mention)
    {
        var trimmed = mention.Trim();
        return trimmed.Length is > 0 and <= 120 && !Pronouns.Contains(trimmed) && trimmed.Any(char.IsLetter);
    }
}
