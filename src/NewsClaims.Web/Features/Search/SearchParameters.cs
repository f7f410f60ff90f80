using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using NewsClaims.Data.Search;

namespace NewsClaims.Web.Features.Search;

/// <summary>The query string of <c>/search</c> and <c>/api/v1/search</c>: the same names on both.</summary>
public sealed class SearchParameters
{
    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    [FromQuery(Name = "person")]
    public string? Person { get; set; }

    [FromQuery(Name = "outlet")]
    public string? Outlet { get; set; }

    [FromQuery(Name = "year")]
    public string? Year { get; set; }

    [FromQuery(Name = "kind")]
    public string? Kind { get; set; }

    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    [FromQuery(Name = "verdict")]
    public string? Verdict { get; set; }

    [FromQuery(Name = "lang")]
    public string? Lang { get; set; }

    [FromQuery(Name = "from")]
    public string? From { get; set; }

    [FromQuery(Name = "to")]
    public string? To { get; set; }

    /// <summary><c>relevance</c>, <c>newest</c> or <c>oldest</c>.</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; set; }

    /// <summary>The <c>nextCursor</c> of the previous page (of the same tab).</summary>
    [FromQuery(Name = "after")]
    public string? After { get; set; }

    /// <summary><c>statements</c> (default), <c>claims</c> or <c>annotations</c>: the section whose items are returned; all three give totals.</summary>
    [FromQuery(Name = "tab")]
    public string? Tab { get; set; }

    /// <summary>Items per page on the tab, 1 to 50 (text, so a bad value is ignored rather than refused).</summary>
    [FromQuery(Name = "size")]
    public string? Size { get; set; }

    public SearchRequest ToRequest() => new()
    {
        Query = Q,
        Person = Person,
        Outlet = Outlet,
        Year = Year,
        Kind = Kind,
        Status = Status,
        Verdict = Verdict,
        Language = Lang,
        From = From,
        To = To,
        Sort = Sort,
        After = After,
        Tab = Tab,
        PageSize = int.TryParse(Size, NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : 20,
    };

    /// <summary>Route values for a link to this search with one parameter changed (null removes it); paging restarts.</summary>
    public Dictionary<string, string> With(string? name = null, string? value = null, string? tab = null)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        void Put(string key, string? v)
        {
            if (!string.IsNullOrWhiteSpace(v))
            {
                values[key] = v;
            }
        }

        Put("q", Q);
        Put("person", Person);
        Put("outlet", Outlet);
        Put("year", Year);
        Put("kind", Kind);
        Put("status", Status);
        Put("verdict", Verdict);
        Put("lang", Lang);
        Put("from", From);
        Put("to", To);
        Put("sort", Sort);
        Put("tab", tab);
        if (name is not null)
        {
            values.Remove(name);
            Put(name, value);
        }

        return values;
    }
}
