namespace NewsClaims.Core.Anchoring;

/// <summary>
/// Maps offsets of an old body onto its revision, from the stretches of text the two share: lines that occur
/// once in each (a patience diff) and the common start and end of every gap between them, then the same with
/// words inside each gap that is left. Inside a shared stretch the map is exact; inside a changed gap it is proportional. Building it
/// is linear in the bodies' length (plus a sort of the unique lines), whatever the edit.
/// </summary>
public sealed class OffsetMap
{
    private readonly List<Stretch> _shared;

    private OffsetMap(List<Stretch> shared, int oldLength, int newLength, long work)
    {
        _shared = shared;
        OldLength = oldLength;
        NewLength = newLength;
        Work = work;
    }

    public int OldLength { get; }

    public int NewLength { get; }

    /// <summary>Characters compared and lines hashed to build the map.</summary>
    public long Work { get; }

    public int SharedCount => _shared.Count;

    /// <summary>The shared stretches, in order, as (old start, new start, length).</summary>
    public IReadOnlyList<(int OldStart, int NewStart, int Length)> Shared =>
        [.. _shared.Select(s => (s.OldStart, s.NewStart, s.Length))];

    public static OffsetMap Between(string oldBody, string newBody)
    {
        ArgumentNullException.ThrowIfNull(oldBody);
        ArgumentNullException.ThrowIfNull(newBody);
        var work = 0L;
        var whole = new Gap(0, oldBody.Length, 0, newBody.Length);
        var byLine = FillGap(oldBody, newBody, whole, UniqueTokenMatches(oldBody, newBody, whole, Token.Line, ref work), ref work);

        // A paragraph with a correction inside stays one changed gap at line level; its words still mostly match.
        var shared = new List<Stretch>(byLine.Count * 2);
        foreach (var gap in GapsAround(byLine, oldBody.Length, newBody.Length))
        {
            if (gap.OldLength > 0 && gap.NewLength > 0)
            {
                shared.AddRange(FillGap(oldBody, newBody, gap, UniqueTokenMatches(oldBody, newBody, gap, Token.Word, ref work), ref work));
            }
        }

        shared.AddRange(byLine);
        shared.Sort((a, b) => a.OldStart.CompareTo(b.OldStart));
        return new OffsetMap(Merge(shared), oldBody.Length, newBody.Length, work);
    }

    /// <summary>
    /// The new range that took the old range's place: exact ends where they are shared, otherwise widened to the
    /// whole changed stretch around them. Words found inside it sit where the passage was.
    /// </summary>
    public (int Start, int End) Image(int oldStart, int oldEnd)
    {
        var i = LastStartingAtOrBefore(oldStart);
        var start = i >= 0 && oldStart < _shared[i].OldEnd ? _shared[i].NewStart + (oldStart - _shared[i].OldStart) : i >= 0 ? _shared[i].NewEnd : 0;
        var j = LastStartingAtOrBefore(oldEnd);
        var end = j >= 0 && oldEnd <= _shared[j].OldEnd ? _shared[j].NewStart + (oldEnd - _shared[j].OldStart) : j + 1 < _shared.Count ? _shared[j + 1].NewStart : NewLength;
        return (start, Math.Max(start, end));
    }

    /// <summary>Where <paramref name="oldOffset"/> (a start or an exclusive end) lands in the new body.</summary>
    public int Map(int oldOffset)
    {
        if (oldOffset <= 0)
        {
            return 0;
        }

        if (oldOffset >= OldLength)
        {
            return NewLength;
        }

        var i = LastStartingAtOrBefore(oldOffset);
        if (i >= 0 && oldOffset <= _shared[i].OldEnd)
        {
            return _shared[i].NewStart + (oldOffset - _shared[i].OldStart);
        }

        var (oldFrom, newFrom) = i >= 0 ? (_shared[i].OldEnd, _shared[i].NewEnd) : (0, 0);
        var (oldTo, newTo) = i + 1 < _shared.Count ? (_shared[i + 1].OldStart, _shared[i + 1].NewStart) : (OldLength, NewLength);
        var fraction = (double)(oldOffset - oldFrom) / Math.Max(1, oldTo - oldFrom);
        return Math.Clamp(newFrom + (int)Math.Round(fraction * (newTo - newFrom)), newFrom, newTo);
    }

    /// <summary>True when the old range lies inside one shared stretch: its words are unchanged at <see cref="Map"/>.</summary>
    public bool Keeps(int oldStart, int oldEnd)
    {
        var i = LastStartingAtOrBefore(oldStart);
        return i >= 0 && oldEnd <= _shared[i].OldEnd;
    }

    /// <summary>
    /// How many characters of the old range are shared with the new range (stretches whose image falls inside
    /// it): a lower bound on their longest common subsequence, costing one pass over the stretches involved.
    /// </summary>
    public int SharedBetween(int oldStart, int oldEnd, int newStart, int newEnd)
    {
        var total = 0;
        for (var i = Math.Max(0, LastStartingAtOrBefore(oldStart)); i < _shared.Count && _shared[i].OldStart < oldEnd; i++)
        {
            var s = _shared[i];
            var from = Math.Max(s.OldStart, oldStart);
            var to = Math.Min(s.OldEnd, oldEnd);
            var mappedFrom = Math.Max(s.NewStart + (from - s.OldStart), newStart);
            var mappedTo = Math.Min(s.NewStart + (to - s.OldStart), newEnd);
            total += Math.Max(0, mappedTo - mappedFrom);
        }

        return total;
    }

    /// <summary>
    /// How many characters of the new range are old text carried over from outside the old range: words that
    /// belong to some other passage, which an approximate match must not take for an edited version of this one.
    /// </summary>
    public int CarriedFromElsewhere(int newStart, int newEnd, int oldStart, int oldEnd)
    {
        var total = 0;
        for (var i = Math.Max(0, LastStartingAtOrBeforeInNew(newStart)); i < _shared.Count && _shared[i].NewStart < newEnd; i++)
        {
            var s = _shared[i];
            var from = Math.Max(s.NewStart, newStart);
            var to = Math.Min(s.NewEnd, newEnd);
            if (to <= from)
            {
                continue;
            }

            var (originFrom, originTo) = (s.OldStart + (from - s.NewStart), s.OldStart + (to - s.NewStart));
            var ownWords = Math.Max(0, Math.Min(originTo, oldEnd) - Math.Max(originFrom, oldStart));
            total += to - from - ownWords;
        }

        return total;
    }

    private int LastStartingAtOrBeforeInNew(int newOffset)
    {
        // The stretches are in the same order in both bodies, so the new starts are sorted too.
        int low = 0, high = _shared.Count - 1, found = -1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            if (_shared[mid].NewStart <= newOffset)
            {
                found = mid;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return found;
    }

    private int LastStartingAtOrBefore(int oldOffset)
    {
        int low = 0, high = _shared.Count - 1, found = -1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            if (_shared[mid].OldStart <= oldOffset)
            {
                found = mid;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return found;
    }

    /// <summary>Lines (or words) occurring exactly once on each side of the gap, kept in an order both sides agree on.</summary>
    private static List<Stretch> UniqueTokenMatches(string oldBody, string newBody, Gap gap, Token token, ref long work)
    {
        var oldTokens = Tokens(oldBody, gap.OldStart, gap.OldEnd, token);
        var newTokens = Tokens(newBody, gap.NewStart, gap.NewEnd, token);
        work += gap.OldLength + gap.NewLength + oldTokens.Count + newTokens.Count;
        var counts = new Dictionary<string, (int OldCount, int OldIndex, int NewCount, int NewIndex)>(StringComparer.Ordinal);
        for (var i = 0; i < oldTokens.Count; i++)
        {
            var key = oldBody.Substring(oldTokens[i].Start, oldTokens[i].Length);
            counts.TryGetValue(key, out var c);
            counts[key] = (c.OldCount + 1, i, c.NewCount, c.NewIndex);
        }

        for (var j = 0; j < newTokens.Count; j++)
        {
            var key = newBody.Substring(newTokens[j].Start, newTokens[j].Length);
            if (counts.TryGetValue(key, out var c))
            {
                counts[key] = (c.OldCount, c.OldIndex, c.NewCount + 1, j);
            }
        }

        var pairs = counts.Values
            .Where(c => c.OldCount == 1 && c.NewCount == 1)
            .Select(c => (c.OldIndex, c.NewIndex))
            .OrderBy(p => p.OldIndex)
            .ToList();
        return [.. LongestIncreasingRun(pairs).Select(p => new Stretch(oldTokens[p.OldIndex].Start, newTokens[p.NewIndex].Start, oldTokens[p.OldIndex].Length))];
    }

    /// <summary>Non-empty lines, or runs of non-whitespace, between two offsets.</summary>
    private static List<(int Start, int Length)> Tokens(string body, int from, int to, Token token)
    {
        var tokens = new List<(int, int)>();
        var i = from;
        while (i < to)
        {
            while (i < to && IsSeparator(body[i], token))
            {
                i++;
            }

            var start = i;
            while (i < to && !IsSeparator(body[i], token))
            {
                i++;
            }

            if (i > start)
            {
                tokens.Add((start, i - start));
            }
        }

        return tokens;
    }

    private static bool IsSeparator(char c, Token token) => token == Token.Line ? c == '\n' : char.IsWhiteSpace(c);

    /// <summary>Patience sorting: the longest run of pairs increasing in the new index too, in O(k log k).</summary>
    private static List<(int OldIndex, int NewIndex)> LongestIncreasingRun(List<(int OldIndex, int NewIndex)> pairs)
    {
        var tails = new List<int>();
        var previous = new int[pairs.Count];
        for (var k = 0; k < pairs.Count; k++)
        {
            int low = 0, high = tails.Count;
            while (low < high)
            {
                var mid = (low + high) >>> 1;
                if (pairs[tails[mid]].NewIndex < pairs[k].NewIndex)
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid;
                }
            }

            previous[k] = low > 0 ? tails[low - 1] : -1;
            if (low == tails.Count)
            {
                tails.Add(k);
            }
            else
            {
                tails[low] = k;
            }
        }

        var run = new List<(int, int)>(tails.Count);
        for (var k = tails.Count > 0 ? tails[^1] : -1; k >= 0; k = previous[k])
        {
            run.Add(pairs[k]);
        }

        run.Reverse();
        return run;
    }

    /// <summary>The anchors inside <paramref name="gap"/>, plus the common start and end of every stretch between them.</summary>
    private static List<Stretch> FillGap(string oldBody, string newBody, Gap gap, List<Stretch> anchors, ref long work)
    {
        var all = new List<Stretch>((anchors.Count * 3) + 2);
        var (oldAt, newAt) = (gap.OldStart, gap.NewStart);
        foreach (var anchor in anchors.Append(new Stretch(gap.OldEnd, gap.NewEnd, 0)))
        {
            var oldGap = oldBody.AsSpan(oldAt, anchor.OldStart - oldAt);
            var newGap = newBody.AsSpan(newAt, anchor.NewStart - newAt);
            var head = oldGap.CommonPrefixLength(newGap);
            var tail = CommonSuffixLength(oldGap[head..], newGap[head..]);
            work += head + tail + 2;
            if (head > 0)
            {
                all.Add(new Stretch(oldAt, newAt, head));
            }

            if (tail > 0)
            {
                all.Add(new Stretch(anchor.OldStart - tail, anchor.NewStart - tail, tail));
            }

            if (anchor.Length > 0)
            {
                all.Add(anchor);
            }

            (oldAt, newAt) = (anchor.OldEnd, anchor.NewEnd);
        }

        return Merge(all);
    }

    /// <summary>The changed stretches between shared ones, edges included.</summary>
    private static IEnumerable<Gap> GapsAround(List<Stretch> shared, int oldLength, int newLength)
    {
        var (oldAt, newAt) = (0, 0);
        foreach (var s in shared.Append(new Stretch(oldLength, newLength, 0)))
        {
            yield return new Gap(oldAt, s.OldStart, newAt, s.NewStart);
            (oldAt, newAt) = (s.OldEnd, s.NewEnd);
        }
    }

    /// <summary>Joins stretches that touch on both sides, so a lookup finds one stretch per unchanged run.</summary>
    private static List<Stretch> Merge(List<Stretch> stretches)
    {
        var merged = new List<Stretch>(stretches.Count);
        foreach (var s in stretches)
        {
            if (merged.Count > 0 && merged[^1].OldEnd == s.OldStart && merged[^1].NewEnd == s.NewStart)
            {
                merged[^1] = merged[^1] with { Length = merged[^1].Length + s.Length };
            }
            else
            {
                merged.Add(s);
            }
        }

        return merged;
    }

    private static int CommonSuffixLength(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var n = 0;
        var max = Math.Min(a.Length, b.Length);
        while (n < max && a[a.Length - 1 - n] == b[b.Length - 1 - n])
        {
            n++;
        }

        return n;
    }

    private enum Token
    {
        Line,
        Word,
    }

    private readonly record struct Gap(int OldStart, int OldEnd, int NewStart, int NewEnd)
    {
        public int OldLength => OldEnd - OldStart;

        public int NewLength => NewEnd - NewStart;
    }

    private readonly record struct Stretch(int OldStart, int NewStart, int Length)
    {
        public int OldEnd => OldStart + Length;

        public int NewEnd => NewStart + Length;
    }
}
