namespace NewsClaims.Core.Claims;

/// <summary>A source a verdict rests on.</summary>
public sealed class VerdictSource
{
    public VerdictSource(string title, string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        Title = title.Trim();
        Url = url.Trim();
    }

    public string Title { get; private set; }

    public string Url { get; private set; }
}
