using System.Globalization;
using NewsClaims.Core.Claims;
using NewsClaims.Core.Statements;
using NewsClaims.Web.Features.Shared;

namespace NewsClaims.Web.Features.Speakers;

public sealed record SpeakerListItem(string Name, string Slug, string? Description, int Statements);

public sealed record SpeakerIndexViewModel(string? Filter, string? Letter, string? After, IReadOnlyList<SpeakerListItem> People, string? NextAfter)
{
    public static IReadOnlyList<string> Letters { get; } = [.. "ABCDEFGHIJKLMNOPQRSTUVWXYZ".Select(c => c.ToString())];
}

public sealed record RoleView(string Title, string? Organisation, DateOnly? From, DateOnly? To)
{
    public string Dates => (From, To) switch
    {
        (null, null) => "dates not recorded",
        ({ } f, null) => $"since {f:d MMMM yyyy}",
        (null, { } t) => $"until {t:d MMMM yyyy}",
        ({ } f, { } t) => $"{f:d MMMM yyyy} – {t:d MMMM yyyy}",
    };
}

/// <summary>What orders and narrows a timeline without reading the statements' text.</summary>
public sealed record TimelineKey(long Id, DateOnly? Date, long? OutletId, StatementKind Kind);

public sealed record MonthCount(int Year, int Month, int Count);

public sealed record NamedCount(string Name, int Count);

public sealed record PersonCount(string Name, string Slug, int Count);

/// <summary>What a reader narrows one person's statements by; every value comes from the query string.</summary>
public sealed record SpeakerFilter(int? Year, string? Outlet, StatementKind? Kind, VerdictRating? Verdict, string? Q, string? Before)
{
    public bool IsEmpty => Year is null && string.IsNullOrWhiteSpace(Outlet) && Kind is null && Verdict is null && string.IsNullOrWhiteSpace(Q);

    /// <summary>The filter's query values, for links that keep it (next page, chart).</summary>
    public Dictionary<string, string> RouteValues(string slug)
    {
        var values = new Dictionary<string, string> { ["slug"] = slug };
        if (Year is { } y) { values["year"] = y.ToString(CultureInfo.InvariantCulture); }
        if (!string.IsNullOrWhiteSpace(Outlet)) { values["outlet"] = Outlet; }
        if (Kind is { } k) { values["kind"] = k.ToString().ToLowerInvariant(); }
        if (Verdict is { } v) { values["verdict"] = v.ToString(); }
        if (!string.IsNullOrWhiteSpace(Q)) { values["q"] = Q; }
        return values;
    }
}

/// <summary>One statement on a person's timeline.</summary>
public sealed record TimelineItem(
    long Id,
    string Text,
    StatementKind Kind,
    string? Cue,
    string? Place,
    string? Occasion,
    string? WhenText,
    DateOnly? WhenDate,
    DatePrecision WhenPrecision,
    long ArticleId,
    string ArticleTitle,
    string? Outlet,
    DateOnly? Published,
    string? ReportedVia,
    StatementStatus Status,
    double Confidence)
{
    public DateOnly? SortDate => WhenDate ?? Published;

    public string KindLabel => Kind switch
    {
        StatementKind.Direct => "direct quote",
        StatementKind.Indirect => "reported speech",
        _ => "mixed quote",
    };
}

/// <summary>Timeline statements said (or, when the text gives no date, published) on the same date.</summary>
public sealed record TimelineGroup(string Heading, string? IsoDate, IReadOnlyList<TimelineItem> Items)
{
    public static IReadOnlyList<TimelineGroup> From(IReadOnlyList<TimelineItem> items) =>
        [.. items
            .GroupBy(i => (Heading: HeadingFor(i), Iso: i.SortDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .Select(g => new TimelineGroup(g.Key.Heading, g.Key.Iso, [.. g]))];

    private static string HeadingFor(TimelineItem i) => (i.WhenDate, i.WhenPrecision, i.Published) switch
    {
        ({ } d, DatePrecision.Day, _) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
        ({ } d, DatePrecision.Month, _) => d.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
        ({ } d, DatePrecision.Year, _) => d.ToString("yyyy", CultureInfo.InvariantCulture),
        (null, _, { } p) => $"Published {p.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}",
        _ => "Date not known",
    };
}

/// <summary>Keyset position on a timeline: the last statement shown, as "yyyy-MM-dd.id".</summary>
public static class TimelineCursor
{
    public static string Format(DateOnly date, long id) => $"{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.{id}";

    public static bool TryParse(string? text, out (DateOnly Date, long Id) cursor)
    {
        cursor = default;
        var dot = text?.IndexOf('.') ?? -1;
        if (dot > 0
            && DateOnly.TryParseExact(text![..dot], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && long.TryParse(text[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            cursor = (date, id);
            return true;
        }

        return false;
    }
}

public sealed record SpeakerViewModel(
    string Name,
    string Slug,
    string? Description,
    string? WikidataId,
    bool NeedsReview,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<RoleView> Roles,
    int TotalStatements,
    IReadOnlyList<MonthCount> Months,
    IReadOnlyList<NamedCount> Outlets,
    IReadOnlyList<PersonCount> TalksAbout,
    IReadOnlyList<PersonCount> Addresses,
    IReadOnlyList<PersonCount> MentionedBy,
    SpeakerFilter Filter,
    int MatchingStatements,
    IReadOnlyList<TimelineGroup> Timeline,
    string? NextBefore)
{
    public long Id { get; init; }

    /// <summary>Editors' notes on the person (published ones; drafts too for editors).</summary>
    public IReadOnlyList<AnnotationView> Annotations { get; init; } = [];

    public IReadOnlyList<int> Years => [.. Months.Select(m => m.Year).Distinct().OrderDescending()];

    /// <summary>Every month from the first to the last statement, zeros included, so the chart's time axis is honest.</summary>
    public IReadOnlyList<MonthCount> MonthSeries
    {
        get
        {
            if (Months.Count == 0)
            {
                return [];
            }

            var counts = Months.ToDictionary(m => (m.Year, m.Month), m => m.Count);
            var series = new List<MonthCount>();
            for (var d = new DateOnly(Months[0].Year, Months[0].Month, 1); d <= new DateOnly(Months[^1].Year, Months[^1].Month, 1); d = d.AddMonths(1))
            {
                series.Add(new MonthCount(d.Year, d.Month, counts.GetValueOrDefault((d.Year, d.Month))));
            }

            return series;
        }
    }
}

public abstract record SpeakerLookup
{
    public sealed record Found(SpeakerViewModel Person) : SpeakerLookup;

    public sealed record MovedTo(string Slug) : SpeakerLookup;

    public sealed record Missing : SpeakerLookup;
}
