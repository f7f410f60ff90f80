using System.Collections.Immutable;
using NewsClaims.Extraction.Model;

namespace NewsClaims.Extraction.Stages;

/// <summary>
/// For every cue outside quotation marks, finds the source and the content by the constructions news prose uses:
/// "X said (that) ...", "..., X said." / "..., said X.", "..., X said, ...", "As X said, ...", "according to X",
/// "..., saying that ..." (the subject of the main clause speaks), "his insistence that ...", "X: ...".
/// </summary>
internal static class FrameFinder
{
    private const int MaxNounPhrase = 10;

    /// <summary>No clause of news prose is longer; bounding every scan keeps run-on input linear.</summary>
    private const int MaxClause = 200;

    /// <summary>Reported clauses longer than this are cut: 0.3 coverage of any real one is long reached.</summary>
    private const int MaxContent = 80;

    public static ImmutableArray<Frame> Run(Document doc)
    {
        var frames = ImmutableArray.CreateBuilder<Frame>();
        foreach (var cue in doc.Cues)
        {
            if (doc.InQuote(cue.FirstToken))
            {
                continue;
            }

            var sentence = doc.Sentences[doc.SentenceOf[cue.FirstToken]];
            var frame = cue.Entry.Class switch
            {
                CueClass.AccordingTo => AccordingTo(doc, cue, sentence),
                CueClass.Noun => NounCue(doc, cue, sentence),
                _ => VerbCue(doc, cue, sentence),
            };
            if (frame is { } f && f.ContentEnd > f.ContentStart)
            {
                frames.Add(f);
            }
        }

        return frames.DrainToImmutable();
    }

    private static Frame? VerbCue(Document doc, Cue cue, Sentence s)
    {
        var c = cue.FirstToken;
        var first = s.FirstToken;
        var end = s.EndToken;
        var form = cue.Entry.Form;
        var cls = cue.Entry.Class;
        var prev = c - 1 >= first ? c - 1 : -1;

        // "He’s said": after a pronoun, ’s is "has", not a possessive.
        var contraction = prev > first && doc.Tokens[prev].Kind == TokenKind.Possessive && (Lexicon.Pronouns.Contains(doc.Word(prev - 1)) || doc.Is(prev - 1, "who"));
        if (prev >= 0 && form is CueForm.Base or CueForm.Finite && !contraction
            && (Lexicon.Determiners.Contains(doc.Word(prev)) && !doc.Is(prev, "that") || Lexicon.PossessivePronouns.Contains(doc.Word(prev))
                || doc.Tokens[prev].Kind == TokenKind.Possessive))
        {
            return NounCue(doc, cue, s);
        }

        if (prev >= 0 && form != CueForm.Participle && IsBeForm(doc, prev))
        {
            return null;
        }

        // "Some member states have signaled": a cue word followed by an auxiliary is a noun in subject position.
        if (cue.EndToken < end && doc.IsLower(cue.EndToken) && Lexicon.Auxiliaries.Contains(doc.Word(cue.EndToken))
            && !doc.Is(cue.EndToken, "also") && !IsAdverb(doc, cue.EndToken) && !doc.Is(cue.EndToken, "again") && !doc.Is(cue.EndToken, "later")
            && !doc.Is(cue.EndToken, "earlier") && !doc.Is(cue.EndToken, "then") && !doc.Is(cue.EndToken, "now") && !doc.Is(cue.EndToken, "once"))
        {
            return null;
        }

        if (c == first && form is CueForm.Participle or CueForm.PastParticiple)
        {
            return null;
        }

        if (form == CueForm.Participle && prev >= 0 && (doc.IsPunct(prev, ',') || doc.Is(prev, "while") || doc.IsPunct(prev, '\u2014')
            || IsClosingQuote(doc, prev) && doc.IsPunct(prev - 1, ',')))
        {
            var subject = MainSubject(doc, s, c);

            // "Putin’s remarks were laced with defiance, suggesting that ...": when the person only modifies the subject
            // ("remarks", "tone") and the participle is epistemic, the inference is the author's, not an attribution.
            if (subject.First >= 0 && IsEpistemic(cue.Entry.Lemma) && subject.End < c && doc.Tokens[subject.End].Kind == TokenKind.Possessive)
            {
                return null;
            }

            var startAt = RightContentStart(doc, cue, cue.EndToken, end, out var objFirst, out var objEnd);
            if (startAt >= 0 && startAt + 1 < end && doc.IsPunct(startAt, ',') && IsQuoteStart(doc, startAt + 1))
            {
                startAt++;
            }

            if (subject.First < 0 || startAt < 0 || startAt >= end || !StartsContent(doc, startAt, end))
            {
                return null;
            }

            return Make(doc, cue, subject.First, subject.End, objFirst, objEnd, startAt, RightContentEnd(doc, startAt, end), "participle");
        }

        // Subject to the left of the cue, over auxiliaries and adverbs: "Putin has long argued".
        var k = SkipParenthesisLeft(doc, SkipAuxiliariesLeft(doc, c - 1, first), first);

        // "Smith praised the plan and said ...", "..., but insists ...": a second verb shares the clause's subject.
        if (k > first && form == CueForm.Finite && (doc.Is(k, "and") || doc.Is(k, "but")) && !doc.InQuote(k))
        {
            var shared = MainSubject(doc, s, k);
            var from = RightContentStart(doc, cue, cue.EndToken, end, out var cFirst, out var cEnd);
            if (from >= 0 && from + 1 < end && doc.IsPunct(from, ',') && IsQuoteStart(doc, from + 1))
            {
                from++;
            }

            if (shared.First < 0 || from < 0 || from >= end || !StartsContent(doc, from, end) || cls == CueClass.Characterize && doc.Is(from, "as"))
            {
                return null;
            }

            return Make(doc, cue, shared.First, shared.End, cFirst, cEnd, from, RightContentEnd(doc, from, end), "coordinated");
        }

        int srcFirst = -1, srcEnd = -1;
        var inverted = false;
        if (k >= first && IsNounPhraseEnd(doc, k))
        {
            srcFirst = NounPhraseStart(doc, k, first);
            srcEnd = k + 1;
        }
        else if (k >= first + 1 && (doc.Is(k, "who") || doc.Is(k, "which")) && RelativeAntecedent(doc, k, first) is var antecedent && antecedent >= 0)
        {
            // "Mark Ruiz, who leads the union, said" / "voters who said": the source is the antecedent with its pronoun.
            srcFirst = NounPhraseStart(doc, antecedent, first);
            srcEnd = k + 1;
        }
        else if (k >= first && doc.IsPunct(k, ',') && Apposition(doc, k, first) is var (aFirst, aEnd) && aFirst >= 0)
        {
            srcFirst = aFirst;
            srcEnd = aEnd;
        }

        if (srcFirst < 0 && form != CueForm.Participle && (k < first || doc.IsPunct(k, ',') || IsClosingQuote(doc, k)))
        {
            var (nFirst, nEnd) = NounPhraseRight(doc, cue.EndToken, end);
            if (nFirst >= 0)
            {
                srcFirst = nFirst;
                srcEnd = nEnd;
                inverted = true;
            }
        }

        // "Reports suggest that ...", "The data show ...": evidence, not a speaker, with an epistemic verb is an inference.
        if (srcFirst >= 0 && !inverted && IsEpistemic(cue.Entry.Lemma) && Lexicon.EvidenceNouns.Contains(doc.Word(srcEnd - 1)))
        {
            return null;
        }

        // A cue that can also be a noun ("states", "calls", "show") needs a subject that can speak.
        var ambiguous = srcFirst >= 0 && form == CueForm.Base || srcFirst >= 0 && (doc.Word(c).EndsWith('s') || IsVerbLike(doc, srcEnd - 1) || doc.Word(srcEnd - 1).EndsWith("ing", StringComparison.Ordinal));
        if (srcFirst < 0 || !inverted && ambiguous && !IsPlausibleSource(doc, srcFirst, srcEnd))
        {
            return null;
        }

        if (cls == CueClass.Speech && doc.Is(inverted ? srcEnd : cue.EndToken, "to") && !doc.Is((inverted ? srcEnd : cue.EndToken) + 1, "reporters")
            && !TakesInfinitive(cue.Entry.Lemma))
        {
            return null;
        }

        var leftOf = inverted ? c - 1 : srcFirst - 1;
        var introduced = leftOf >= first && (doc.IsPunct(leftOf, ',') || doc.IsPunct(leftOf, ':') || IsClosingQuote(doc, leftOf)
            || doc.IsPunct(leftOf, '\u2014') || doc.IsPunct(leftOf, '('));
        if (leftOf >= first && doc.IsPunct(leftOf, ',') && IsClosingQuote(doc, leftOf - 1))
        {
            leftOf--;
        }

        // "As X said, ...": the content follows the comma.
        if (!inverted && srcFirst - 1 >= first && doc.Is(srcFirst - 1, "as")
            && (srcFirst - 1 == first || doc.IsPunct(srcFirst - 2, ',') || Lexicon.SubjectBoundaries.Contains(doc.Word(srcFirst - 2))))
        {
            var comma = FindToken(doc, cue.EndToken, end, ',');
            if (comma < 0 || comma + 1 >= end)
            {
                return null;
            }

            return Make(doc, cue, srcFirst, srcEnd, -1, -1, comma + 1, RightContentEnd(doc, comma + 1, end), "as-cue");
        }

        var rightFrom = inverted ? srcEnd : cue.EndToken;
        var r = RightContentStart(doc, cue, rightFrom, end, out var oFirst, out var oEnd);
        var rightEmpty = r < 0 || r >= end || IsSentenceFinal(doc, r);
        var rightAfterComma = r >= 0 && r < end && doc.IsPunct(r, ',') && r + 1 < end && !IsParticipleCue(doc, r + 1);
        // '“...,” he said, as he traced her career': after a quotation, a clause opened by "as", "when", "before" sets the scene.
        var quotedLeft = leftOf > first && (IsClosingQuote(doc, leftOf) || IsClosingQuote(doc, leftOf - 1));
        if (r >= 0 && r < end && doc.IsPunct(r, ',') && r + 1 < end && (IsParticipleCue(doc, r + 1) || inverted && !IsQuoteStart(doc, r + 1)
            || quotedLeft && doc.IsLower(r + 1) && Lexicon.Subordinators.Contains(doc.Word(r + 1))))
        {
            rightEmpty = true; // ', adding that ...' is a frame of its own; ', said Smith, the owner.' ends here
            rightAfterComma = false;
        }

        if (!inverted && rightEmpty && BlockAfterColon(doc, cue.EndToken, end) is var block && block >= 0)
        {
            // "In a statement, the mayor wrote:" closing a paragraph: the next paragraph is what was written.
            var paragraph = doc.Paragraphs[doc.Tokens[block].Paragraph];
            return Make(doc, cue, srcFirst, srcEnd, oFirst, oEnd, block, doc.Tokens[Math.Min(paragraph.EndToken, block + MaxContent * 4) - 1].End, "block-quote");
        }

        if (introduced && leftOf > first && (rightEmpty || rightAfterComma))
        {
            var leftStart = QuotationOnly(doc, ClauseStartLeft(doc, leftOf, first), leftOf);
            if (leftStart >= leftOf)
            {
                return null;
            }

            if (rightEmpty)
            {
                return Make(doc, cue, srcFirst, srcEnd, oFirst, oEnd, leftStart, doc.Tokens[leftOf - 1].End, inverted ? "content-cue-subject" : "content-subject-cue");
            }

            var rightStart = r + 1;
            var contentEnd = RightContentEnd(doc, rightStart, end);
            var leftWords = CountWords(doc, leftStart, leftOf);

            // "Asked about the delay, Smith replied, “...”": a quotation opening on the right is the answer; the words
            // on the left set the scene unless they are themselves quoted.
            var quotedRight = IsQuoteStart(doc, rightStart) && !IsClosingQuote(doc, leftOf - 1) && !IsClosingQuote(doc, leftOf);
            return !quotedRight && (leftWords > 3 || IsQuoteStart(doc, leftStart))
                ? Make(doc, cue, srcFirst, srcEnd, oFirst, oEnd, leftStart, contentEnd, "parenthetical")
                : Make(doc, cue, srcFirst, srcEnd, oFirst, oEnd, rightStart, contentEnd, "parenthetical");
        }

        // '“...,” Smith said when asked': a quotation right before the attribution is its content.
        // But '“Sunday Report,” Smith said the plan had failed': a clause right of the cue is the content.
        var clauseRight = !inverted && r >= 0 && r < end && StartsReportedClause(doc, r, end);
        if (introduced && leftOf > first && (IsClosingQuote(doc, leftOf) || IsClosingQuote(doc, leftOf - 1)) && !doc.IsPunct(r, ':') && !doc.Is(r - 1, "that") && !clauseRight)
        {
            var leftStart = QuotationOnly(doc, ClauseStartLeft(doc, leftOf, first), leftOf);
            if (leftStart < leftOf)
            {
                return Make(doc, cue, srcFirst, srcEnd, oFirst, oEnd, leftStart, doc.Tokens[leftOf - 1].End, inverted ? "content-cue-subject" : "content-subject-cue");
            }
        }

        // "Smith said, “...”": a comma between the cue and an opening quotation.
        if (!inverted && r >= 0 && r + 1 < end && doc.IsPunct(r, ',') && doc.Tokens[r + 1].Kind == TokenKind.Quote && IsQuoteStart(doc, r + 1))
        {
            r++;
        }

        if (inverted || rightEmpty || doc.IsPunct(r, ','))
        {
            return null;
        }

        if (cls == CueClass.Characterize && doc.Is(r, "as"))
        {
            return null; // "what he describes as ...": the thing described is outside the clause.
        }

        if (!StartsContent(doc, r, end))
        {
            return null;
        }

        return Make(doc, cue, srcFirst, srcEnd, oFirst, oEnd, r, RightContentEnd(doc, r, end), "subject-cue");
    }

    private static Frame? AccordingTo(Document doc, Cue cue, Sentence s)
    {
        var first = s.FirstToken;
        var end = s.EndToken;
        var a = cue.EndToken;
        var b = a;
        while (b < end && b - a < 14 && !doc.IsPunct(b, ',') && !IsSentenceFinal(doc, b) && !doc.IsPunct(b, ';') && !doc.IsPunct(b, ':')
            && !doc.Is(b, "that") && !(doc.Tokens[b].Kind == TokenKind.Quote && b > a && !IsClosingQuote(doc, b)))
        {
            b++;
        }

        while (b > a && IsClosingQuote(doc, b - 1) && doc.Tokens[b - 1].Kind == TokenKind.Quote && b - 1 > a)
        {
            b--;
        }

        if (b <= a)
        {
            return null;
        }

        var srcFirst = a;
        var srcEnd = b;
        var before = cue.FirstToken - 1;
        var afterSource = b;
        while (afterSource < end && doc.Tokens[afterSource].Kind == TokenKind.Quote)
        {
            afterSource++;
        }

        if (before < first || doc.IsPunct(before, '(') || before == first && Lexicon.SubjectBoundaries.Contains(doc.Word(before)))
        {
            // "According to X:" closing the text has no content to report.
            if (afterSource + 1 >= end || !doc.IsPunct(afterSource, ',') && !doc.IsPunct(afterSource, ':'))
            {
                return null;
            }

            return Make(doc, cue, srcFirst, srcEnd, -1, -1, afterSource + 1, RightContentEnd(doc, afterSource + 1, end), "according-to");
        }

        var leftOf = doc.IsPunct(before, ',') || doc.IsPunct(before, '\u2014') ? before : cue.FirstToken;
        var leftStart = ClauseStartLeft(doc, leftOf, first);
        if (afterSource < end && doc.IsPunct(afterSource, ',') && afterSource + 1 < end && !IsSentenceFinal(doc, afterSource + 1))
        {
            var contentEnd = RightContentEnd(doc, afterSource + 1, end);
            return CountWords(doc, leftStart, leftOf) > 3
                ? Make(doc, cue, srcFirst, srcEnd, -1, -1, leftStart, contentEnd, "according-to")
                : Make(doc, cue, srcFirst, srcEnd, -1, -1, afterSource + 1, contentEnd, "according-to");
        }

        if (leftStart >= leftOf)
        {
            return null;
        }

        return Make(doc, cue, srcFirst, srcEnd, -1, -1, leftStart, doc.Tokens[leftOf - 1].End, "according-to");
    }

    /// <summary>"His insistence that ...", "Smith’s claim that ...": the owner speaks; the that-clause is the content.</summary>
    private static Frame? NounCue(Document doc, Cue cue, Sentence s)
    {
        var n = cue.FirstToken;
        var next = cue.EndToken;

        // "the suggestion by a senior senator that ...": the agent after "by" speaks.
        int byFirst = -1, byEnd = -1;
        if (doc.Is(next, "by") && (doc.Is(n - 1, "the") || doc.Is(n - 1, "a") || doc.Is(n - 1, "an")))
        {
            var b = next + 1;
            while (b < s.EndToken && b - next <= 8 && doc.Tokens[b].Kind is TokenKind.Word or TokenKind.Possessive && !doc.Is(b, "that") && !doc.InQuote(b))
            {
                b++;
            }

            if (b > next + 1 && doc.Is(b, "that") && IsPlausibleSource(doc, next + 1, b))
            {
                (byFirst, byEnd) = (next + 1, b);
                next = b;
            }
        }

        if (!doc.Is(next, "that") || next + 1 >= s.EndToken || IsVerbLike(doc, next + 1))
        {
            return null;
        }

        var k = byFirst >= 0 ? -1 : n - 1;
        while (k > s.FirstToken && n - k <= 2 && doc.IsLower(k) && !Lexicon.PossessivePronouns.Contains(doc.Word(k)) && !Lexicon.Determiners.Contains(doc.Word(k)))
        {
            k--;
        }

        int srcFirst, srcEnd;
        if (byFirst >= 0)
        {
            (srcFirst, srcEnd) = (byFirst, byEnd);
        }
        else if (k >= s.FirstToken && Lexicon.PossessivePronouns.Contains(doc.Word(k)))
        {
            srcFirst = k;
            srcEnd = k + 1;
        }
        else if (k - 1 >= s.FirstToken && doc.Tokens[k].Kind == TokenKind.Possessive && IsNounPhraseEnd(doc, k - 1))
        {
            srcFirst = NounPhraseStart(doc, k - 1, s.FirstToken);
            srcEnd = k;
        }
        else
        {
            return null;
        }

        var start = next + 1;
        var end = start;
        while (end < s.EndToken && end - start < MaxContent && !(IsSentenceFinal(doc, end) && !(doc.IsPunct(end, '.') && IsAbbreviationWord(doc, end - 1))) && !doc.IsPunct(end, ';') && !doc.IsPunct(end, '\u2014') && !doc.IsPunct(end, '\u2013')
            && !doc.IsPunct(end, '('))
        {
            end++;
        }

        if (end <= start)
        {
            return null;
        }

        return Make(doc, cue, srcFirst, srcEnd, -1, -1, start, doc.Tokens[end - 1].End, "noun-cue");
    }

    private static Frame Make(Document doc, Cue cue, int srcFirst, int srcEnd, int objFirst, int objEnd, int contentStartToken, int contentEndChar, string rule)
    {
        var startChar = doc.Tokens[contentStartToken].Start;
        return new Frame(cue.FirstToken, cue.EndToken, cue.Entry, srcFirst, srcEnd, objFirst, objEnd, startChar, Math.Max(startChar, contentEndChar), rule);
    }

    /// <summary>
    /// Where the content starts to the right of a cue: after adverbs, a hearer ("told reporters"), phrases such as
    /// "in a statement on Monday", and "that". Returns the token index (a comma means the cue was parenthetical), or -1.
    /// </summary>
    private static int RightContentStart(Document doc, Cue cue, int r, int end, out int objFirst, out int objEnd)
    {
        objFirst = objEnd = -1;
        r = SkipAdverbs(doc, r, end);
        if (r >= end)
        {
            return r;
        }

        if (cue.Entry.Class is CueClass.Tell or CueClass.Characterize && !doc.Is(r, "that") && doc.Tokens[r].Kind != TokenKind.Punct)
        {
            var j = r;
            while (j < end && j - r < 7 && doc.Tokens[j].Kind is TokenKind.Word or TokenKind.Possessive or TokenKind.Number
                && !doc.Is(j, "that") && !doc.Is(j, "to") && !doc.Is(j, "as") && !doc.Is(j, "of") && !doc.Is(j, "for") && !doc.Is(j, "about")
                && !IsWhWord(doc, j))
            {
                j++;
            }

            // "asked the minister whether ...": the question starts at the wh-word.
            if (j < end && IsWhWord(doc, j) && cue.Entry.Class == CueClass.Tell)
            {
                objFirst = j > r ? r : -1;
                objEnd = j > r ? j : -1;
                return j;
            }

            var stopsAtLink = j < end && (doc.Is(j, "that") || doc.Is(j, "to") || doc.Is(j, "as") || doc.Is(j, "of") || doc.Is(j, "for") || doc.Is(j, "about"));
            if (j > r && (stopsAtLink || j < end && (doc.IsPunct(j, ':') || doc.IsPunct(j, ',') || IsSentenceFinal(doc, j))))
            {
                objFirst = r;
                objEnd = j;
                // "characterized Rutte as ‘intelligent’": the words in the marks are the statement and the person is what
                // it is about. "dismissed the whole affair as “absurd”", "decried the party for “turning its back”": a
                // thing characterized, or the reason given, belongs to the statement, which is then mixed.
                var quoteAfterLink = j + 1 < end && doc.Tokens[j + 1].Kind == TokenKind.Quote;
                var keepsObject = cue.Entry.Class == CueClass.Characterize && quoteAfterLink && stopsAtLink
                    && (doc.Is(j, "for") || !IsShortPersonObject(doc, r, j));
                if (!keepsObject && (cue.Entry.Class == CueClass.Tell || quoteAfterLink || doc.IsPunct(j, ':')))
                {
                    r = stopsAtLink || doc.IsPunct(j, ':') ? j + 1 : j;
                }
            }
            else if (cue.Entry.Class == CueClass.Tell && (IsObjectPronoun(doc, r) || doc.IsCapitalized(r)))
            {
                objFirst = r;
                objEnd = doc.IsCapitalized(r) ? Math.Max(r + 1, MentionFinder.ScanName(doc, r, end)) : r + 1;
                r = objEnd;
            }
        }

        for (var guard = 0; guard < 4 && r < end; guard++)
        {
            r = SkipAdverbs(doc, r, end);
            if (r >= end)
            {
                break;
            }

            if (IsTimeWord(doc, r))
            {
                r += doc.Is(r, "last") ? 2 : 1;
                continue;
            }

            if (IsPreposition(doc, r))
            {
                // A phrase like "in a statement on Monday": skip it when "that", ":" or "," follows; else it runs to the end.
                var j = r + 1;
                while (j < end && j - r < MaxClause && doc.Tokens[j].Kind is TokenKind.Word or TokenKind.Possessive or TokenKind.Number && !doc.Is(j, "that"))
                {
                    j++;
                }

                if (j >= end || IsSentenceFinal(doc, j))
                {
                    return end;
                }

                if (doc.Is(j, "that") || doc.IsPunct(j, ':') || doc.IsPunct(j, ','))
                {
                    r = j;
                    continue;
                }

                break;
            }

            break;
        }

        if (r < end && (doc.Is(r, "that") || doc.IsPunct(r, ':')))
        {
            r++;

            // "said that, at the request of the agencies, it had ...": a comma after "that" opens an aside inside the content.
            if (r + 1 < end && doc.IsPunct(r, ',') && doc.Is(r - 1, "that"))
            {
                r++;
            }
        }

        return r;
    }

    /// <summary>The content runs to the end of the sentence or to a semicolon outside quotation marks.</summary>
    internal static int RightContentEnd(Document doc, int start, int end)
    {
        var last = start;
        end = Math.Min(end, start + MaxContent);
        for (var t = start; t < end; t++)
        {
            if (doc.IsPunct(t, ';') && !doc.InQuote(t) || t > start && EndsAtNextReport(doc, t, end))
            {
                break;
            }

            last = t;
        }

        while (last > start && doc.Tokens[last].Kind == TokenKind.Punct && doc.Text[doc.Tokens[last].Start] is '.' or ',' or ':' or '!' or '?' or '\u2014' or '\u2013' or '-')
        {
            last--;
        }

        return doc.Tokens[last].End;
    }

    /// <summary>
    /// "... and said ...", "..., adding that ...": a coordinated reporting verb or a reporting participle after a comma
    /// starts a report of its own, so the content before it ends there.
    /// </summary>
    private static bool EndsAtNextReport(Document doc, int t, int end)
    {
        var token = doc.Tokens[t];
        if (token.Kind == TokenKind.Quote)
        {
            // '“... the party,” claiming that ...': the comma that hands over sits inside the closing mark.
            return IsClosingQuote(doc, t) && doc.IsPunct(t - 1, ',') && t + 1 < end && IsParticipleCue(doc, t + 1) && doc.IsLower(t + 1) && IsSpeechLike(doc, t + 1);
        }

        if (token.Kind == TokenKind.Punct ? doc.Text[token.Start] != ',' : token.Length != 3 || doc.InQuote(t))
        {
            return false;
        }

        // '..., others argue that ...', '..., Clinton described ...': a new subject with a reporting verb after a comma.
        if (doc.IsPunct(t, ',') && !doc.InQuote(t) && NewReport(doc, t + 1, end))
        {
            return true;
        }

        // '..., a charge that ...', '..., a claim that ...': the author's comment on what was said (after "a", any cue word is a noun).
        if (doc.IsPunct(t, ',') && !doc.InQuote(t) && t + 2 < end && (doc.Is(t + 1, "a") || doc.Is(t + 1, "an"))
            && CueLexicon.TryGet(doc.Word(t + 2), out _))
        {
            return true;
        }

        if (doc.IsPunct(t, ',') && t + 1 < end && !doc.InQuote(t) && IsParticipleCue(doc, t + 1) && doc.IsLower(t + 1) && IsSpeechLike(doc, t + 1))
        {
            return true;
        }

        if (!doc.Is(t, "and") && !doc.Is(t, "but"))
        {
            return false;
        }

        // "..., but did not recommend charges": a negated second predicate of the speaker.
        if (doc.Is(t, "but") || doc.Is(t, "and"))
        {
            var a = t + 1;
            while (a < end && a - t <= 3 && doc.IsLower(a) && (Lexicon.Auxiliaries.Contains(doc.Word(a)) || doc.Is(a, "not")))
            {
                a++;
            }

            if (a > t + 1 && a < end && doc.IsLower(a) && CueLexicon.TryGet(doc.Word(a), out var negated) && negated.Class != CueClass.Noun && negated.Form == CueForm.Base)
            {
                return true;
            }
        }

        // "... and 14 percent said ...", "... but Trump said ...": a new subject with a reporting verb.
        if (NewReport(doc, t + 1, end))
        {
            return true;
        }

        // "... and likened it to ...", "... but downplayed the issue", "calling him “a stiff” and accusing him of ...": a
        // second predicate of the speaker, so the first report ends before it.
        var v = SkipAdverbs(doc, t + 1, end);
        if (v >= end || !doc.IsLower(v))
        {
            return false;
        }

        if (CueLexicon.TryGet(doc.Word(v), out var e) && e.Class != CueClass.Noun && (e.Form == CueForm.Finite || e.Form == CueForm.Participle && doc.Is(t, "and")))
        {
            return e.Form == CueForm.Participle || IsSpeechLike(doc, v) || TakesObjectNext(doc, v + 1, end);
        }

        var w = doc.Word(v);
        return w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal) && TakesObjectNext(doc, v + 1, end);
    }

    /// <summary>A determiner, possessive, object pronoun or name right after a verb: it takes an object, so it is a verb.</summary>
    private static bool TakesObjectNext(Document doc, int t, int end) =>
        t < end && (Lexicon.Determiners.Contains(doc.Word(t)) && !doc.Is(t, "that") || Lexicon.PossessivePronouns.Contains(doc.Word(t))
            || IsObjectPronoun(doc, t) || doc.IsCapitalized(t) && !doc.Is(t, "I"));

    /// <summary>The first token of the next paragraph when the cue's paragraph ends with a colon right after the cue (and its adverbs, hearer or "that").</summary>
    private static int BlockAfterColon(Document doc, int from, int end)
    {
        var colon = -1;
        for (var t = from; t < end && t - from <= 8; t++)
        {
            if (doc.IsPunct(t, ':'))
            {
                colon = t;
                break;
            }

            if (doc.Tokens[t].Kind == TokenKind.Punct || doc.InQuote(t))
            {
                return -1;
            }
        }

        var next = colon + 1;
        if (colon < 0 || next >= doc.Tokens.Length || doc.Tokens[next].Paragraph == doc.Tokens[colon].Paragraph
            || doc.Tokens[next].Paragraph != doc.Tokens[colon].Paragraph + 1 && !(doc.Tokens[next].Paragraph == doc.Tokens[colon].Paragraph + 2))
        {
            return -1;
        }

        return next;
    }

    /// <summary>A short subject (a name, a pronoun, "others", "14 percent") and a finite reporting verb from <paramref name="k"/>.</summary>
    private static bool NewReport(Document doc, int k, int end)
    {
        if (k >= end || doc.InQuote(k) || doc.Is(k, "which") || doc.Is(k, "who") || doc.Is(k, "that") || doc.Is(k, "as") || doc.Is(k, "what"))
        {
            return false;
        }

        for (var v = k + 1; v < end && v - k <= 4; v++)
        {
            var prev = v - 1;
            if (doc.InQuote(prev) || doc.Tokens[prev].Kind is not (TokenKind.Word or TokenKind.Number or TokenKind.Possessive) && !doc.IsPunct(prev, '%')
                || Lexicon.SubjectBoundaries.Contains(doc.Word(prev)) || doc.IsLower(prev) && CueLexicon.TryGet(doc.Word(prev), out var pe) && pe.Class != CueClass.Noun)
            {
                return false;
            }

            if (doc.IsLower(v) && CueLexicon.TryGet(doc.Word(v), out var e) && e.Form is CueForm.Finite or CueForm.Base && e.Class is CueClass.Speech or CueClass.Tell or CueClass.Characterize)
            {
                return IsPlausibleSource(doc, k, v);
            }
        }

        return false;
    }

    /// <summary>A word that opens a clause (not a preposition, a subordinator or a time word), with a few words after it.</summary>
    private static bool StartsReportedClause(Document doc, int r, int end) =>
        doc.Tokens[r].Kind == TokenKind.Word && !IsPreposition(doc, r) && !Lexicon.Subordinators.Contains(doc.Word(r)) && !IsTimeWord(doc, r)
        && !IsParticipleCue(doc, r) && !IsAdverb(doc, r) && !doc.Is(r, "and") && !doc.Is(r, "but") && CountWords(doc, r, Math.Min(end, r + 8)) >= 4;

    private static bool IsSpeechLike(Document doc, int t) =>
        CueLexicon.TryGet(doc.Word(t), out var e) && e.Class is CueClass.Speech or CueClass.Tell or CueClass.Characterize;

    /// <summary>Content must begin like a clause or a quotation, not with punctuation.</summary>
    private static bool StartsContent(Document doc, int t, int end) =>
        t < end && (doc.Tokens[t].Kind is TokenKind.Word or TokenKind.Number or TokenKind.Quote || doc.IsPunct(t, '$'));

    private static (int First, int End) MainSubject(Document doc, Sentence s, int before)
    {
        (int, int) pronoun = (-1, -1), anyName = (-1, -1);
        var from = Math.Max(s.FirstToken, before - MaxClause);
        foreach (var m in MentionsIn(doc, from, before))
        {
            if (m.Kind == MentionKind.Name && m.PersonLike)
            {
                return (m.FirstToken, m.EndToken);
            }

            if (m.Kind == MentionKind.Name && anyName.Item1 < 0)
            {
                anyName = (m.FirstToken, m.EndToken);
            }
        }

        for (var t = from; t < before; t++)
        {
            if (!doc.InQuote(t) && Lexicon.Pronouns.Contains(doc.Word(t)) && doc.Tokens[t].Kind == TokenKind.Word)
            {
                pronoun = (t, t + 1);
                break;
            }
        }

        if (pronoun.Item1 >= 0 && (anyName.Item1 < 0 || pronoun.Item1 < anyName.Item1))
        {
            return pronoun;
        }

        return anyName.Item1 >= 0 ? anyName : (-1, -1);
    }

    private static IEnumerable<Mention> MentionsIn(Document doc, int from, int before)
    {
        var mentions = doc.Mentions;
        var lo = 0;
        var hi = mentions.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (mentions[mid].FirstToken < from)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (var i = lo; i < mentions.Length && mentions[i].FirstToken < before; i++)
        {
            if (!doc.InQuote(mentions[i].FirstToken))
            {
                yield return mentions[i];
            }
        }
    }

    private static int SkipAuxiliariesLeft(Document doc, int k, int first)
    {
        while (k >= first)
        {
            if ((doc.Tokens[k].Kind == TokenKind.Word || doc.Tokens[k].Kind == TokenKind.Possessive)
                && (Lexicon.Auxiliaries.Contains(doc.Word(k)) || IsAdverb(doc, k)))
            {
                k--;
                continue;
            }

            if (k - 2 >= first && doc.IsPunct(k, ',') && doc.IsPunct(k - 2, ',') && Lexicon.ParentheticalAdverbs.Contains(doc.Word(k - 1)))
            {
                k -= 3;
                continue;
            }

            break;
        }

        return k;
    }

    private static int SkipAdverbs(Document doc, int r, int end)
    {
        while (r < end && doc.Tokens[r].Kind == TokenKind.Word && (IsAdverb(doc, r) || doc.Is(r, "also") || doc.Is(r, "again") || doc.Is(r, "later")
            || doc.Is(r, "repeatedly") || doc.Is(r, "too") || doc.Is(r, "then") || doc.Is(r, "once") || doc.Is(r, "out")))
        {
            r++;
        }

        return r;
    }

    internal static bool IsAdverb(Document doc, int t)
    {
        var w = doc.Word(t);
        return w.Length > 4 && char.IsLower(w[0]) && w.EndsWith("ly", StringComparison.Ordinal) && !w.SequenceEqual("early")
            && !w.SequenceEqual("family") && !w.SequenceEqual("italy") && !w.SequenceEqual("supply");
    }

    private static bool IsBeForm(Document doc, int t) =>
        doc.Is(t, "is") || doc.Is(t, "was") || doc.Is(t, "were") || doc.Is(t, "are") || doc.Is(t, "be") || doc.Is(t, "been") || doc.Is(t, "being")
        || doc.Is(t, "get") || doc.Is(t, "got");

    private static bool IsVerbLike(Document doc, int t)
    {
        if (!doc.IsLower(t))
        {
            return false;
        }

        var w = doc.Word(t);
        return Lexicon.Auxiliaries.Contains(w) && !w.SequenceEqual("long") || w.EndsWith("ed", StringComparison.Ordinal)
            || CueLexicon.TryGet(w, out var e) && e.Form == CueForm.Finite && e.Class != CueClass.Noun;
    }

    private static bool IsNounPhraseEnd(Document doc, int k)
    {
        var token = doc.Tokens[k];
        if (token.Kind != TokenKind.Word)
        {
            return false;
        }

        var w = doc.Word(k);
        if (Lexicon.SubjectBoundaries.Contains(w) || Lexicon.Determiners.Contains(w) && !Lexicon.Pronouns.Contains(w) || Lexicon.PossessivePronouns.Contains(w) && !doc.Is(k, "her"))
        {
            return false;
        }

        return !(CueLexicon.TryGet(w, out var e) && e.Class != CueClass.Noun && e.Form != CueForm.Base && char.IsLower(w[0])
            && !Lexicon.GroupNouns.Contains(w) && !Lexicon.RoleNouns.Contains(w));
    }

    private static int NounPhraseStart(Document doc, int k, int first)
    {
        if (Lexicon.Pronouns.Contains(doc.Word(k)))
        {
            return k; // "told AP they concluded": a subject pronoun is the whole subject
        }

        var j = k;
        while (j - 1 >= first && k - j < MaxNounPhrase)
        {
            var p = j - 1;
            var kind = doc.Tokens[p].Kind;
            var ok = kind == TokenKind.Word && !Lexicon.SubjectBoundaries.Contains(doc.Word(p)) && !IsCueVerb(doc, p)
                || kind == TokenKind.Possessive
                || kind == TokenKind.Number && doc.Tokens[p].End < doc.Tokens[j].Start
                || doc.IsPunct(p, '.') && p - 1 >= first && (doc.Tokens[p - 1].Length == 1 || Lexicon.Abbreviations.Contains(doc.Word(p - 1)))
                || doc.IsPunct(p, '-');
            if (!ok)
            {
                break;
            }

            j--;
        }

        // "a Democratic staffer in the room": extend over a prepositional phrase attached to a noun.
        if (j - 2 >= first && (doc.Is(j - 1, "in") || doc.Is(j - 1, "at") || doc.Is(j - 1, "with") || doc.Is(j - 1, "from") || doc.Is(j - 1, "on"))
            && doc.Tokens[j - 2].Kind == TokenKind.Word && !Lexicon.SubjectBoundaries.Contains(doc.Word(j - 2)) && !IsCueVerb(doc, j - 2) && doc.IsLower(j)
            && k - j < 5 && !IsVerbLike(doc, j - 2))
        {
            var outer = NounPhraseStart(doc, j - 2, first);
            if (outer < j - 2 && !doc.IsCapitalized(outer) || doc.Is(outer, "the") || doc.Is(outer, "a") || doc.Is(outer, "an"))
            {
                j = outer;
            }
        }

        while (j < k && (doc.Is(j, "of") || doc.Is(j, "for") || doc.Is(j, "at") || doc.Is(j, "from") || doc.Tokens[j].Kind == TokenKind.Punct))
        {
            j++;
        }

        return j;
    }

    private static bool IsCueVerb(Document doc, int t) =>
        doc.IsLower(t) && CueLexicon.TryGet(doc.Word(t), out var e) && e.Class != CueClass.Noun && e.Form is CueForm.Finite or CueForm.Participle or CueForm.PastParticiple;

    /// <summary>
    /// A source is a name, a pronoun, or a noun phrase headed by a word for people, groups or documents
    /// ("the senator", "officials", "a new poll"); "the dozen" or "political news" are not.
    /// </summary>
    private static bool IsPlausibleSource(Document doc, int first, int end)
    {
        var head = end - 1;
        var w = doc.Word(head);
        if (end - first == 1 && (Lexicon.Pronouns.Contains(w) || doc.Is(head, "who")))
        {
            return true;
        }

        for (var t = first; t < end; t++)
        {
            if (doc.IsCapitalized(t) && !Lexicon.NotNames.Contains(doc.Word(t)) && !Lexicon.Months.Contains(doc.Word(t)) && (t > first || end - first <= 4))
            {
                return true;
            }
        }

        if (w.EndsWith("ers", StringComparison.Ordinal) || w.EndsWith("ists", StringComparison.Ordinal) || w.EndsWith("ans", StringComparison.Ordinal))
        {
            return true; // voters, lawmakers, analysts, Republicans, Americans
        }

        // "49% say", "21 percent said", "half of voters in each state say": a share of those polled.
        for (var t = first; t < end; t++)
        {
            if (doc.Tokens[t].Kind == TokenKind.Number && (t + 1 < doc.Tokens.Length && (doc.IsPunct(t + 1, '%') || doc.Is(t + 1, "percent")) || doc.Word(t).EndsWith('%'))
                || doc.Is(t, "half") || doc.Is(t, "majority") || doc.Is(t, "third") || doc.Is(t, "quarter") || doc.Is(t, "plurality"))
            {
                return true;
            }
        }

        return Lexicon.PersonNouns.Contains(w) || Lexicon.GroupNouns.Contains(w) || Lexicon.RoleNouns.Contains(w) || Lexicon.Titles.Contains(w);
    }

    /// <summary>"Flynn, a top Trump surrogate, said": the noun phrase before an apposition ending at the comma <paramref name="comma"/>.</summary>
    private static (int First, int End) Apposition(Document doc, int comma, int first)
    {
        for (var p = comma - 1; p > first && comma - p < 30; p--)
        {
            // "Ann Lee, the author of “Tidewater,” said": a quoted title inside the apposition.
            if (IsClosingQuote(doc, p) && doc.Quotes[doc.QuoteOf[p]].OpenToken > first)
            {
                p = doc.Quotes[doc.QuoteOf[p]].OpenToken;
                continue;
            }

            if (doc.Tokens[p].Kind is TokenKind.Quote || IsSentenceFinal(doc, p) && !(doc.IsPunct(p, '.') && p > first && IsAbbreviationWord(doc, p - 1)))
            {
                return (-1, -1);
            }

            if (!doc.IsPunct(p, ','))
            {
                continue;
            }

            var segment = p + 1;

            // "Ramil Carr, 31, a photographer, said": an age between commas belongs to the name.
            if (p - 2 > first && doc.Tokens[p - 1].Kind == TokenKind.Number && doc.IsPunct(p - 2, ','))
            {
                p -= 2;
            }

            var appositive = doc.Is(segment, "a") || doc.Is(segment, "an") || doc.Is(segment, "the") || doc.Is(segment, "who")
                || doc.Is(segment, "in") || doc.Is(segment, "at") || doc.Is(segment, "on") || doc.Is(segment, "from") || doc.Is(segment, "during")
                || doc.IsLower(segment) && doc.Word(segment).EndsWith("ing", StringComparison.Ordinal)
                || doc.Is(segment, "whose") || doc.Is(segment, "which") || HasRoleWord(doc, segment, comma);
            if (!appositive || !IsNounPhraseEnd(doc, p - 1))
            {
                return (-1, -1);
            }

            return (NounPhraseStart(doc, p - 1, first), p);
        }

        return (-1, -1);
    }

    private static bool HasRoleWord(Document doc, int from, int to)
    {
        for (var t = from; t < to; t++)
        {
            if (Lexicon.Titles.Contains(doc.Word(t)) || Lexicon.PersonNouns.Contains(doc.Word(t)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The subject after an inverted cue: ", said the senator." Must end the clause.</summary>
    private static (int First, int End) NounPhraseRight(Document doc, int a, int end)
    {
        var b = a;
        while (b < end && b - a < MaxNounPhrase)
        {
            var kind = doc.Tokens[b].Kind;
            var ok = kind == TokenKind.Word && (!Lexicon.SubjectBoundaries.Contains(doc.Word(b)) || doc.Is(b, "of") && b > a)
                || kind == TokenKind.Possessive
                || doc.IsPunct(b, '.') && b > a && (doc.Tokens[b - 1].Length == 1 || Lexicon.Abbreviations.Contains(doc.Word(b - 1))) && b + 1 < end && doc.IsCapitalized(b + 1)
                || doc.IsPunct(b, '-');
            if (!ok)
            {
                break;
            }

            b++;
        }

        if (b == a || doc.Is(a, "that") || IsObjectPronoun(doc, a))
        {
            return (-1, -1);
        }

        var closes = b >= end || doc.IsPunct(b, ',') || IsSentenceFinal(doc, b) || IsPreposition(doc, b) || doc.IsPunct(b, ';') || doc.IsPunct(b, ':')
            || doc.Is(b, "who") || doc.Is(b, "whose") || doc.Is(b, "when") || doc.IsPunct(b, '(') || doc.IsPunct(b, '\u2014');
        return closes ? (a, b) : (-1, -1);
    }

    /// <summary>
    /// 'Asked about the delay, Lee said, “We are ready. ...” she added', 'Lee met the unions (“We are ready,” she said)':
    /// when the words left of a cue end with a quotation that another cue, a comma, a colon, a dash or an opening
    /// parenthesis introduces, the content is that quotation, not the scene before it.
    /// </summary>
    private static int QuotationOnly(Document doc, int leftStart, int leftOf)
    {
        var close = IsClosingQuote(doc, leftOf) ? leftOf : IsClosingQuote(doc, leftOf - 1) ? leftOf - 1 : -1;
        if (close < 0)
        {
            return leftStart;
        }

        var open = doc.Quotes[doc.QuoteOf[close]].OpenToken;
        var before = open - 1;
        if (open <= leftStart || before < leftStart)
        {
            return leftStart;
        }

        var introduced = doc.IsPunct(before, ',') || doc.IsPunct(before, ':') || doc.IsPunct(before, '(') || doc.IsPunct(before, '\u2014')
            || doc.IsLower(before) && CueLexicon.TryGet(doc.Word(before), out var e) && e.Class is CueClass.Speech or CueClass.Tell && e.Form == CueForm.Finite;
        return introduced ? open : leftStart;
    }

    /// <summary>Start of the clause that ends just before <paramref name="t"/>: after a comma, semicolon, "that", or at the sentence start.</summary>
    private static int ClauseStartLeft(Document doc, int t, int first)
    {
        var k = t - 1;
        first = Math.Max(first, t - MaxClause);
        while (k >= first)
        {
            var quote = doc.InQuote(k) ? doc.QuoteOf[k] : -1;
            if (quote >= 0)
            {
                k = doc.Quotes[quote].OpenToken - 1;
                continue;
            }

            if (doc.IsPunct(k, ';') || doc.IsPunct(k, ':') || doc.Is(k, "that") || doc.Is(k, "which") || doc.Is(k, "who"))
            {
                return k + 1;
            }

            k--;
        }

        return first;
    }

    private static int FindToken(Document doc, int from, int end, char c)
    {
        for (var t = from; t < end && t - from < MaxClause; t++)
        {
            if (doc.IsPunct(t, c))
            {
                return t;
            }
        }

        return -1;
    }

    private static int CountWords(Document doc, int from, int to)
    {
        var n = 0;
        for (var t = from; t < to; t++)
        {
            n += doc.Tokens[t].Kind == TokenKind.Word ? 1 : 0;
        }

        return n;
    }

    private static bool IsWhWord(Document doc, int t) =>
        doc.Is(t, "whether") || doc.Is(t, "if") || doc.Is(t, "why") || doc.Is(t, "how") || doc.Is(t, "what") || doc.Is(t, "when") || doc.Is(t, "who");

    /// <summary>"Sen. Ana Ruiz (D-Ore.) said": a short parenthesis after a name (party, state, age) belongs to the name.</summary>
    private static int SkipParenthesisLeft(Document doc, int k, int first)
    {
        if (k <= first || !doc.IsPunct(k, ')'))
        {
            return k;
        }

        for (var p = k - 1; p > first && k - p <= 8; p--)
        {
            if (doc.IsPunct(p, '('))
            {
                return doc.Tokens[p - 1].Kind == TokenKind.Word ? p - 1 : k;
            }

            if (doc.IsPunct(p, ')') || doc.Tokens[p].Kind == TokenKind.Quote)
            {
                return k;
            }
        }

        return k;
    }

    private static int RelativeAntecedent(Document doc, int relative, int first)
    {
        var before = SkipParenthesisLeft(doc, doc.IsPunct(relative - 1, ',') ? relative - 2 : relative - 1, first);
        return before >= first && IsNounPhraseEnd(doc, before) ? before : -1;
    }

    /// <summary>"Rutte", "Mark Rutte", "him", "it": an object that names who or what is characterized in a word or two.</summary>
    private static bool IsShortPersonObject(Document doc, int first, int end)
    {
        if (end - first == 1 && (IsObjectPronoun(doc, first) || doc.Is(first, "it") || doc.Is(first, "this") || doc.Is(first, "that")))
        {
            return true;
        }

        for (var t = first; t < end; t++)
        {
            if (!doc.IsCapitalized(t) && doc.Tokens[t].Kind != TokenKind.Possessive)
            {
                return false;
            }
        }

        return end - first <= 4;
    }

    /// <summary>Verbs of inference rather than of speech when their subject is a thing: "the figures suggest".</summary>
    private static bool IsEpistemic(string lemma) =>
        lemma is "suggest" or "indicate" or "imply" or "show" or "demonstrate";

    private static bool TakesInfinitive(string lemma) =>
        lemma is "pledge" or "vow" or "threaten" or "agree" or "propose" or "demand" or "swear" or "volunteer" or "promise";

    private static bool IsAbbreviationWord(Document doc, int t) =>
        doc.Tokens[t].Kind == TokenKind.Word && (doc.Tokens[t].Length == 1 || Lexicon.Abbreviations.Contains(doc.Word(t)) || doc.Word(t).Contains('.'));

    private static bool IsQuoteStart(Document doc, int t) =>
        doc.InQuote(t) && doc.Quotes[doc.QuoteOf[t]].OpenToken == t;

    internal static bool IsClosingQuote(Document doc, int t)
    {
        if (!doc.InQuote(t))
        {
            return false;
        }

        var q = doc.Quotes[doc.QuoteOf[t]];
        return q.Closed && q.CloseToken == t;
    }

    internal static bool IsSentenceFinalToken(Document doc, int t) => IsSentenceFinal(doc, t);

    private static bool IsSentenceFinal(Document doc, int t) =>
        doc.Tokens[t].Kind == TokenKind.Punct && doc.Text[doc.Tokens[t].Start] is '.' or '!' or '?' or '\u2026';

    private static bool IsParticipleCue(Document doc, int t) =>
        CueLexicon.TryGet(doc.Word(t), out var e) && e.Form == CueForm.Participle;

    private static bool IsObjectPronoun(Document doc, int t) =>
        doc.Is(t, "him") || doc.Is(t, "her") || doc.Is(t, "them") || doc.Is(t, "us") || doc.Is(t, "me") || doc.Is(t, "reporters")
        || doc.Is(t, "journalists") || doc.Is(t, "supporters") || doc.Is(t, "voters") || doc.Is(t, "lawmakers") || doc.Is(t, "you");

    private static bool IsTimeWord(Document doc, int t) =>
        Lexicon.Weekdays.Contains(doc.Word(t)) || doc.Is(t, "today") || doc.Is(t, "yesterday") || doc.Is(t, "tonight") || doc.Is(t, "earlier")
        || doc.Is(t, "recently") || doc.Is(t, "last") && t + 1 < doc.Tokens.Length && (doc.Is(t + 1, "week") || doc.Is(t + 1, "month") || doc.Is(t + 1, "year"));

    private static bool IsPreposition(Document doc, int t) =>
        doc.Is(t, "in") || doc.Is(t, "on") || doc.Is(t, "at") || doc.Is(t, "during") || doc.Is(t, "via") || doc.Is(t, "through") || doc.Is(t, "before")
        || doc.Is(t, "after") || doc.Is(t, "with") || doc.Is(t, "from") || doc.Is(t, "to") || doc.Is(t, "of") || doc.Is(t, "about")
        || doc.Is(t, "while") || doc.Is(t, "last") || doc.Is(t, "this");
}
