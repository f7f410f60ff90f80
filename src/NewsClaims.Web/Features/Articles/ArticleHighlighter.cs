namespace NewsClaims.Web.Features.Articles;

/// <summary>A run of article text, highlighted when it belongs to a statement, marked when notes are on it.</summary>
public sealed record TextRun(string Text, HighlightedStatement? Statement, int? Colour, bool IsFirstRunOfStatement, IReadOnlyList<long> Notes);

/// <summary>A paragraph's runs and where it starts in the article body (for turning a reader's selection into offsets).</summary>
public sealed record HighlightedParagraph(int Start, IReadOnlyList<TextRun> Runs);

/// <summary>A published note on a passage of the article.</summary>
public sealed record NotedPassage(long Id, int Start, int End);

/// <summary>
/// Cuts an article body into paragraphs (blank-line separated) and runs, so the view can wrap each statement's
/// exact characters. A statement that crosses a paragraph break is highlighted in each paragraph; where two
/// statements overlap, the one that starts first keeps the overlap. Notes are a second layer: a run carries the
/// notes on its characters, whatever statement it belongs to.
/// </summary>
public static class ArticleHighlighter
{
    public static IReadOnlyList<HighlightedParagraph> Highlight(
        string body, IReadOnlyList<HighlightedStatement> statements, Func<HighlightedStatement, int?> colour, IReadOnlyList<NotedPassage>? notes = null)
    {
        var ordered = statements.Where(s => s.Start >= 0 && s.End <= body.Length && s.Start < s.End).OrderBy(s => s.Start).ThenBy(s => s.Id).ToList();
        var noted = (notes ?? []).Where(n => n.Start >= 0 && n.End <= body.Length && n.Start < n.End).ToList();
        var paragraphs = new List<HighlightedParagraph>();
        var opened = new HashSet<long>();
        var position = 0;
        while (position < body.Length)
        {
            var breakAt = body.IndexOf("\n\n", position, StringComparison.Ordinal);
            var end = breakAt < 0 ? body.Length : breakAt;
            if (end > position)
            {
                paragraphs.Add(new HighlightedParagraph(position, Runs(body, position, end, ordered, noted, colour, opened)));
            }

            position = breakAt < 0 ? body.Length : breakAt + 2;
        }

        return paragraphs;
    }

    private static List<TextRun> Runs(
        string body, int start, int end, List<HighlightedStatement> statements, List<NotedPassage> notes, Func<HighlightedStatement, int?> colour, HashSet<long> opened)
    {
        // Every place where a statement or note starts or ends cuts a run.
        var cuts = new SortedSet<int> { start, end };
        foreach (var s in statements.Where(s => s.Start < end && s.End > start))
        {
            cuts.Add(Math.Max(s.Start, start));
            cuts.Add(Math.Min(s.End, end));
        }

        foreach (var n in notes.Where(n => n.Start < end && n.End > start))
        {
            cuts.Add(Math.Max(n.Start, start));
            cuts.Add(Math.Min(n.End, end));
        }

        var runs = new List<TextRun>();
        var bounds = cuts.ToList();
        for (var i = 0; i + 1 < bounds.Count; i++)
        {
            var (from, to) = (bounds[i], bounds[i + 1]);
            var statement = statements.FirstOrDefault(s => s.Start <= from && s.End >= to);
            var on = notes.Where(n => n.Start <= from && n.End >= to).Select(n => n.Id).ToList();
            var text = body[from..to];
            var previous = runs.Count > 0 ? runs[^1] : null;
            if (previous is not null && previous.Statement == statement && previous.Notes.SequenceEqual(on))
            {
                runs[^1] = previous with { Text = previous.Text + text };
                continue;
            }

            runs.Add(statement is null
                ? new TextRun(text, null, null, false, on)
                : new TextRun(text, statement, colour(statement), opened.Add(statement.Id), on));
        }

        return runs;
    }
}
