namespace NewsClaims.Data.Search;

/// <summary>One statement of the window of most recent matches: what the facets count and the ranked page sorts.</summary>
internal readonly record struct WindowRow(long Id, long? SpeakerId, long? OutletId, int? Year, string Kind, string Status, float Score);

/// <summary>
/// Facet counts over the window of most recent matches, counted by the site from the window's rows: PostgreSQL only
/// finds and scores the window, and names the people and outlets that make the top lists. The verdicts come from the
/// database (claims are not in the window's rows).
/// </summary>
internal sealed class WindowFacets
{
    public const int TopPeople = 10;

    public const int TopOutlets = 10;

    public const int TopYears = 20;

    private readonly List<(long Id, long Count)> people;
    private readonly List<(long Id, long Count)> outlets;
    private readonly List<FacetValue> years;
    private readonly List<FacetValue> kinds;
    private readonly List<FacetValue> statuses;

    public WindowFacets(IReadOnlyList<WindowRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        people = Top(rows.Where(r => r.SpeakerId is not null).GroupBy(r => r.SpeakerId!.Value), TopPeople);
        outlets = Top(rows.Where(r => r.OutletId is not null).GroupBy(r => r.OutletId!.Value), TopOutlets);
        years = [.. rows.Where(r => r.Year is not null).GroupBy(r => r.Year!.Value)
            .OrderByDescending(g => g.Key).Take(TopYears)
            .Select(g => new FacetValue(Text(g.Key), Text(g.Key), g.LongCount()))];
        kinds = ByCount(rows.GroupBy(r => r.Kind, StringComparer.Ordinal).Select(g => (g.Key, g.LongCount())));
        statuses = ByCount(rows.GroupBy(r => r.Status, StringComparer.Ordinal).Select(g => (g.Key, g.LongCount())));
    }

    /// <summary>The people whose names the facet needs, most frequent first.</summary>
    public IReadOnlyList<long> PersonIds => [.. people.Select(p => p.Id)];

    /// <summary>The outlets whose names the facet needs, most frequent first.</summary>
    public IReadOnlyList<long> OutletIds => [.. outlets.Select(o => o.Id)];

    /// <summary>Enum values (kind, status, verdict) are shown with spaces for underscores.</summary>
    public static string EnumLabel(string value) => value.Replace('_', ' ');

    /// <summary>Most frequent first, then by value; labels as <see cref="EnumLabel"/>.</summary>
    public static List<FacetValue> ByCount(IEnumerable<(string Value, long Count)> counts) =>
        [.. counts.OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal)
            .Select(c => new FacetValue(c.Value, EnumLabel(c.Value), c.Count))];

    /// <summary>
    /// Every facet, by parameter name. A person or outlet the names do not cover (deleted meanwhile) is left out, as
    /// a join would.
    /// </summary>
    public Dictionary<string, IReadOnlyList<FacetValue>> With(
        IReadOnlyDictionary<long, (string Slug, string Name)> personNames, IReadOnlyDictionary<long, string> outletNames, IReadOnlyList<FacetValue> verdicts) =>
        new(StringComparer.Ordinal)
        {
            ["person"] = [.. people.Where(p => personNames.ContainsKey(p.Id)).Select(p => new FacetValue(personNames[p.Id].Slug, personNames[p.Id].Name, p.Count))],
            ["outlet"] = [.. outlets.Where(o => outletNames.ContainsKey(o.Id)).Select(o => new FacetValue(Text(o.Id), outletNames[o.Id], o.Count))],
            ["year"] = years,
            ["kind"] = kinds,
            ["status"] = statuses,
            ["verdict"] = verdicts,
        };

    private static List<(long Id, long Count)> Top(IEnumerable<IGrouping<long, WindowRow>> groups, int count) =>
        [.. groups.Select(g => (Id: g.Key, Count: g.LongCount())).OrderByDescending(g => g.Count).ThenBy(g => g.Id).Take(count)];

    private static string Text(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
