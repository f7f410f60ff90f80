namespace NewsClaims.Data.Import;

/// <summary>
/// One form per web address, so the same article reached through a tracking link is still a duplicate:
/// lowercase scheme and host, no default port, no fragment, no tracking parameters, no trailing slash.
/// </summary>
public static class CanonicalUrl
{
    private static readonly string[] TrackingPrefixes = ["utm_", "mc_", "pk_"];
    private static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "ref", "ref_src", "cmpid", "ito", "smid", "ocid",
    };

    /// <summary>Returns null for a missing address; throws <see cref="FormatException"/> for one that is not http(s).</summary>
    public static string? Normalise(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new FormatException($"'{url}' is not an absolute http or https address.");
        }

        var query = uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !IsTracking(p.Split('=', 2)[0]))
            .ToArray();
        var path = uri.AbsolutePath.Length > 1 ? uri.AbsolutePath.TrimEnd('/') : string.Empty;
        var port = uri.IsDefaultPort ? string.Empty : $":{uri.Port}";
        var rest = query.Length > 0 ? "?" + string.Join('&', query) : string.Empty;
        return $"{uri.Scheme}://{uri.IdnHost.ToLowerInvariant()}{port}{path}{rest}";
    }

    private static bool IsTracking(string name) =>
        TrackingParameters.Contains(name) || TrackingPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));
}
