using System.Globalization;
using System.Text;

namespace NewsClaims.Cli.Evaluation;

/// <summary>A predicted statement as the scorer sees it (UTF-16 offsets, as in the extract output).</summary>
public sealed record PredictedStatement(string Kind, int Start, int End, string? SpeakerName, (int Start, int End)? Mention, double Confidence);

/// <summary>
/// The figures of ../shared/eval/score.py, computed the same way: each prediction, in order, takes the unused gold
/// item whose characters it covers most, above the threshold; the speaker is right when the predicted mention
/// overlaps a gold source span or the names match. Also: recall on gold contents with quote marks, and precision
/// of (quote, speaker) per confidence bucket.
/// </summary>
public sealed class Scorer(double threshold, IReadOnlySet<string> kinds)
{
    private const string QuoteMarks = "\"\u201C\u201D\u201E\u201F\u00AB\u00BB\u2039\u203A\u2018\u300C\u300D";
    private readonly int[] _bucketCount = new int[10];
    private readonly int[] _bucketRight = new int[10];
    private int _tp, _tpp, _npred, _ngold, _negHit, _neg, _missing, _quoteGold, _quoteMatched;

    public void AddMissing(GoldDocument doc)
    {
        _ngold += doc.Items.Count;
        _neg += doc.NotStatements.Count;
        _missing++;
        _quoteGold += doc.Items.Count(i => HasQuoteMarks(doc.Text, i));
    }

    public void Add(GoldDocument doc, IEnumerable<PredictedStatement> predictions)
    {
        _ngold += doc.Items.Count;
        _neg += doc.NotStatements.Count;
        var toCp = CodePoints(doc.Text);
        var preds = predictions.Where(p => kinds.Contains(p.Kind))
            .Select(p => (Span: (Start: toCp(p.Start), End: toCp(p.End)), p.SpeakerName,
                Mention: p.Mention is { } m ? ((int Start, int End)?)(toCp(m.Start), toCp(m.End)) : null, p.Confidence))
            .ToList();
        _npred += preds.Count;
        foreach (var n in doc.NotStatements)
        {
            if (preds.Any(p => Overlap(n, p.Span) && p.Span.End - p.Span.Start <= 3 * (n.End - n.Start) + 10))
            {
                _negHit++;
            }
        }

        var gold = doc.Items;
        var goldChars = gold.Select(Chars).ToList();
        var used = new bool[gold.Count];
        var matched = new bool[gold.Count];
        foreach (var p in preds)
        {
            var best = threshold;
            var bi = -1;
            for (var i = 0; i < gold.Count; i++)
            {
                if (used[i] || goldChars[i].Count == 0)
                {
                    continue;
                }

                var covered = 0;
                foreach (var c in goldChars[i])
                {
                    if (c >= p.Span.Start && c < p.Span.End)
                    {
                        covered++;
                    }
                }

                var coverage = (double)covered / goldChars[i].Count;
                if (coverage > best)
                {
                    best = coverage;
                    bi = i;
                }
            }

            var right = false;
            if (bi >= 0)
            {
                used[bi] = true;
                matched[bi] = true;
                _tp++;
                right = gold[bi].SourceSpans.Any(s => p.Mention is { } m && Overlap(s, m)) || NameOk(p.SpeakerName, gold[bi].Name);
                if (right)
                {
                    _tpp++;
                }
            }

            var bucket = Math.Clamp((int)Math.Floor(p.Confidence * 10 + 1e-9), 0, 9);
            _bucketCount[bucket]++;
            _bucketRight[bucket] += right ? 1 : 0;
        }

        for (var i = 0; i < gold.Count; i++)
        {
            if (HasQuoteMarks(doc.Text, gold[i]))
            {
                _quoteGold++;
                _quoteMatched += matched[i] ? 1 : 0;
            }
        }
    }

    public IReadOnlyDictionary<string, double> Figures()
    {
        var (qp, qr, qf) = Prf(_tp);
        var (pp, pr, pf) = Prf(_tpp);
        var high = HighConfidence();
        return new Dictionary<string, double>
        {
            ["quoteP"] = qp,
            ["quoteR"] = qr,
            ["quoteF1"] = qf,
            ["pairP"] = pp,
            ["pairR"] = pr,
            ["pairF1"] = pf,
            ["speakerAcc"] = _tp > 0 ? (double)_tpp / _tp : 0,
            ["quoteMarkRecall"] = _quoteGold > 0 ? (double)_quoteMatched / _quoteGold : 0,
            ["highConfidencePrecision"] = high.Count > 0 ? (double)high.Right / high.Count : 1,
            ["negHits"] = _negHit,
        };
    }

    /// <summary>The report: score.py's lines (SUMMARY last), with the extra figures before the summary.</summary>
    public string Report()
    {
        var f = Figures();
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(c, $"docs missing from predictions: {_missing}");
        sb.AppendLine(c, $"gold={_ngold} predicted={_npred} matched={_tp} (threshold {threshold.ToString(c)})");
        sb.AppendLine(c, $"quote            P={f["quoteP"]:F3} R={f["quoteR"]:F3} F1={f["quoteF1"]:F3}");
        sb.AppendLine(c, $"(quote, speaker) P={f["pairP"]:F3} R={f["pairR"]:F3} F1={f["pairF1"]:F3}");
        sb.AppendLine(c, $"speaker accuracy on matched quotes={f["speakerAcc"]:F3}");
        if (_neg > 0)
        {
            sb.AppendLine(c, $"non-statements predicted as statements: {_negHit}/{_neg}");
        }

        sb.AppendLine(c, $"recall on gold contents with quote marks={f["quoteMarkRecall"]:F3} ({_quoteMatched}/{_quoteGold})");
        sb.AppendLine("calibration: confidence bucket -> predictions, precision of (quote, speaker)");
        for (var b = 9; b >= 0; b--)
        {
            if (_bucketCount[b] > 0)
            {
                sb.AppendLine(c, $"  [{b / 10.0:F1}, {(b + 1) / 10.0:F1}{(b == 9 ? "]" : ")")}  n={_bucketCount[b],6}  precision={(double)_bucketRight[b] / _bucketCount[b]:F3}");
            }
        }

        var high = HighConfidence();
        sb.AppendLine(c, $"  confidence >= 0.9: n={high.Count} precision={f["highConfidencePrecision"]:F3}");
        sb.Append(c, $"SUMMARY quoteP={f["quoteP"]:F3} quoteR={f["quoteR"]:F3} quoteF1={f["quoteF1"]:F3} pairP={f["pairP"]:F3} pairR={f["pairR"]:F3} ");
        sb.AppendLine(c, $"pairF1={f["pairF1"]:F3} speakerAcc={f["speakerAcc"]:F3} negHits={_negHit}/{_neg} missing={_missing}");
        return sb.ToString();
    }

    private (int Count, int Right) HighConfidence() => (_bucketCount[9], _bucketRight[9]);

    private (double P, double R, double F) Prf(int t)
    {
        var p = _npred > 0 ? (double)t / _npred : 0;
        var r = _ngold > 0 ? (double)t / _ngold : 0;
        return (p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
    }

    private static HashSet<int> Chars(GoldItem item)
    {
        var set = new HashSet<int>();
        foreach (var (s, e) in item.Spans)
        {
            for (var i = s; i < e; i++)
            {
                set.Add(i);
            }
        }

        return set;
    }

    private static bool Overlap((int Start, int End) a, (int Start, int End) b) => a.Start < b.End && b.Start < a.End;

    /// <summary>Gold offsets count code points; this maps a UTF-16 offset of the text to a code-point offset.</summary>
    private static Func<int, int> CodePoints(string text)
    {
        if (!text.Any(char.IsSurrogate))
        {
            return o => o >= 0 && o <= text.Length ? o : CountCodePoints(text);
        }

        var map = new List<int>(text.Length + 1);
        var cp = 0;
        for (var i = 0; i < text.Length; i++)
        {
            map.Add(cp);
            if (!(char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])))
            {
                cp++;
            }
        }

        map.Add(cp);
        return o => o >= 0 && o < map.Count ? map[o] : cp;
    }

    private static int CountCodePoints(string text) => text.EnumerateRunes().Count();

    private static string Norm(string? s)
    {
        var sb = new StringBuilder();
        foreach (var ch in (s ?? "").ToLowerInvariant())
        {
            if (ch is >= 'a' and <= 'z' or >= '0' and <= '9' or ' ')
            {
                sb.Append(ch);
            }
        }

        return sb.ToString().Trim(' ');
    }

    private static bool NameOk(string? predicted, string gold)
    {
        var p = Norm(predicted);
        var g = Norm(gold);
        if (p.Length == 0 || g.Length == 0 || p is "he" or "she" or "they" or "it" or "we" or "i")
        {
            return false;
        }

        return p == g || g.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(p) || p.Contains(g, StringComparison.Ordinal) || g.Contains(p, StringComparison.Ordinal);
    }

    /// <summary>Contents that contain quotation marks (not apostrophes): the direct and mixed quotes of the gold.</summary>
    public static bool HasQuoteMarks(string text, GoldItem item)
    {
        foreach (var (s, e) in item.Spans)
        {
            for (var i = Math.Max(0, s); i < Math.Min(e, text.Length); i++)
            {
                if (QuoteMarks.Contains(text[i], StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
