namespace NewsClaims.Core.Anchoring;

/// <summary>Which rule placed a passage on a revised body, in the order they are tried.</summary>
public enum AnchorRule
{
    /// <summary>The same words are still at the same offsets, and nothing before them moved.</summary>
    Position,

    /// <summary>The exact words were found elsewhere; their context and the edit chose the occurrence.</summary>
    Quote,

    /// <summary>The passage was itself edited (a typo fixed); an approximate match near where it should be.</summary>
    Fuzzy,

    /// <summary>Nowhere to be found: the passage keeps its old words and waits for an editor.</summary>
    Orphaned,
}
