namespace NewsClaims.Core.Annotations;

/// <summary>W3C TextPositionSelector: UTF-16 offsets into the article body, end-exclusive.</summary>
public sealed class TextPositionSelector
{
    public TextPositionSelector(int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(end, start);
        Start = start;
        End = end;
    }

    public int Start { get; private set; }

    public int End { get; private set; }
}
