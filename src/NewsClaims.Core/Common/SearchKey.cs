using System.Globalization;
using System.Text;

namespace NewsClaims.Core.Common;

/// <summary>
/// The one place where names and quotes are folded for lookup: lowercase, accents removed, whitespace collapsed.
/// Alias lookups and quote grouping must agree with it, so nothing else should fold text on its own.
/// </summary>
public static class SearchKey
{
    // Letters that Unicode does not decompose into base + accent, folded as PostgreSQL's unaccent does.
    private static readonly Dictionary<char, string> Unaccented = new()
    {
        ['ł'] = "l", ['ø'] = "o", ['đ'] = "d", ['ħ'] = "h", ['ı'] = "i", ['ß'] = "ss", ['æ'] = "ae", ['œ'] = "oe", ['þ'] = "th",
    };

    /// <summary>"Zelenskyy", "ZELENSKYY" and "Zelénskyy" all give "zelenskyy".</summary>
    public static string ForName(string text) => Fold(text, keepPunctuation: true);

    /// <summary>Like <see cref="ForName"/>, and drops punctuation and quote marks, so typography does not split a quote group.</summary>
    public static string ForQuote(string text) => Fold(text, keepPunctuation: false);

    private static string Fold(string text, bool keepPunctuation)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var isWord = char.IsLetterOrDigit(c);
            if (char.IsWhiteSpace(c) || (!keepPunctuation && !isWord))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            var lower = char.ToLowerInvariant(c);
            builder.Append(Unaccented.TryGetValue(lower, out var plain) ? plain : lower.ToString());
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
