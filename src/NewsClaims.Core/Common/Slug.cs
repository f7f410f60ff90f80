using System.Text.RegularExpressions;

namespace NewsClaims.Core.Common;

/// <summary>URL slugs such as <c>mark-rutte</c>: lowercase ASCII letters and digits joined by single hyphens.</summary>
public static class Slug
{
    public const string Pattern = "^[a-z0-9]+(-[a-z0-9]+)*$";

    public static string From(string text)
    {
        var folded = SearchKey.ForQuote(text);
        var parts = folded
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => new string([.. part.Where(char.IsAsciiLetterOrDigit)]))
            .Where(part => part.Length > 0);
        var slug = string.Join('-', parts);
        if (slug.Length > 0)
        {
            return slug;
        }

        // No Latin letters to keep ("Путин", "习近平"): a stable slug from the name's hash, until an editor sets one.
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return "name-" + ContentHash.Of(SearchKey.ForName(text))[..10];
    }

    public static bool IsValid(string slug) =>
        Regex.IsMatch(slug, Pattern);
}
