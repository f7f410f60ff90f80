namespace NewsClaims.Core.Anchoring;

/// <summary>
/// The bounded approximate search for a passage that was itself edited: the best match of the pattern inside a
/// window of the text, by edit distance with a free start and end (Sellers), at most
/// <see cref="MaxErrorRate"/> of the pattern's length in edits. Cost is pattern × window cells and two rows of memory;
/// callers keep both bounded (<see cref="MaxPatternLength"/>).
/// </summary>
public static class FuzzyMatch
{
    /// <summary>At most one character in four may differ.</summary>
    public const double MaxErrorRate = 0.25;

    /// <summary>Shorter passages are words, not sentences: a near miss is more likely another word than a typo fix.</summary>
    public const int MinPatternLength = 10;

    /// <summary>Longer passages are checked against the edit's shared stretches instead (<see cref="OffsetMap.SharedBetween"/>).</summary>
    public const int MaxPatternLength = 1024;

    /// <summary>The most alignment cells one search may fill: two passes over the widest window of the longest pattern.</summary>
    public const long MaxCells = 2L * MaxPatternLength * (MaxPatternLength + (2 * (64 + MaxPatternLength)));

    /// <summary>How far either side of the expected place the window reaches, beyond the pattern's own length.</summary>
    public static int Slack(int patternLength) => 64 + patternLength;

    /// <summary>
    /// The match within <paramref name="window"/> of <paramref name="text"/> with the fewest edits (ties: the one
    /// nearest <paramref name="expectedStart"/>), or null when every match needs more than <paramref name="maxEdits"/>.
    /// </summary>
    internal static (int Start, int End, int Edits)? Find(string text, string pattern, (int Start, int End) window, int expectedStart, int maxEdits, ref long work)
    {
        var m = pattern.Length;
        var (from, to) = window;
        if (m == 0 || to <= from)
        {
            return null;
        }

        // Forward pass: for each end position, the fewest edits of any match ending there.
        var best = (End: -1, Edits: int.MaxValue);
        var previous = new int[m + 1];
        var current = new int[m + 1];
        for (var i = 0; i <= m; i++)
        {
            previous[i] = i;
        }

        for (var j = from; j < to; j++)
        {
            current[0] = 0;
            var c = text[j];
            for (var i = 1; i <= m; i++)
            {
                var diagonal = previous[i - 1] + (pattern[i - 1] == c ? 0 : 1);
                current[i] = Math.Min(diagonal, Math.Min(previous[i], current[i - 1]) + 1);
            }

            work += m;
            var end = j + 1;
            var edits = current[m];
            if (edits < best.Edits || (edits == best.Edits && Math.Abs(end - expectedStart - m) < Math.Abs(best.End - expectedStart - m)))
            {
                best = (end, edits);
            }

            (previous, current) = (current, previous);
        }

        if (best.Edits > maxEdits)
        {
            return null;
        }

        // Backward pass from that end: the start with the fewest edits, nearest the expected start on a tie.
        for (var i = 0; i <= m; i++)
        {
            previous[i] = i;
        }

        // The end is fixed here, so skipping text costs an edit: row 0 counts the characters passed.
        var start = (At: best.End, Edits: int.MaxValue);
        for (var j = best.End - 1; j >= from; j--)
        {
            current[0] = best.End - j;
            var c = text[j];
            for (var i = 1; i <= m; i++)
            {
                var diagonal = previous[i - 1] + (pattern[m - i] == c ? 0 : 1);
                current[i] = Math.Min(diagonal, Math.Min(previous[i], current[i - 1]) + 1);
            }

            work += m;
            var edits = current[m];
            if (edits < start.Edits || (edits == start.Edits && Math.Abs(j - expectedStart) < Math.Abs(start.At - expectedStart)))
            {
                start = (j, edits);
            }

            (previous, current) = (current, previous);
        }

        return start.At < best.End && start.Edits <= maxEdits ? (start.At, best.End, start.Edits) : null;
    }
}
