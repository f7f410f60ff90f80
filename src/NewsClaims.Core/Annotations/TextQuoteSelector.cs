namespace NewsClaims.Core.Annotations;

/// <summary>W3C TextQuoteSelector: the exact words, with a little context either side to find them again.</summary>
public sealed class TextQuoteSelector
{
    public TextQuoteSelector(string exact, string? prefix = null, string? suffix = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(exact);
        Exact = exact;
        Prefix = prefix;
        Suffix = suffix;
    }

    public string Exact { get; private set; }

    public string? Prefix { get; private set; }

    public string? Suffix { get; private set; }
}
