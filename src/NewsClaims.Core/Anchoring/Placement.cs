using NewsClaims.Core.Common;

namespace NewsClaims.Core.Anchoring;

/// <summary>
/// Where a passage landed on the revised body, which rule put it there and how sure that rule is
/// (1 is certain, 0 orphaned). <see cref="Work"/> counts the comparisons spent, so tests can prove the bound.
/// </summary>
public sealed record Placement(AnchorRule Rule, double Score, TextSpan? Span, long Work)
{
    public bool IsOrphaned => Span is null;

    public static Placement Orphaned(long work) => new(AnchorRule.Orphaned, 0, null, work);
}
