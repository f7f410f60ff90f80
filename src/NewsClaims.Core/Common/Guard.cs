using System.Runtime.CompilerServices;

namespace NewsClaims.Core.Common;

/// <summary>Argument checks the entities share, so their constructors read as the rule and not the plumbing.</summary>
public static class Guard
{
    /// <summary>Non-blank text, trimmed.</summary>
    public static string Text(string? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        return value.Trim();
    }

    /// <summary>Null for null or blank text, else the trimmed text.</summary>
    public static string? OptionalText(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
