namespace NewsClaims.Core.Anchoring;

/// <summary>
/// Every occurrence of a pattern in a text, overlapping ones included, by Knuth–Morris–Pratt: linear in both
/// lengths whatever the text (a plain search can be quadratic on "aaaa…" bodies).
/// </summary>
internal static class Occurrences
{
    /// <summary>Calls <paramref name="found"/> with the start of each occurrence, in order; returns the comparisons made.</summary>
    public static long Each(string text, string pattern, Action<int> found)
    {
        if (pattern.Length == 0 || pattern.Length > text.Length)
        {
            return 1;
        }

        var work = 0L;
        var border = new int[pattern.Length];
        for (int i = 1, k = 0; i < pattern.Length; i++)
        {
            while (k > 0 && pattern[i] != pattern[k])
            {
                k = border[k - 1];
                work++;
            }

            if (pattern[i] == pattern[k])
            {
                k++;
            }

            border[i] = k;
            work++;
        }

        for (int i = 0, k = 0; i < text.Length; i++)
        {
            while (k > 0 && text[i] != pattern[k])
            {
                k = border[k - 1];
                work++;
            }

            if (text[i] == pattern[k])
            {
                k++;
            }

            work++;
            if (k == pattern.Length)
            {
                found(i - pattern.Length + 1);
                k = border[k - 1];
            }
        }

        return work;
    }
}
