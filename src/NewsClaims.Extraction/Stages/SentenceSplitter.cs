using System.Collections.Immutable;
using NewsClaims.Extraction.Model;

namespace NewsClaims.Extraction.Stages;

/// <summary>
/// Splits paragraphs into sentences at . ! ? … followed by a capital, a digit or an opening quote, except after
/// abbreviations ("Sen.", "Mr.", "U.S.") and never inside a closed quotation, so a quotation and the words that
/// attribute it stay in one sentence. Also decides whether the first paragraph is a headline.
/// </summary>
internal static class SentenceSplitter
{
    public static Document Run(Document doc)
    {
        var tokens = doc.Tokens;
        var insideQuote = new bool[tokens.Length];
        foreach (var q in doc.Quotes)
        {
            if (q.Closed && q.Depth == 0)
            {
                for (var t = q.OpenToken + 1; t < q.CloseToken; t++)
                {
                    insideQuote[t] = true;
                }
            }
        }

        var sentences = ImmutableArray.CreateBuilder<Sentence>();
        var sentenceOf = new int[tokens.Length];
        for (var p = 0; p < doc.Paragraphs.Length; p++)
        {
            var paragraph = doc.Paragraphs[p];
            var first = paragraph.FirstToken;
            for (var t = paragraph.FirstToken; t < paragraph.EndToken; t++)
            {
                var end = BoundaryAfter(doc, t, paragraph.EndToken, insideQuote);
                if (end > 0 || t == paragraph.EndToken - 1)
                {
                    var last = end > 0 ? end : paragraph.EndToken;
                    for (var k = first; k < last; k++)
                    {
                        sentenceOf[k] = sentences.Count;
                    }

                    sentences.Add(new Sentence(first, last, p));
                    first = last;
                    t = last - 1;
                }
            }
        }

        return doc with
        {
            Sentences = sentences.DrainToImmutable(),
            SentenceOf = ImmutableArray.Create(sentenceOf),
            HeadlineParagraph = FindHeadline(doc),
        };
    }

    /// <summary>If a sentence ends at token <paramref name="t"/>, the index of the first token after it; else 0.</summary>
    private static int BoundaryAfter(Document doc, int t, int paragraphEnd, bool[] insideQuote)
    {
        var token = doc.Tokens[t];

        // '... the end.” Next sentence': a closing quote after a full stop ends the sentence it closes.
        if (token.Kind == TokenKind.Quote && !insideQuote[t] && t > 0 && insideQuote[t - 1] && doc.Tokens[t - 1].Kind == TokenKind.Punct
            && doc.Text[doc.Tokens[t - 1].Start] is '.' or '!' or '?' or '\u2026')
        {
            var after = t + 1;
            if (AttributionFollows(doc, after, paragraphEnd))
            {
                return 0;
            }

            if (after < paragraphEnd && doc.Tokens[after].Kind == TokenKind.Word && char.IsUpper(doc.Text[doc.Tokens[after].Start])
                && !Lexicon.Pronouns.Contains(doc.Word(after)) || after < paragraphEnd && doc.Tokens[after].Kind == TokenKind.Quote)
            {
                return after;
            }

            // '“Go home!” he said.' keeps going; '“Go home.” He left.' ends.
            if (after < paragraphEnd && doc.Tokens[after].Kind == TokenKind.Word && char.IsUpper(doc.Text[doc.Tokens[after].Start])
                && doc.Text[doc.Tokens[t - 1].Start] == '.')
            {
                return after;
            }

            return 0;
        }

        if (token.Kind != TokenKind.Punct || insideQuote[t])
        {
            return 0;
        }

        var c = doc.Text[token.Start];
        if (c is not ('.' or '!' or '?' or '\u2026'))
        {
            return 0;
        }

        var next = t + 1;
        while (next < paragraphEnd && (doc.Tokens[next].Kind == TokenKind.Quote && !StartsQuote(doc, next) || doc.IsPunct(next, ')') || doc.IsPunct(next, c)))
        {
            next++;
        }

        if (next >= paragraphEnd)
        {
            return 0;
        }

        var nextToken = doc.Tokens[next];
        var nextChar = doc.Text[nextToken.Start];
        var startsSentence = char.IsUpper(nextChar) || char.IsDigit(nextChar) || nextToken.Kind == TokenKind.Quote || nextChar is '(' or '\u2014';
        if (!startsSentence)
        {
            return 0;
        }

        if (c == '.' && t > 0 && IsAbbreviation(doc, t - 1, next))
        {
            return 0;
        }

        return next;
    }

    /// <summary>'“Stop!” Cruz said.': a name or pronoun and a reporting verb right after a quotation belong to it.</summary>
    private static bool AttributionFollows(Document doc, int t, int paragraphEnd)
    {
        for (var k = t; k < paragraphEnd && k - t < 6; k++)
        {
            if (doc.Tokens[k].Kind != TokenKind.Word && !(doc.Tokens[k].Kind == TokenKind.Punct && doc.Text[doc.Tokens[k].Start] is '.' && k > t))
            {
                return false;
            }

            if (doc.IsLower(k) && CueLexicon.TryGet(doc.Word(k), out var e) && e.Class is CueClass.Speech or CueClass.Tell && e.Form == CueForm.Finite)
            {
                var next = k + 1;

                // '“...” He added, “...”': an attribution that introduces a quotation of its own starts a new sentence.
                if (next + 1 < paragraphEnd && (doc.IsPunct(next, ',') || doc.IsPunct(next, ':')) && doc.Tokens[next + 1].Kind == TokenKind.Quote)
                {
                    return false;
                }

                // '“...” He writes that ...', '“...” Reid said both men ...': a reporting verb followed by a clause of its
                // own reports something new; only circumstances ("said on Monday", "said quietly") belong to the quotation.
                if (next < paragraphEnd && doc.IsLower(next) && !IsAttributionTail(doc, next))
                {
                    return false;
                }

                return next >= paragraphEnd || doc.Tokens[next].Kind == TokenKind.Punct || doc.IsLower(next);
            }
        }

        return false;
    }

    private static bool IsAttributionTail(Document doc, int t)
    {
        var w = doc.Word(t);
        return w.Length > 4 && w.EndsWith("ly", StringComparison.Ordinal) || Lexicon.Subordinators.Contains(w) || AttributionTails.Contains(w);
    }

    private static readonly WordSet AttributionTails = new(
        "on in at of to about during by with from via through for after before last this today yesterday tonight earlier later " +
        "then also again recently and but so afterward afterwards there here");

    private static bool StartsQuote(Document doc, int token)
    {
        var start = doc.Tokens[token].Start;
        return start > 0 && char.IsWhiteSpace(doc.Text[start - 1]) && start + 1 < doc.Text.Length && !char.IsWhiteSpace(doc.Text[start + 1]);
    }

    private static bool IsAbbreviation(Document doc, int word, int next)
    {
        var w = doc.Tokens[word];
        if (w.Kind != TokenKind.Word || w.End != doc.Tokens[word + 1].Start)
        {
            return false;
        }

        var span = doc.Word(word);
        if (span.Length == 1 && char.IsUpper(span[0]))
        {
            return true;
        }

        if (Lexicon.Abbreviations.Contains(span))
        {
            return true;
        }

        // "U.S." ends a sentence only when a typical sentence opener follows.
        return span.Contains('.') && !Lexicon.SentenceOpeners.Contains(doc.Word(next));
    }

    /// <summary>
    /// The first paragraph is the headline when it equals the given title, or, without a title, when it is short
    /// and does not end like a sentence.
    /// </summary>
    /// <summary>
    /// The first paragraph is the title when their letters and digits agree, whatever the punctuation: feeds write
    /// "... ‘Very Good.’" for a title "... ‘Very Good’".
    /// </summary>
    internal static bool SameWords(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        int i = 0, j = 0;
        while (true)
        {
            while (i < a.Length && !char.IsLetterOrDigit(a[i]))
            {
                i++;
            }

            while (j < b.Length && !char.IsLetterOrDigit(b[j]))
            {
                j++;
            }

            if (i >= a.Length || j >= b.Length)
            {
                return i >= a.Length && j >= b.Length;
            }

            if (char.ToLowerInvariant(a[i]) != char.ToLowerInvariant(b[j]))
            {
                return false;
            }

            i++;
            j++;
        }
    }

    private static int FindHeadline(Document doc)
    {
        if (doc.Paragraphs.Length < 2)
        {
            return -1;
        }

        var first = doc.Paragraphs[0];
        var paragraph = doc.Text.AsSpan(first.Start, first.End - first.Start).Trim().TrimEnd(".!?:");
        if (doc.Title is { } title)
        {
            return SameWords(paragraph, title.AsSpan()) ? 0 : -1;
        }

        var words = 0;
        for (var t = first.FirstToken; t < first.EndToken; t++)
        {
            if (doc.Tokens[t].Kind == TokenKind.Word)
            {
                words++;
            }
        }

        var last = first.EndToken - 1;
        while (last > first.FirstToken && doc.Tokens[last].Kind == TokenKind.Quote)
        {
            last--;
        }

        var endsLikeSentence = doc.Tokens[last].Kind == TokenKind.Punct && doc.Text[doc.Tokens[last].Start] is '.' or '!' or '?';
        return words <= 20 && !endsLikeSentence ? 0 : -1;
    }
}
