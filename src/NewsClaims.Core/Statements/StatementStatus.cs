namespace NewsClaims.Core.Statements;

/// <summary>Where a statement is in review: as the machine found it, or as an editor judged it.</summary>
public enum StatementStatus
{
    /// <summary>Found by the engine below the publishing confidence: waits in the review queue, not shown as fact.</summary>
    Extracted,

    /// <summary>Found by the engine with enough confidence to be shown, marked as machine-extracted; no editor has judged it.</summary>
    Published,

    Confirmed,
    Corrected,
    Rejected,
}
