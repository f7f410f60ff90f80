namespace NewsClaims.Core.Statements;

/// <summary>Where a statement is in review: as the machine found it, or as an editor judged it.</summary>
public enum StatementStatus
{
    Extracted,
    Confirmed,
    Corrected,
    Rejected,
}
