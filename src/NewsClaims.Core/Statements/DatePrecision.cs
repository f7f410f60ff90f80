namespace NewsClaims.Core.Statements;

/// <summary>How much of a when-said date the text gives: "December 19, 2025", "December", "2025", or nothing.</summary>
public enum DatePrecision
{
    Unknown,
    Day,
    Month,
    Year,
}
