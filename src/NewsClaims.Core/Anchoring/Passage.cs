using NewsClaims.Core.Annotations;
using NewsClaims.Core.Common;

namespace NewsClaims.Core.Anchoring;

/// <summary>
/// What is known about a passage of an old body: its exact words, a little context either side (W3C
/// TextQuoteSelector) and, when known, its offsets (TextPositionSelector, UTF-16, end-exclusive).
/// </summary>
public sealed record Passage
{
    /// <summary>Characters of context kept either side, as <see cref="AnnotationSelector.For"/> keeps them.</summary>
    public const int ContextLength = 32;

    public Passage(string exact, string? prefix = null, string? suffix = null, int? start = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(exact);
        if (start is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(start), start, "A passage cannot start before the body.");
        }

        Exact = exact;
        Prefix = prefix;
        Suffix = suffix;
        Start = start;
    }

    public string Exact { get; }

    public string? Prefix { get; }

    public string? Suffix { get; }

    /// <summary>Offset of <see cref="Exact"/> in the old body; null for a quote-only selector.</summary>
    public int? Start { get; }

    public int Length => Exact.Length;

    /// <summary>A span of <paramref name="body"/> with its context, e.g. a statement's words in the body it was anchored to.</summary>
    public static Passage In(string body, TextSpan span)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(span);
        if (!span.IsFoundIn(body))
        {
            // The stored offsets no longer fit that body: keep the words, let the quote rule find them.
            return new Passage(span.Text);
        }

        var prefixStart = Math.Max(0, span.Start - ContextLength);
        var suffixEnd = Math.Min(body.Length, span.End + ContextLength);
        return new Passage(span.Text, body[prefixStart..span.Start], body[span.End..suffixEnd], span.Start);
    }

    /// <summary>An annotation's selectors; the position is used only when it still describes the quote.</summary>
    public static Passage Of(AnnotationSelector selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var quote = selector.Quote;
        var position = selector.Position is { } p && p.End - p.Start == quote.Exact.Length ? p.Start : (int?)null;
        return new Passage(quote.Exact, quote.Prefix, quote.Suffix, position);
    }
}
