using NewsClaims.Data.Search;

namespace NewsClaims.Web.Features.Search;

public sealed record SearchPageModel(SearchParameters Parameters, SearchResult Result, string Tab)
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

    public bool HasQuery => Result.Query.Length > 0 || Result.AppliedFilters.Count > 0;
}

public sealed record QuoteCheckPageModel(string? Text, QuoteCheckResult? Result);

/// <summary>The search box; with a person it searches within that person's statements.</summary>
public sealed record SearchBox(string? Query = null, string? PersonSlug = null, string? PersonName = null);
