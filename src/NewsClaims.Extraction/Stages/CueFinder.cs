using System.Collections.Immutable;
using NewsClaims.Extraction.Model;

namespace NewsClaims.Extraction.Stages;

/// <summary>Marks reporting verbs and nouns ("said", "insistence") and the phrase "according to".</summary>
internal static class CueFinder
{
    public static Document Run(Document doc)
    {
        var cues = ImmutableArray.CreateBuilder<Cue>();
        for (var t = 0; t < doc.Tokens.Length; t++)
        {
            if (doc.Tokens[t].Kind != TokenKind.Word || doc.Tokens[t].Paragraph == doc.HeadlineParagraph)
            {
                continue;
            }

            if (doc.Is(t, "according") && doc.Is(t + 1, "to"))
            {
                cues.Add(new Cue(t, t + 2, new CueEntry("according to", CueClass.AccordingTo, CueForm.Base)));
                t++;
                continue;
            }

            if ((doc.Is(t, "pointed") || doc.Is(t, "points") || doc.Is(t, "pointing")) && doc.Is(t + 1, "out"))
            {
                var form = doc.Is(t, "pointing") ? CueForm.Participle : CueForm.Finite;
                cues.Add(new Cue(t, t + 2, new CueEntry("point out", CueClass.Speech, form)));
                t++;
                continue;
            }

            // "as Smith put it: ..."
            if ((doc.Is(t, "put") || doc.Is(t, "puts")) && doc.Is(t + 1, "it"))
            {
                cues.Add(new Cue(t, t + 2, new CueEntry("put it", CueClass.Speech, CueForm.Finite)));
                t++;
                continue;
            }

            if (!CueLexicon.TryGet(doc.Word(t), out var entry))
            {
                // "protesters chanting “...”", "a sign that read “...”": verbs that report words only when a quotation follows.
                if (doc.IsLower(t) && CueLexicon.TryGetQuoting(doc.Word(t), out var quoting) && QuotationFollows(doc, t + 1))
                {
                    cues.Add(new Cue(t, t + 1, quoting));
                }

                continue;
            }

            // A capitalised cue word inside a sentence belongs to a name ("Washington Post", "Call of Duty").
            if (doc.IsCapitalized(t) && t > 0 && doc.SentenceOf[t - 1] == doc.SentenceOf[t] && doc.Tokens[t - 1].Kind != TokenKind.Quote)
            {
                continue;
            }

            cues.Add(new Cue(t, t + 1, entry));
        }

        return doc with { Cues = cues.DrainToImmutable() };
    }

    private static bool QuotationFollows(Document doc, int t)
    {
        if (t < doc.Tokens.Length && (doc.IsPunct(t, ',') || doc.IsPunct(t, ':')))
        {
            t++;
        }

        return t < doc.Tokens.Length && doc.Tokens[t].Kind == TokenKind.Quote && doc.InQuote(t) && doc.Quotes[doc.QuoteOf[t]].OpenToken == t;
    }
}
