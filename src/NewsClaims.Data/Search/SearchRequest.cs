namespace NewsClaims.Data.Search;

public enum SearchSort
{
    Relevance,
    Newest,
    Oldest,
}

/// <summary>The section whose items a search returns; whichever is chosen, all three give their totals.</summary>
public enum ResultTab
{
    Statements,
    Claims,
    Annotations,
}

/// <summary>
/// One search as the page and the API receive it: raw strings, validated by <see cref="QuoteSearch"/>, which turns
/// anything it cannot use into a warning rather than an error.
/// </summary>
public sealed record SearchRequest
{
    public string? Query { get; init; }

    /// <summary>Person slug, e.g. <c>mark-rutte</c>.</summary>
    public string? Person { get; init; }

    /// <summary>Outlet id.</summary>
    public string? Outlet { get; init; }

    public string? Year { get; init; }

    /// <summary><c>direct</c>, <c>indirect</c> or <c>mixed</c>.</summary>
    public string? Kind { get; init; }

    /// <summary>Review status, e.g. <c>confirmed</c>.</summary>
    public string? Status { get; init; }

    /// <summary>Verdict of a claim the statement makes, e.g. <c>mostly_false</c>.</summary>
    public string? Verdict { get; init; }

    /// <summary>Article language (ISO 639-1).</summary>
    public string? Language { get; init; }

    /// <summary>Published on or after, <c>yyyy-MM-dd</c>.</summary>
    public string? From { get; init; }

    /// <summary>Published on or before, <c>yyyy-MM-dd</c>.</summary>
    public string? To { get; init; }

    /// <summary><c>relevance</c> (default), <c>newest</c> or <c>oldest</c>.</summary>
    public string? Sort { get; init; }

    /// <summary>The opaque keyset cursor of the page to continue after.</summary>
    public string? After { get; init; }

    /// <summary>
    /// <c>statements</c> (default), <c>claims</c> or <c>annotations</c>: whose items come back. Statement facets are
    /// counted on every tab; the others give only their totals, so a search ranks and highlights one section, not three.
    /// </summary>
    public string? Tab { get; init; }

    public int PageSize { get; init; } = 20;
}
