using System.Text.RegularExpressions;
using NewsClaims.Core.Common;

namespace NewsClaims.Data.Search;

public enum DiffKind
{
    Same,

    /// <summary>Words of the remembered quote that the real statement does not have.</summary>
    Removed,

    /// <summary>Words of the real statement that the remembered quote left out or changed.</summary>
    Inserted,
}

public sealed record DiffPart(string Text, DiffKind Kind);

/// <summary>
/// A word-level diff between a quote as remembered and the real wording (longest common subsequence over words,
/// compared accent-, case- and punctuation-blind), and the similarity it implies.
/// </summary>
public static partial class WordDiff
{
    public static IReadOnlyList<DiffPart> Compare(string remembered, string actual)
    {
        var left = Tokens(remembered);
        var right = Tokens(actual);
        var lengths = LcsTable(left, right);
        var parts = new List<DiffPart>();
        int i = 0, j = 0;
        while (i < left.Count || j < right.Count)
        {
            if (i < left.Count && j < right.Count && left[i].Key == right[j].Key)
            {
                Append(parts, right[j].Text, DiffKind.Same);
                i++;
                j++;
            }
            else if (j < right.Count && (i == left.Count || lengths[i, j + 1] >= lengths[i + 1, j]))
            {
                Append(parts, right[j].Text, DiffKind.Inserted);
                j++;
            }
            else
            {
                Append(parts, left[i].Text, DiffKind.Removed);
                i++;
            }
        }

        return parts;
    }

    /// <summary>2 × common words ÷ all words (1 is identical wording, 0 nothing in common).</summary>
    public static double Similarity(string remembered, string actual)
    {
        var left = Tokens(remembered);
        var right = Tokens(actual);
        if (left.Count + right.Count == 0)
        {
            return 0;
        }

        return 2.0 * LcsTable(left, right)[0, 0] / (left.Count + right.Count);
    }

    /// <summary>Optimal string alignment distance (a swap of neighbours is one edit), or <paramref name="limit"/> + 1 when beyond it.</summary>
    public static int EditDistance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var rowMinimum = int.MaxValue;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }

                rowMinimum = Math.Min(rowMinimum, d[i, j]);
            }

            if (rowMinimum > limit)
            {
                return limit + 1;
            }
        }

        return Math.Min(d[a.Length, b.Length], limit + 1);
    }

    private static void Append(List<DiffPart> parts, string text, DiffKind kind)
    {
        if (parts.Count > 0 && parts[^1].Kind == kind)
        {
            parts[^1] = parts[^1] with { Text = parts[^1].Text + " " + text };
        }
        else
        {
            parts.Add(new DiffPart(text, kind));
        }
    }

    private static int[,] LcsTable(IReadOnlyList<(string Text, string Key)> left, IReadOnlyList<(string Text, string Key)> right)
    {
        var lengths = new int[left.Count + 1, right.Count + 1];
        for (var i = left.Count - 1; i >= 0; i--)
        {
            for (var j = right.Count - 1; j >= 0; j--)
            {
                lengths[i, j] = left[i].Key == right[j].Key ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        return lengths;
    }

    /// <summary>Words as written (with their punctuation, for display) and folded (for comparing); at most 400.</summary>
    private static List<(string Text, string Key)> Tokens(string text) =>
        [.. Whitespace().Split(text)
            .Select(t => (Text: t, Key: SearchKey.ForQuote(t)))
            .Where(t => t.Key.Length > 0)
            .Take(400)];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
