using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace NewsClaims.Web.Features.Api;

/// <summary>One page of a list and the way to the next: <c>next</c> is the URL to follow (also sent as a <c>Link</c> header), null on the last page.</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, string? NextCursor, string? Next);

/// <summary>The paging parameters every list takes: <c>limit</c> (1–200, default 50) and the opaque <c>cursor</c> a previous page gave.</summary>
public sealed class ApiPaging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    [FromQuery(Name = "limit")]
    [Range(1, MaxLimit)]
    public int Limit { get; set; } = DefaultLimit;

    [FromQuery(Name = "cursor")]
    [StringLength(200)]
    public string? Cursor { get; set; }
}

/// <summary>
/// Keyset positions, opaque to clients: the last row's sort key, base64url-encoded with the list's name so a
/// cursor from one list is refused by another. A page is read as <c>limit + 1</c> rows to know whether more follow.
/// </summary>
public static class ApiCursor
{
    public static string Encode(string list, params object[] key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(list + "|" + string.Join('|', key.Select(k => Convert.ToString(k, CultureInfo.InvariantCulture)))))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The key parts after the list's name, or null when the cursor is not one this list gave out.</summary>
    public static string[]? Decode(string list, string? cursor, int parts)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var fields = Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Split('|');
            return fields.Length == parts + 1 && fields[0] == list ? fields[1..] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static long? Id(string[]? parts, int index = 0) =>
        parts is not null && long.TryParse(parts[index], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public static DateOnly? Date(string[]? parts, int index = 0) =>
        parts is not null && DateOnly.TryParseExact(parts[index], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
