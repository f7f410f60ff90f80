using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsClaims.IntegrationTests.Reader;

/// <summary>Small readers for the parts of a page the tests check: JSON-LD, meta tags, links.</summary>
public static partial class Html
{
    public static JsonElement JsonLd(string html)
    {
        var match = JsonLdScript().Match(html);
        Assert.True(match.Success, "the page has no JSON-LD script");
        return JsonDocument.Parse(match.Groups[1].Value).RootElement;
    }

    public static string? Meta(string html, string property)
    {
        var match = Regex.Match(html, $"<meta (?:property|name)=\"{Regex.Escape(property)}\" content=\"([^\"]*)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    public static string? Canonical(string html)
    {
        var match = CanonicalLink().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    /// <summary>The page's text with tags removed and runs of white space collapsed, as a reader sees it.</summary>
    public static string Text(string html) => Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ");

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLdScript();

    [GeneratedRegex("<link rel=\"canonical\" href=\"([^\"]*)\"")]
    private static partial Regex CanonicalLink();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
