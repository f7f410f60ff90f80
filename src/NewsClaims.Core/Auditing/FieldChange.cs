namespace NewsClaims.Core.Auditing;

/// <summary>One field's value before and after a change, as text.</summary>
public sealed record FieldChange(string? From, string? To);
