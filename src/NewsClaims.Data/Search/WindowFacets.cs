using System.Runtime.InteropServices;

namespace NewsClaims.Data.Search;

/// <summary>One statement of the window of most recent matches: what the facets count and the ranked page sorts.</summary>
internal readonly record struct WindowRow(long Id, long? SpeakerId, long? OutletId, int? Year, string Kind, string Status, string[]? Verdicts, float Score);

/// <summary>
/// Facet counts over the window of most recent matches, counted by the site from the window's rows: PostgreSQL only
/// finds and scores the window, and names the people and outlets that make the top lists. A statement counts once for
/// each distinct verdict of the claims it is grouped into (its row carries them, see <see cref="SearchSchema.Verdicts"/>).
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
    private readonly List<FacetValue> verdicts;

    public WindowFacets(IReadOnlyList<WindowRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);

        // One pass with counters: this runs on every first-time search, so no grouping objects per value.
        var bySpeaker = new Dictionary<long, long>();
        var byOutlet = new Dictionary<long, long>();
        var byYear = new Dictionary<int, long>();
        var byKind = new Dictionary<string, long>(StringComparer.Ordinal);
        var byStatus = new Dictionary<string, long>(StringComparer.Ordinal);
        var byVerdict = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.SpeakerId is { } speaker)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(bySpeaker, speaker, out _)++;
            }

            if (row.OutletId is { } outlet)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(byOutlet, outlet, out _)++;
            }

            if (row.Year is { } year)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(byYear, year, out _)++;
            }

            CollectionsMarshal.GetValueRefOrAddDefault(byKind, row.Kind, out _)++;
            CollectionsMarshal.GetValueRefOrAddDefault(byStatus, row.Status, out _)++;
            foreach (var verdict in row.Verdicts ?? [])
            {
                CollectionsMarshal.GetValueRefOrAddDefault(byVerdict, verdict, out _)++;
            }
        }

        people = Top(bySpeaker, TopPeople);
        outlets = Top(byOutlet, TopOutlets);
        years = [.. byYear.OrderByDescending(y => y.Key).Take(TopYears).Select(y => new FacetValue(Text(y.Key), Text(y.Key), y.Value))];
        kinds = ByCount(byKind.Select(k => (k.Key, k.Value)));
        statuses = ByCount(byStatus.Select(k => (k.Key, k.Value)));
        verdicts = ByCount(byVerdict.Select(k => (k.Key, k.Value)));
    }

    /// <summary>The people whose names the facet needs, most frequent first.</summary>
    public long[] PersonIds => [.. people.Select(p => p.Id)];

    /// <summary>The outlets whose names the facet needs, most frequent first.</summary>
    public long[] OutletIds => [.. outlets.Select(o => o.Id)];

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
        IReadOnlyDictionary<long, (string Slug, string Name)> personNames, IReadOnlyDictionary<long, string> outletNames) =>
        new(StringComparer.Ordinal)
        {
            ["person"] = [.. people.Where(p => personNames.ContainsKey(p.Id)).Select(p => new FacetValue(personNames[p.Id].Slug, personNames[p.Id].Name, p.Count))],
            ["outlet"] = [.. outlets.Where(o => outletNames.ContainsKey(o.Id)).Select(o => new FacetValue(Text(o.Id), outletNames[o.Id], o.Count))],
            ["year"] = years,
            ["kind"] = kinds,
            ["status"] = statuses,
            ["verdict"] = verdicts,
        };

    private static List<(long Id, long Count)> Top(Dictionary<long, long> counts, int count) =>
        [.. counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key).Take(count).Select(c => (c.Key, c.Value))];

    private static string Text(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
