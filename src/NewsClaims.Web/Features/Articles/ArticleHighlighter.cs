namespace NewsClaims.Web.Features.Articles;

/// <summary>A run of article text, highlighted when it belongs to a statement.</summary>
public sealed record TextRun(string Text, HighlightedStatement? Statement, int? Colour, bool IsFirstRunOfStatement);

public sealed record HighlightedParagraph(IReadOnlyList<TextRun> Runs);

/// <summary>
/// Cuts an article body into paragraphs (blank-line separated) and runs, so the view can wrap each statement's
/// exact characters. A statement that crosses a paragraph break is highlighted in each paragraph; where two
/// statements overlap, the one that starts first keeps the overlap.
/// </summary>
public static class ArticleHighlighter
{
    public static IReadOnlyList<HighlightedParagraph> Highlight(
        string body, IReadOnlyList<HighlightedStatement> statements, Func<HighlightedStatement, int?> colour)
    {
        var ordered = statements.Where(s => s.Start >= 0 && s.End <= body.Length && s.Start < s.End).OrderBy(s => s.Start).ToList();
        var paragraphs = new List<HighlightedParagraph>();
        var opened = new HashSet<long>();
        var position = 0;
        while (position < body.Length)
        {
            var breakAt = body.IndexOf("\n\n", position, StringComparison.Ordinal);
            var end = breakAt < 0 ? body.Length : breakAt;
            if (end > position)
            {
                paragraphs.Add(new HighlightedParagraph(Runs(body, position, end, ordered, colour, opened)));
            }

            position = breakAt < 0 ? body.Length : breakAt + 2;
        }

        return paragraphs;
    }

    private static List<TextRun> Runs(
        string body, int start, int end, List<HighlightedStatement> statements, Func<HighlightedStatement, int?> colour, HashSet<long> opened)
    {
        var runs = new List<TextRun>();
        var cursor = start;
        foreach (var s in statements)
        {
            var from = Math.Max(s.Start, cursor);
            var to = Math.Min(s.End, end);
            if (to <= from)
            {
                continue;
            }

            if (from > cursor)
            {
                runs.Add(new TextRun(body[cursor..from], null, null, false));
            }

            runs.Add(new TextRun(body[from..to], s, colour(s), opened.Add(s.Id)));
            cursor = to;
        }

        if (cursor < end)
        {
            runs.Add(new TextRun(body[cursor..end], null, null, false));
        }

        return runs;
    }
}
