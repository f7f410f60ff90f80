using System.Collections.Immutable;
using NewsClaims.Extraction.Model;

namespace NewsClaims.Extraction.Stages;

/// <summary>
/// Splits the text into words, numbers, punctuation and quote marks, and into paragraphs at line breaks.
/// An apostrophe between letters stays in its word ("don’t"), except a possessive "’s", which becomes its own token
/// so that "Rutte’s" yields the name "Rutte".
/// </summary>
internal static class Tokenizer
{
    public static Document Run(Document doc)
    {
        var text = doc.Text;
        var tokens = ImmutableArray.CreateBuilder<Token>(Math.Max(4, text.Length / 5));
        var paragraphs = ImmutableArray.CreateBuilder<Paragraph>();
        var paragraph = 0;
        var paragraphFirst = 0;
        var pendingBreak = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (c is '\n' or '\r' or '\u2029' or '\u2028')
                {
                    pendingBreak = true;
                }

                i++;
                continue;
            }

            if (pendingBreak && tokens.Count > paragraphFirst)
            {
                paragraphs.Add(new Paragraph(tokens[paragraphFirst].Start, tokens[^1].End, paragraphFirst, tokens.Count));
                paragraph++;
                paragraphFirst = tokens.Count;
            }

            pendingBreak = false;
            var start = i;
            if (char.IsLetterOrDigit(c) || char.IsSurrogate(c))
            {
                var kind = char.IsDigit(c) ? TokenKind.Number : TokenKind.Word;
                i = ScanWord(text, i, kind == TokenKind.Number, out var possessiveAt);
                if (possessiveAt > start)
                {
                    tokens.Add(new Token(start, possessiveAt, kind, paragraph));
                    tokens.Add(new Token(possessiveAt, i, TokenKind.Possessive, paragraph));
                }
                else
                {
                    tokens.Add(new Token(start, i, kind, paragraph));
                }

                continue;
            }

            i++;
            if (char.IsHighSurrogate(c) && i < text.Length && char.IsLowSurrogate(text[i]))
            {
                i++;
            }
            else if (c is '\'' or '`' && i < text.Length && text[i] == c)
            {
                i++; // '' and `` stand for a double quote mark in some newsroom styles
            }

            tokens.Add(new Token(start, i, IsQuoteMark(c) || i - start == 2 && c == '`' ? TokenKind.Quote : TokenKind.Punct, paragraph));
        }

        if (tokens.Count > paragraphFirst)
        {
            paragraphs.Add(new Paragraph(tokens[paragraphFirst].Start, tokens[^1].End, paragraphFirst, tokens.Count));
        }

        return doc with { Tokens = tokens.DrainToImmutable(), Paragraphs = paragraphs.DrainToImmutable() };
    }

    public static bool IsQuoteMark(char c) =>
        c is '"' or '\'' or '\u201C' or '\u201D' or '\u2018' or '\u2019' or '\u201E' or '\u201F' or '\u201A'
            or '\u00AB' or '\u00BB' or '\u2039' or '\u203A' or '\uFF02' or '\u300C' or '\u300D';

    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC';

    /// <summary>Returns the end of the word starting at <paramref name="i"/>; possessiveAt is where "’s" starts, or -1.</summary>
    private static int ScanWord(string text, int i, bool number, out int possessiveAt)
    {
        possessiveAt = -1;
        var n = text.Length;
        i++;
        while (i < n)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
                    or System.Globalization.UnicodeCategory.SpacingCombiningMark || char.IsSurrogate(c))
            {
                i++;
                continue;
            }

            var next = i + 1 < n ? text[i + 1] : '\0';
            if (IsApostrophe(c) && char.IsLetter(next))
            {
                // "’s" at the end of a word is a possessive (or "is"); anything else stays inside: don’t, O’Brien.
                var after = i + 2 < n ? text[i + 2] : '\0';
                if (next is 's' or 'S' && !char.IsLetterOrDigit(after))
                {
                    possessiveAt = i;
                    return i + 2;
                }

                i += 2;
                continue;
            }

            if (c is '-' or '\u2010' or '\u2011' && char.IsLetterOrDigit(next))
            {
                i += 2;
                continue;
            }

            // Decimal and thousands separators in numbers, and dotted abbreviations such as U.S or e.g.
            if (c is '.' or ',' && char.IsLetterOrDigit(next) && (number ? char.IsDigit(next) : c == '.' && IsShortSegment(text, i)))
            {
                i += 2;
                continue;
            }

            break;
        }

        return i;
    }

    /// <summary>True when the segment before the dot is one letter long ("U" in "U.S"), as in dotted abbreviations.</summary>
    private static bool IsShortSegment(string text, int dot) =>
        dot >= 1 && char.IsLetter(text[dot - 1]) && (dot < 2 || !char.IsLetter(text[dot - 2]));
}
