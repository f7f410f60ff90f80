using NewsClaims.Extraction.Model;

namespace NewsClaims.Extraction.Stages;

/// <summary>A second-hand source before statements are numbered: the name, its span, the candidates it covers.</summary>
internal readonly record struct ReportedVia(string Name, int Start, int End, List<int> Candidates);

/// <summary>
/// Finds second-hand sources: "as reported by ‘Ukraine.ru’", "reported by X", "according to a report in X". They cover
/// the statements of their own sentence, or, when it has none ("His remarks, as reported by X, ..."), the run of
/// statements by the last speaker just before it.
/// </summary>
internal static class ReportedViaFinder
{
    public static List<ReportedVia> Run(Document doc, IReadOnlyList<Candidate> candidates, Attribution[] attributions)
    {
        var result = new List<ReportedVia>();
        for (var t = 1; t + 1 < doc.Tokens.Length; t++)
        {
            if (!(doc.Is(t, "by") && doc.Is(t - 1, "reported")) || doc.InQuote(t) || doc.Tokens[t].Paragraph == doc.HeadlineParagraph)
            {
                continue;
            }

            var sentence = doc.SentenceOf[t];
            var end = doc.Sentences[sentence].EndToken;
            var (start, stop) = NameAfter(doc, t + 1, end);
            if (stop <= start)
            {
                continue;
            }

            // Candidates are in text order: the first one at or after this sentence, by binary search.
            int lo = 0, hi = candidates.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (candidates[mid].Sentence < sentence)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            var covered = new List<int>();
            for (var i = lo; i < candidates.Count && candidates[i].Sentence == sentence; i++)
            {
                covered.Add(i);
            }

            if (covered.Count == 0)
            {
                var last = lo - 1;
                if (last >= 0 && doc.Sentences[sentence].Paragraph - doc.Sentences[candidates[last].Sentence].Paragraph > 2)
                {
                    last = -1;
                }

                for (var i = last; i >= 0 && last - i < 50; i--)
                {
                    if (attributions[i].Entity != attributions[last].Entity || attributions[i].Entity < 0)
                    {
                        break;
                    }

                    covered.Insert(0, i);
                }
            }

            var name = StatementAssembler.Trim(doc.Text, start, stop);
            result.Add(new ReportedVia(doc.Text[name.Start..name.End], name.Start, name.End, covered));
        }

        return result;
    }

    /// <summary>The name after "by": a quotation's words, or a run of capitalised words.</summary>
    private static (int Start, int End) NameAfter(Document doc, int t, int end)
    {
        if (t >= end)
        {
            return (0, 0);
        }

        if (doc.Tokens[t].Kind == TokenKind.Quote && doc.InQuote(t))
        {
            var q = doc.Quotes[doc.QuoteOf[t]];
            var stop = q.ContentEnd;
            while (stop > q.ContentStart && doc.Text[stop - 1] is ',' or '.' or ' ')
            {
                stop--;
            }

            return (q.ContentStart, stop);
        }

        var first = doc.Is(t, "the") ? t + 1 : t;
        var last = MentionFinder.ScanName(doc, first, end);
        return last > first ? (doc.Tokens[t].Start, doc.Tokens[last - 1].End) : (0, 0);
    }
}
