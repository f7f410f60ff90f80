using NewsClaims.Core.Common;

namespace NewsClaims.Core.Anchoring;

/// <summary>
/// Places passages of an old article body on its revised body. The rules, in order:
/// <list type="number">
/// <item><see cref="AnchorRule.Position"/>: the exact words are still at the same offsets and the edit did not move them.</item>
/// <item><see cref="AnchorRule.Quote"/>: where the edit's map carries the unchanged words (<see cref="OffsetMap.Keeps"/>);
/// failing that, the occurrence of the exact words whose prefix and suffix agree best, the one
/// nearest where the edit moved the passage on a tie; accepted when its context agrees at least
/// <see cref="MinContextAgreement"/> or the words are long enough (<see cref="DistinctiveLength"/>) not to recur by
/// chance, and they are not another passage's words the edit left in place (<see cref="OffsetMap.CarriedFromElsewhere"/>);
/// or, whatever its context, when it lies inside the new text that took the passage's place (<see cref="OffsetMap.Image"/>).</item>
/// <item><see cref="AnchorRule.Fuzzy"/>: the passage was itself edited; the best approximate match near where it
/// should be, within <see cref="FuzzyMatch.MaxErrorRate"/> edits, and not made of other passages' unchanged words
/// (<see cref="OffsetMap.CarriedFromElsewhere"/>).</item>
/// <item><see cref="AnchorRule.Orphaned"/>: none of these; the caller keeps the old words.</item>
/// </list>
/// Every rule is bounded: occurrences are found in linear time, context is compared over at most
/// <see cref="MaxContextCompared"/> characters either side, and the approximate search scans a window of a few times
/// the passage's length (<see cref="WorkBound"/>).
/// </summary>
public sealed class Reanchorer
{
    /// <summary>Below this share of matching context characters an occurrence far from the passage's place is someone else's words.</summary>
    public const double MinContextAgreement = 0.25;

    /// <summary>Exact words at least this long are taken wherever they are found.</summary>
    public const int DistinctiveLength = 32;

    /// <summary>Context characters compared either side of an occurrence, however long the selector's prefix or suffix.</summary>
    public const int MaxContextCompared = 64;

    private readonly string _oldBody;
    private readonly string _newBody;

    public Reanchorer(string oldBody, string newBody)
    {
        ArgumentNullException.ThrowIfNull(oldBody);
        ArgumentNullException.ThrowIfNull(newBody);
        _oldBody = oldBody;
        _newBody = newBody;
        Map = OffsetMap.Between(oldBody, newBody);
    }

    /// <summary>
    /// The most <see cref="Placement.Work"/> one placement may cost: linear in the bodies (two linear searches and a
    /// bounded context comparison per occurrence) plus the approximate search's fixed ceiling.
    /// </summary>
    public static long WorkBound(int oldLength, int newLength) =>
        (((2 * MaxContextCompared) + 16L) * (oldLength + newLength)) + FuzzyMatch.MaxCells;

    /// <summary>How the edit moved the text; built once, shared by every passage placed.</summary>
    public OffsetMap Map { get; }

    /// <summary>Where <paramref name="passage"/> of the old body is in the new one, and by which rule.</summary>
    public Placement Place(Passage passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        var work = 0L;
        var oldStart = OldStart(passage, ref work);
        return AtSamePosition(passage, oldStart, ref work)
            ?? ThroughTheMap(passage, oldStart, ref work)
            ?? ByQuote(passage, oldStart, ref work)
            ?? ByApproximateMatch(passage, oldStart, ref work)
            ?? Placement.Orphaned(work);
    }

    /// <summary>The passage's offset in the old body: its position selector when the words are there, else found by its quote.</summary>
    private int? OldStart(Passage passage, ref long work)
    {
        if (passage.Start is { } start && start + passage.Length <= _oldBody.Length)
        {
            work += passage.Length;
            if (_oldBody.AsSpan(start, passage.Length).SequenceEqual(passage.Exact))
            {
                return start;
            }
        }

        var (found, context, _) = BestOccurrence(_oldBody, passage, passage.Start, ref work);
        return found >= 0 && (context >= MinContextAgreement || passage.Length >= DistinctiveLength) ? found : null;
    }

    private Placement? AtSamePosition(Passage passage, int? oldStart, ref long work)
    {
        if (oldStart is not { } start || start + passage.Length > _newBody.Length || Map.Map(start) != start)
        {
            return null;
        }

        work += passage.Length;
        return _newBody.AsSpan(start, passage.Length).SequenceEqual(passage.Exact)
            ? new Placement(AnchorRule.Position, 1, TextSpan.In(_newBody, start, start + passage.Length), work)
            : null;
    }

    /// <summary>
    /// The quote rule's short cut: when the edit's map shares the passage's whole old range with the new body, its
    /// words are known to be at the mapped place, and no other occurrence needs to be looked at.
    /// </summary>
    private Placement? ThroughTheMap(Passage passage, int? oldStart, ref long work)
    {
        if (oldStart is not { } start || !Map.Keeps(start, start + passage.Length))
        {
            return null;
        }

        var at = Map.Map(start);
        work += passage.Length;
        if (at + passage.Length > _newBody.Length || !_newBody.AsSpan(at, passage.Length).SequenceEqual(passage.Exact))
        {
            return null;
        }

        var context = ContextAgreement(_newBody, passage, at, ref work);
        return new Placement(AnchorRule.Quote, context, TextSpan.In(_newBody, at, at + passage.Length), work);
    }

    private Placement? ByQuote(Passage passage, int? oldStart, ref long work)
    {
        var expected = oldStart is { } start ? Map.Map(start) : (int?)null;
        var (found, context, _) = BestOccurrence(_newBody, passage, expected, ref work);
        if (found < 0)
        {
            return null;
        }

        var span = TextSpan.In(_newBody, found, found + passage.Length);
        if (oldStart is { } from && Inside(Map.Image(from, from + passage.Length), found, passage.Length))
        {
            return new Placement(AnchorRule.Quote, context, span, work);
        }

        // Elsewhere, the words must be the passage's own: not another passage's that the edit left where they were.
        work += passage.Length + 1;
        var ownWords = oldStart is not { } origin || Map.CarriedFromElsewhere(found, found + passage.Length, origin, origin + passage.Length) <= passage.Length * FuzzyMatch.MaxErrorRate;
        var accepted = ownWords && (context >= MinContextAgreement || passage.Length >= DistinctiveLength);
        return accepted ? new Placement(AnchorRule.Quote, context, span, work) : null;
    }

    private Placement? ByApproximateMatch(Passage passage, int? oldStart, ref long work)
    {
        var m = passage.Length;
        if (oldStart is not { } start || m < FuzzyMatch.MinPatternLength)
        {
            return null;
        }

        var expected = Map.Map(start);
        if (m > FuzzyMatch.MaxPatternLength)
        {
            return LongPassage(start, m, expected, ref work);
        }

        var slack = FuzzyMatch.Slack(m);
        var window = (Math.Max(0, expected - slack), Math.Min(_newBody.Length, expected + m + slack));
        var maxEdits = (int)Math.Floor(m * FuzzyMatch.MaxErrorRate);
        if (FuzzyMatch.Find(_newBody, passage.Exact, window, expected, maxEdits, ref work) is not { } match)
        {
            return null;
        }

        // A near-identical neighbour ("point 2001" beside a deleted "point 2000") is someone else's unchanged words.
        work += match.End - match.Start;
        if (Map.CarriedFromElsewhere(match.Start, match.End, start, start + m) > maxEdits)
        {
            return null;
        }

        return new Placement(AnchorRule.Fuzzy, 1 - ((double)match.Edits / m), WholeCharacters(match.Start, match.End), work);
    }

    /// <summary>
    /// A passage too long for an alignment within the bound: its mapped range is taken when the edit's shared
    /// stretches cover enough of it (a lower bound on the characters the two have in common).
    /// </summary>
    private Placement? LongPassage(int oldStart, int length, int expectedStart, ref long work)
    {
        var expectedEnd = Map.Map(oldStart + length);
        if (expectedEnd <= expectedStart)
        {
            return null;
        }

        var shared = Map.SharedBetween(oldStart, oldStart + length, expectedStart, expectedEnd);
        work += Map.SharedCount;
        var errorRate = 1 - ((double)shared / Math.Max(length, expectedEnd - expectedStart));
        return errorRate <= FuzzyMatch.MaxErrorRate
            ? new Placement(AnchorRule.Fuzzy, 1 - errorRate, WholeCharacters(expectedStart, expectedEnd), work)
            : null;
    }

    /// <summary>An approximate span never splits a surrogate pair (an emoji, a rare CJK character) at either end.</summary>
    private TextSpan WholeCharacters(int start, int end)
    {
        if (start > 0 && char.IsLowSurrogate(_newBody[start]) && char.IsHighSurrogate(_newBody[start - 1]))
        {
            start--;
        }

        if (end < _newBody.Length && char.IsLowSurrogate(_newBody[end]) && char.IsHighSurrogate(_newBody[end - 1]))
        {
            end++;
        }

        return TextSpan.In(_newBody, start, end);
    }

    private static bool Inside((int Start, int End) range, int start, int length) =>
        start >= range.Start && start + length <= range.End;

    /// <summary>The occurrence of the exact words with the best context agreement, nearest <paramref name="near"/> on a tie.</summary>
    private static (int Start, double Context, int Distance) BestOccurrence(string body, Passage passage, int? near, ref long work)
    {
        var best = (Start: -1, Context: -1.0, Distance: int.MaxValue);
        var compared = 0L;
        work += Occurrences.Each(body, passage.Exact, at =>
        {
            var context = ContextAgreement(body, passage, at, ref compared);
            var distance = near is { } n ? Math.Abs(at - n) : 0;
            if (context > best.Context || (context == best.Context && distance < best.Distance))
            {
                best = (at, context, distance);
            }
        });
        work += compared;
        return best;
    }

    /// <summary>The share of the prefix and suffix characters that still border the occurrence (1 when the selector has none).</summary>
    private static double ContextAgreement(string body, Passage passage, int at, ref long work)
    {
        var (sum, parts) = (0.0, 0);
        if (!string.IsNullOrEmpty(passage.Prefix))
        {
            var before = body.AsSpan(0, at);
            var prefix = passage.Prefix.AsSpan()[^Math.Min(passage.Prefix.Length, MaxContextCompared)..];
            var n = 0;
            while (n < prefix.Length && n < before.Length && prefix[^(n + 1)] == before[^(n + 1)])
            {
                n++;
            }

            work += n + 1;
            sum += (double)n / prefix.Length;
            parts++;
        }

        if (!string.IsNullOrEmpty(passage.Suffix))
        {
            var after = body.AsSpan(at + passage.Length);
            var suffix = passage.Suffix.AsSpan()[..Math.Min(passage.Suffix.Length, MaxContextCompared)];
            var n = suffix.CommonPrefixLength(after);
            work += n + 1;
            sum += (double)n / suffix.Length;
            parts++;
        }

        return parts == 0 ? 1 : sum / parts;
    }
}
