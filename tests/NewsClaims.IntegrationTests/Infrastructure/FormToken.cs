using System.Text.RegularExpressions;

namespace NewsClaims.IntegrationTests.Infrastructure;

/// <summary>The antiforgery token a page's forms carry, for posting them as a browser would.</summary>
public static partial class FormToken
{
    public static string In(string html) =>
        Pattern().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("The page has no antiforgery token.");

    /// <summary>The token of <paramref name="page"/>, fetched with <paramref name="client"/> (tokens belong to the signed-in account).</summary>
    public static async Task<string> FromAsync(HttpClient client, string page) => In(await client.GetStringAsync(page));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Pattern();
}
