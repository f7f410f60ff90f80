using NewsClaims.Data.Search;

namespace NewsClaims.Web.Features.Search;

public sealed record SearchPageModel(SearchParameters Parameters, SearchResult Result)
{
    public static readonly IReadOnlyDictionary<string, string> FacetTitles = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["person"] = "Person",
        ["outlet"] = "Outlet",
        ["year"] = "Year",
        ["kind"] = "Kind",
        ["status"] = "Review status",
        ["verdict"] = "Claim verdict",
    };

    public ResultTab Tab => Result.Tab;

    /// <summary>A tab's count as shown: with a plus when counting stopped at the window.</summary>
    public static string Count(long total, bool isLowerBound) => total.ToString("N0", System.Globalization.CultureInfo.CurrentCulture) + (isLowerBound ? "+" : "");

    public bool HasQuery => Result.Query.Length > 0 || Result.AppliedFilters.Count > 0;
}

public sealed record QuoteCheckPageModel(string? Text, QuoteCheckResult? Result);

/// <summary>The search box; with a person it searches within that person's statements.</summary>
public sealed record SearchBox(string? Query = null, string? PersonSlug = null, string? PersonName = null);
