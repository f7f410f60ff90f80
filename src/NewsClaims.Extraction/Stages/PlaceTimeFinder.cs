using NewsClaims.Extraction.Model;

namespace NewsClaims.Extraction.Stages;

/// <summary>Where, on what occasion and when a statement was made, read from the attributing words around it.</summary>
internal readonly record struct Setting(string? Place, string? Occasion, StatementTime? When);

/// <summary>
/// Reads the setting of a statement from its sentence outside the content: "Speaking in Brussels", "at the summit in
/// Vilnius", "during his annual live broadcast on December 19", "on Thursday", "last week". A place stated for one
/// statement also holds for the same speaker's statements right before and after it (one paragraph apart at most).
/// </summary>
internal static class PlaceTimeFinder
{
    public static Setting[] Run(Document doc, IReadOnlyList<Candidate> candidates, Attribution[] attributions)
    {
        var settings = new Setting[candidates.Count];
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            var s = Window(doc, c);
            settings[i] = new Setting(FindPlace(doc, s, c), FindOccasion(doc, s, c), FindTime(doc, s, c));
        }

        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = 0; i < candidates.Count; i++)
            {
                var j = pass == 0 ? i : candidates.Count - 1 - i;
                var k = pass == 0 ? j + 1 : j - 1;
                if (settings[j].Place is null || k < 0 || k >= candidates.Count || settings[k].Place is not null)
                {
                    continue;
                }

                var sameSpeaker = attributions[j].Entity >= 0 && attributions[j].Entity == attributions[k].Entity;
                var near = Math.Abs(doc.Sentences[candidates[j].Sentence].Paragraph - doc.Sentences[candidates[k].Sentence].Paragraph) <= 1;
                if (sameSpeaker && near)
                {
                    settings[k] = settings[k] with { Place = settings[j].Place };
                }
            }
        }

        return settings;
    }

    /// <summary>
    /// The part of the statement's sentence that can hold its setting: the attributing words (cue and source) and a
    /// few words around them, or around the quotation when there is no cue. Bounded, so long sentences stay cheap.
    /// </summary>
    private static Sentence Window(Document doc, Candidate c)
    {
        const int Reach = 15;
        var s = doc.Sentences[c.Sentence];
        int from, to;
        if (c.CueFirst >= 0)
        {
            from = c.SourceFirst >= 0 ? Math.Min(c.CueFirst, c.SourceFirst) : c.CueFirst;
            to = c.SourceFirst >= 0 ? Math.Max(c.CueEnd, c.SourceEnd) : c.CueEnd;
        }
        else
        {
            from = TokenAt(doc, c.Start);
            to = Math.Min(TokenAt(doc, c.End), from + Reach);
        }

        return s with { FirstToken = Math.Max(s.FirstToken, from - Reach), EndToken = Math.Min(s.EndToken, to + Reach) };
    }

    private static int TokenAt(Document doc, int offset)
    {
        int lo = 0, hi = doc.Tokens.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (doc.Tokens[mid].End <= offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static bool Outside(Document doc, Candidate c, int t) => doc.Tokens[t].End <= c.Start || doc.Tokens[t].Start >= c.End;

    private static string? FindPlace(Document doc, Sentence s, Candidate c)
    {
        for (var t = s.FirstToken; t < s.EndToken - 1; t++)
        {
            if (!Outside(doc, c, t) || doc.InQuote(t))
            {
                continue;
            }

            var speaking = doc.Is(t, "speaking") || doc.Is(t, "addressing") || doc.Is(t, "talking") || doc.Is(t, "writing");
            var afterCue = t > s.FirstToken && (t - 1 >= c.CueFirst && t - 1 < c.CueEnd && c.CueFirst >= 0 || IsOccasion(doc, t - 1));
            if (!speaking && !(doc.Is(t, "in") && afterCue))
            {
                continue;
            }

            var from = t;
            for (var k = t + (speaking ? 1 : 0); k < s.EndToken && k - from < 8; k++)
            {
                if (doc.IsPunct(k, ',') || doc.IsPunct(k, '.'))
                {
                    break;
                }

                if (doc.Is(k, "in") && doc.IsCapitalized(k + 1))
                {
                    var end = MentionFinder.ScanName(doc, k + 1, s.EndToken);
                    if (end > k + 1 && !Lexicon.Months.Contains(doc.Word(k + 1)))
                    {
                        return doc.Slice(k + 1, end);
                    }
                }
            }
        }

        return null;
    }

    private static bool IsOccasion(Document doc, int t) => doc.Tokens[t].Kind == TokenKind.Word && Lexicon.OccasionNouns.Contains(doc.Word(t));

    private static string? FindOccasion(Document doc, Sentence s, Candidate c)
    {
        for (var t = s.FirstToken; t < s.EndToken - 1; t++)
        {
            if (!(doc.Is(t, "at") || doc.Is(t, "during") || doc.Is(t, "in")) || !Outside(doc, c, t) || doc.InQuote(t))
            {
                continue;
            }

            var d = t + 1;
            if (!(Lexicon.Determiners.Contains(doc.Word(d)) || Lexicon.PossessivePronouns.Contains(doc.Word(d))))
            {
                continue;
            }

            for (var k = d + 1; k < s.EndToken && k - d <= 4; k++)
            {
                if (doc.Tokens[k].Kind != TokenKind.Word)
                {
                    break;
                }

                if (IsOccasion(doc, k) && !(doc.Is(k, "statement") && doc.Is(t, "in")))
                {
                    return doc.Slice(d + 1, k + 1);
                }
            }
        }

        return null;
    }

    private static StatementTime? FindTime(Document doc, Sentence s, Candidate c)
    {
        for (var t = s.FirstToken; t < s.EndToken; t++)
        {
            if (!Outside(doc, c, t) || doc.InQuote(t) || doc.Tokens[t].Kind is not (TokenKind.Word or TokenKind.Number))
            {
                continue;
            }

            var time = DateResolver.At(doc, t, s.EndToken);
            if (time is not null)
            {
                return time;
            }
        }

        return null;
    }
}
