namespace NewsClaims.Core.Common;

/// <summary>Whether a statement or annotation still points at its words after the article body was revised.</summary>
public enum AnchorStatus
{
    Anchored,
    Orphaned,
}
