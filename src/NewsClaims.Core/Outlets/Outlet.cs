using NewsClaims.Core.Common;

namespace NewsClaims.Core.Outlets;

/// <summary>A publication articles come from. Names are unique regardless of case.</summary>
public class Outlet : IHasUpdatedAt
{
    private Outlet()
    {
        Name = null!;
    }

    public Outlet(string name, string? webDomain = null)
    {
        Name = Guard.Text(name);
        WebDomain = NormaliseDomain(webDomain);
    }

    public long Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>Lowercase host without scheme or "www.", e.g. <c>example.org</c>.</summary>
    public string? WebDomain { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public void Rename(string name)
    {
        Name = Guard.Text(name);
    }

    public void MoveTo(string? webDomain) => WebDomain = NormaliseDomain(webDomain);

    public static string? NormaliseDomain(string? webDomain)
    {
        if (string.IsNullOrWhiteSpace(webDomain))
        {
            return null;
        }

        var host = webDomain.Trim().ToLowerInvariant();
        if (Uri.TryCreate(host.Contains("://", StringComparison.Ordinal) ? host : "http://" + host, UriKind.Absolute, out var uri))
        {
            host = uri.Host;
        }

        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }
}
