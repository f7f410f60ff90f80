namespace NewsClaims.Core.Common;

/// <summary>
/// A piece of an article body: UTF-16 offsets (C# string indices), end-exclusive, and the exact text found there.
/// </summary>
public sealed record TextSpan
{
    public TextSpan(int start, int end, string text)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(end, start);
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length != end - start)
        {
            throw new ArgumentException($"Text of length {text.Length} does not fit the span {start}..{end}.", nameof(text));
        }

        Start = start;
        End = end;
        Text = text;
    }

    public int Start { get; }

    public int End { get; }

    public string Text { get; }

    public int Length => End - Start;

    /// <summary>Cuts the span out of <paramref name="body"/>; throws when it falls outside.</summary>
    public static TextSpan In(string body, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (start < 0 || end > body.Length || end <= start)
        {
            throw new ArgumentOutOfRangeException(nameof(end), $"Span {start}..{end} is outside a text of length {body.Length}.");
        }

        return new TextSpan(start, end, body[start..end]);
    }

    /// <summary>True when the span's text is exactly what <paramref name="body"/> holds at its offsets.</summary>
    public bool IsFoundIn(string body) =>
        End <= body.Length && body.AsSpan(Start, Length).SequenceEqual(Text);
}
