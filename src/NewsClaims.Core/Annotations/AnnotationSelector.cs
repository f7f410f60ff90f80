using NewsClaims.Core.Common;

namespace NewsClaims.Core.Annotations;

/// <summary>
/// Where in an article an annotation points, stored as JSON. Both selectors are kept: the position is fast,
/// the quote survives edits to the body (re-anchoring searches for exact + prefix + suffix).
/// </summary>
public sealed class AnnotationSelector
{
    private AnnotationSelector()
    {
        Quote = null!;
    }

    public AnnotationSelector(TextQuoteSelector quote, TextPositionSelector? position)
    {
        ArgumentNullException.ThrowIfNull(quote);
        Quote = quote;
        Position = position;
    }

    public TextQuoteSelector Quote { get; private set; }

    public TextPositionSelector? Position { get; private set; }

    /// <summary>Both selectors for <paramref name="span"/> of <paramref name="body"/>, with up to 32 characters of context.</summary>
    public static AnnotationSelector For(string body, TextSpan span, int context = 32)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(span);
        if (!span.IsFoundIn(body))
        {
            throw new ArgumentException($"'{span.Text}' is not at {span.Start}..{span.End} in the body.", nameof(span));
        }

        var prefixStart = Math.Max(0, span.Start - context);
        var suffixEnd = Math.Min(body.Length, span.End + context);
        return new AnnotationSelector(
            new TextQuoteSelector(span.Text, body[prefixStart..span.Start], body[span.End..suffixEnd]),
            new TextPositionSelector(span.Start, span.End));
    }
}
