using System.Text;
using System.Text.RegularExpressions;

namespace NewsClaims.Data.Search;

/// <summary>What user-typed search text may contain before it reaches PostgreSQL, and the words in it.</summary>
public static partial class QueryText
{
    public const int MaxQueryLength = 300;

    /// <summary>Start and stop marks that <c>ts_headline</c> puts around matched words; never in stored text.</summary>
    public const char MarkStart = '\u0002';

    public const char MarkStop = '\u0003';

    /// <summary>Control characters become spaces, runs of whitespace one space, and the text is cut at a word boundary.</summary>
    public static (string Text, bool Truncated) Clean(string? raw, int maxLength = MaxQueryLength)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return ("", false);
        }

        var builder = new StringBuilder(Math.Min(raw.Length, maxLength + 1));
        var pendingSpace = false;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '\uFFFD' or '\uFEFF')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            // A lone surrogate is not text PostgreSQL can store; a valid pair is copied whole.
            var pair = char.IsHighSurrogate(c) && i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1]);
            if (char.IsSurrogate(c) && !pair)
            {
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
            if (pair)
            {
                builder.Append(raw[++i]);
            }

            if (builder.Length > maxLength)
            {
                break;
            }
        }

        if (builder.Length <= maxLength)
        {
            return (builder.ToString(), false);
        }

        var text = builder.ToString(0, char.IsHighSurrogate(builder[maxLength - 1]) ? maxLength - 1 : maxLength);
        var lastSpace = text.LastIndexOf(' ');
        return ((lastSpace > maxLength / 2 ? text[..lastSpace] : text).TrimEnd(), true);
    }

    /// <summary>The words of a query that spelling can be checked on: letters only, three or more, not the <c>or</c> operator.</summary>
    public static IReadOnlyList<string> Words(string query) =>
        [.. WordPattern().Matches(query).Select(m => m.Value).Where(w => w.Length >= 3 && !w.Equals("or", StringComparison.OrdinalIgnoreCase))];

    /// <summary>Words the query excludes with a leading minus (<c>-ostrovia</c>).</summary>
    public static IReadOnlySet<string> Excluded(string query) =>
        ExcludedPattern().Matches(query).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>The query with some words replaced, quotes, minus signs and <c>or</c> kept where they were.</summary>
    public static string Replace(string query, IReadOnlyDictionary<string, string> corrections) =>
        WordPattern().Replace(query, m => corrections.TryGetValue(m.Value, out var better) ? better : m.Value);

    /// <summary>Splits a <c>ts_headline</c> result at its marks.</summary>
    public static IReadOnlyList<SnippetPart> Snippet(string headline)
    {
        var parts = new List<SnippetPart>();
        var position = 0;
        while (position < headline.Length)
        {
            var start = headline.IndexOf(MarkStart, position);
            if (start < 0)
            {
                parts.Add(new SnippetPart(headline[position..], false));
                break;
            }

            if (start > position)
            {
                parts.Add(new SnippetPart(headline[position..start], false));
            }

            var stop = headline.IndexOf(MarkStop, start + 1);
            if (stop < 0)
            {
                stop = headline.Length;
            }

            parts.Add(new SnippetPart(headline[(start + 1)..stop], true));
            position = stop + 1;
        }

        return [.. parts.Where(p => p.Text.Length > 0)];
    }

    [GeneratedRegex(@"\p{L}[\p{L}\p{M}]*")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"(?:^|\s)-(\p{L}[\p{L}\p{M}]*)")]
    private static partial Regex ExcludedPattern();
}
