using System.Collections.Immutable;
using NewsClaims.Extraction.Model;

namespace NewsClaims.Extraction.Stages;

/// <summary>
/// Pairs quote marks within each paragraph with a stack, deciding for each mark from the characters around it whether
/// it opens, closes, or is an apostrophe. A double quotation left open at the end of a paragraph becomes a pair that
/// runs to the paragraph end; when the next paragraph opens with the same kind of mark, that quotation is marked as
/// continuing the previous one (the usual convention for quotations over several paragraphs).
/// </summary>
internal static class QuotePairer
{
    private const int MaxDepth = 64;

    private enum Role : byte
    {
        None,
        Open,
        Close,
        Either,
    }

    private readonly record struct OpenMark(int Token, QuoteFamily Family, bool Continues);

    public static Document Run(Document doc)
    {
        var pairs = ImmutableArray.CreateBuilder<QuotePair>();
        var stack = new List<OpenMark>();
        QuoteFamily? carried = null;
        foreach (var paragraph in doc.Paragraphs)
        {
            stack.Clear();
            for (var t = paragraph.FirstToken; t < paragraph.EndToken; t++)
            {
                if (doc.Tokens[t].Kind != TokenKind.Quote)
                {
                    continue;
                }

                var c = doc.Text[doc.Tokens[t].Start];
                var doubled = doc.Tokens[t].Length == 2;
                var family = doubled ? QuoteFamily.Double : FamilyOf(c);
                var role = doubled ? Classify(doc.Text, doc.Tokens[t].Start, doc.Tokens[t].End, c == '`' ? '\u201C' : '"') : Classify(doc.Text, doc.Tokens[t].Start, doc.Tokens[t].End, c);
                if (role is Role.Close or Role.Either)
                {
                    var k = stack.Count - 1;
                    while (k >= 0 && stack[k].Family != family)
                    {
                        k--;
                    }

                    if (k >= 0)
                    {
                        var open = stack[k];
                        pairs.Add(new QuotePair(open.Token, t, doc.Tokens[open.Token].End, doc.Tokens[t].Start, family, k, true, open.Continues));
                        stack.RemoveRange(k, stack.Count - k);
                        continue;
                    }

                    if (role == Role.Close)
                    {
                        continue;
                    }
                }

                if (role != Role.None && stack.Count < MaxDepth)
                {
                    var continues = t == paragraph.FirstToken && carried == family;
                    stack.Add(new OpenMark(t, family, continues));
                }
            }

            carried = null;
            if (stack.Count > 0 && stack[0].Family is QuoteFamily.Double or QuoteFamily.Guillemet && stack[0].Token < paragraph.EndToken - 1)
            {
                var open = stack[0];
                var lastToken = paragraph.EndToken - 1;
                pairs.Add(new QuotePair(open.Token, -1, doc.Tokens[open.Token].End, doc.Tokens[lastToken].End, open.Family, 0, false, open.Continues));
                carried = open.Family;
            }
        }

        pairs.Sort((a, b) => a.OpenToken.CompareTo(b.OpenToken));
        var quoteOf = new int[doc.Tokens.Length];
        Array.Fill(quoteOf, -1);
        for (var q = 0; q < pairs.Count; q++)
        {
            if (pairs[q].Depth != 0)
            {
                continue;
            }

            var last = pairs[q].Closed ? pairs[q].CloseToken : doc.Paragraphs[doc.Tokens[pairs[q].OpenToken].Paragraph].EndToken - 1;
            for (var t = pairs[q].OpenToken; t <= last; t++)
            {
                quoteOf[t] = q;
            }
        }

        return doc with { Quotes = pairs.DrainToImmutable(), QuoteOf = ImmutableArray.Create(quoteOf) };
    }

    private static QuoteFamily FamilyOf(char c) => c switch
    {
        '\'' or '\u2018' or '\u2019' or '\u201A' => QuoteFamily.Single,
        '\u00AB' or '\u00BB' => QuoteFamily.Guillemet,
        '\u2039' or '\u203A' => QuoteFamily.SingleGuillemet,
        _ => QuoteFamily.Double,
    };

    private static Role Classify(string text, int i, int end, char c)
    {
        var prev = i > 0 ? text[i - 1] : ' ';
        var next = end < text.Length ? text[end] : ' ';
        var leftOpen = char.IsWhiteSpace(prev) || prev is '(' or '[' or '{' or '\u2014' or '\u2013' or '-' or '/' || Tokenizer.IsQuoteMark(prev);
        var rightClose = char.IsWhiteSpace(next) || next is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '}' or '\u2014' or '\u2013' or '-' or '\u2026'
            || Tokenizer.IsQuoteMark(next);
        switch (c)
        {
            case '\u201C' or '\u00AB' or '\u201E' or '\u2018' or '\u2039' or '\u201A' or '\u201F' or '\u300C':
                return c == '\u201C' && rightClose && !leftOpen ? Role.Close : Role.Open;
            case '\u2019':
                if (leftOpen && !rightClose)
                {
                    return Role.None;
                }

                return Role.Close;
            case '\u201D' or '\u00BB' or '\u203A' or '\u300D':
                return leftOpen && !rightClose ? Role.Open : Role.Close;
            case '\'':
                if (leftOpen && !rightClose)
                {
                    return Role.Open;
                }

                return rightClose && !leftOpen ? Role.Close : Role.None;
            default:
                if (leftOpen && !rightClose)
                {
                    return Role.Open;
                }

                return rightClose && !leftOpen ? Role.Close : Role.Either;
        }
    }
}
