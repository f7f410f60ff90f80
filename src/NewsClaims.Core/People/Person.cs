using System.Text.RegularExpressions;
using NewsClaims.Core.Common;

namespace NewsClaims.Core.People;

/// <summary>Someone who is quoted, addressed or talked about. Reached by slug, e.g. <c>/speakers/mark-rutte</c>.</summary>
public partial class Person : IHasUpdatedAt
{
    public const string WikidataIdPattern = "^Q[1-9][0-9]*$";

    private readonly List<PersonAlias> _aliases = [];
    private readonly List<PersonRole> _roles = [];
    private readonly List<PersonSlugRedirect> _slugRedirects = [];

    private Person()
    {
        Name = null!;
        Slug = null!;
    }

    public Person(string name, string? slug = null, string? description = null, string? wikidataId = null, bool needsReview = false)
    {
        Name = Guard.Text(name);
        Slug = RequireSlug(slug ?? Common.Slug.From(Name));
        Description = Guard.OptionalText(description);
        WikidataId = RequireWikidataId(wikidataId);
        NeedsReview = needsReview;
        AddAlias(Name);
    }

    public long Id { get; private set; }

    public string Name { get; private set; }

    public string Slug { get; private set; }

    public string? Description { get; private set; }

    /// <summary>e.g. <c>Q57792</c>.</summary>
    public string? WikidataId { get; private set; }

    /// <summary>Created by the extractor from a name it did not know: an editor should check it.</summary>
    public bool NeedsReview { get; private set; }

    /// <summary>Set when this record was merged into another one; the other is the person now.</summary>
    public long? MergedIntoId { get; private set; }

    public Person? MergedInto { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyCollection<PersonAlias> Aliases => _aliases.AsReadOnly();

    public IReadOnlyCollection<PersonRole> Roles => _roles.AsReadOnly();

    public IReadOnlyCollection<PersonSlugRedirect> SlugRedirects => _slugRedirects.AsReadOnly();

    public void Describe(string? description) => Description = Guard.OptionalText(description);

    public void LinkToWikidata(string? wikidataId) => WikidataId = RequireWikidataId(wikidataId);

    public void MarkReviewed() => NeedsReview = false;

    /// <summary>Renames the person and keeps the old slug working as a redirect.</summary>
    public void Rename(string name, string? newSlug = null)
    {
        Name = Guard.Text(name);
        AddAlias(Name);
        var slug = RequireSlug(newSlug ?? Common.Slug.From(Name));
        if (slug != Slug)
        {
            _slugRedirects.Add(new PersonSlugRedirect(this, Slug));
            Slug = slug;
        }
    }

    /// <summary>Adds an alias unless one with the same folded form exists; returns the alias either way.</summary>
    public PersonAlias AddAlias(string alias)
    {
        var normalised = SearchKey.ForName(Guard.Text(alias));
        var existing = _aliases.FirstOrDefault(a => a.NormalisedAlias == normalised);
        if (existing is not null)
        {
            return existing;
        }

        var added = new PersonAlias(this, alias);
        _aliases.Add(added);
        return added;
    }

    /// <summary>Makes the aliases exactly <paramref name="aliases"/> plus the name itself, compared by folded form.</summary>
    public void SetAliases(IEnumerable<string> aliases)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        var wanted = aliases.Append(Name).Select(a => Guard.Text(a)).ToList();
        var keys = wanted.Select(SearchKey.ForName).ToHashSet(StringComparer.Ordinal);
        _aliases.RemoveAll(a => !keys.Contains(a.NormalisedAlias));
        foreach (var alias in wanted)
        {
            AddAlias(alias);
        }
    }

    public PersonRole AddRole(string title, string? organisation, DateOnly? startedOn, DateOnly? endedOn)
    {
        var role = new PersonRole(this, title, organisation, startedOn, endedOn);
        _roles.Add(role);
        return role;
    }

    /// <summary>Removes a role recorded by mistake; returns false when the person has no such role.</summary>
    public bool RemoveRole(long roleId) => _roles.RemoveAll(r => r.Id == roleId) > 0;

    /// <summary>The roles held on <paramref name="date"/>, e.g. to show Rutte as NATO secretary-general in 2025.</summary>
    public IEnumerable<PersonRole> RolesOn(DateOnly date) => _roles.Where(r => r.IsHeldOn(date));

    /// <summary>
    /// Marks this record as a duplicate of <paramref name="survivor"/> and moves its slug to a redirect there.
    /// Statements must be repointed to the survivor by the caller before saving.
    /// </summary>
    public void MergeInto(Person survivor)
    {
        ArgumentNullException.ThrowIfNull(survivor);
        if (ReferenceEquals(survivor, this) || (survivor.Id != 0 && survivor.Id == Id))
        {
            throw new InvalidOperationException("A person cannot be merged into itself.");
        }

        if (MergedInto is not null || MergedIntoId is not null)
        {
            throw new InvalidOperationException($"{Name} was already merged.");
        }

        MergedInto = survivor;
        survivor._slugRedirects.Add(new PersonSlugRedirect(survivor, Slug));
        foreach (var alias in _aliases)
        {
            survivor.AddAlias(alias.Alias);
        }

        // The merged record keeps a slug of its own, since slugs are unique and the old one now redirects.
        Slug = $"{Slug}-merged-{Guid.NewGuid():N}";
    }

    private static string RequireSlug(string slug)
    {
        var trimmed = Guard.Text(slug);
        return Common.Slug.IsValid(trimmed) ? trimmed : throw new ArgumentException($"'{slug}' is not a slug like 'mark-rutte'.", nameof(slug));
    }

    private static string? RequireWikidataId(string? wikidataId)
    {
        var id = Guard.OptionalText(wikidataId);
        return id is null || WikidataIdRegex().IsMatch(id) ? id : throw new ArgumentException($"'{wikidataId}' is not a Wikidata id like 'Q57792'.", nameof(wikidataId));
    }

    [GeneratedRegex(WikidataIdPattern)]
    private static partial Regex WikidataIdRegex();
}
