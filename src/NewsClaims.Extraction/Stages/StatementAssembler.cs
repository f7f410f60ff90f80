using NewsClaims.Extraction.Model;

namespace NewsClaims.Extraction.Stages;

/// <summary>
/// Turns frames and quotations into candidate statements. A frame whose content starts with a quotation is a direct
/// quote (the words inside the marks); one whose content contains a quotation is mixed; otherwise indirect.
/// Quotations no frame covers become statements when they look like speech: attributed by a colon ("X: ..."),
/// or long enough to be a turn of speech; short quoted terms, titles and echoes of earlier quotes are dropped.
/// </summary>
internal static class StatementAssembler
{
    private const int MinUnattributedWords = 5;

    public static List<Candidate> Run(Document doc, IReadOnlyList<Frame> frames)
    {
        var candidates = new List<Candidate>();
        var usedQuote = new bool[doc.Quotes.Length];
        var topLevel = new List<int>();
        for (var q = 0; q < doc.Quotes.Length; q++)
        {
            if (doc.Quotes[q].Depth == 0)
            {
                topLevel.Add(q);
            }
        }

        foreach (var frame in frames)
        {
            var candidate = FromFrame(doc, frame, usedQuote, topLevel);
            if (candidate is not null)
            {
                candidates.Add(candidate);
            }
        }

        var seenQuotes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var surnames = doc.Quotes.Length > 0 ? PersonSurnames(doc) : null;
        for (var q = 0; q < doc.Quotes.Length; q++)
        {
            var quote = doc.Quotes[q];
            if (quote.Depth != 0 || doc.Tokens[quote.OpenToken].Paragraph == doc.HeadlineParagraph)
            {
                continue;
            }

            var inner = Trim(doc.Text, quote.ContentStart, quote.ContentEnd);
            if (inner.End <= inner.Start)
            {
                continue;
            }

            var key = doc.Text[inner.Start..inner.End];
            var echo = !seenQuotes.Add(key);
            if (usedQuote[q])
            {
                continue;
            }

            var words = CountWords(doc, quote);
            if (IsProvenance(doc, quote.OpenToken))
            {
                continue;
            }

            // 'part of a ‘coalition of the willing’' names a term; 'Lee attacked the “rigged” system' echoes Lee's word. A
            // term, a title ('Lee defended the “Gang of Eight” bill') or an echo of words quoted earlier is a statement
            // only as part of the clause of a person named before it.
            var term = IsTerm(doc, quote) || echo || IsTitleOfWork(doc, quote, words);

            // A few quoted words are a term (scare quotes) unless the text hands them to a speaker: "Smith: “...”" or
            // '“Not now,” Smith snapped'. Without such evidence they are never a statement.
            var fragment = words < MinUnattributedWords && !HasSentencePunctuation(doc, quote);
            var sentence = doc.SentenceOf[quote.OpenToken];
            var (srcFirst, srcEnd) = ColonSource(doc, quote.OpenToken);
            var rule = srcFirst >= 0 ? "colon" : quote.ContinuesPrevious ? "continued-quote" : "continuation";
            if (PossessorBeforeColon(doc, quote.OpenToken) is var (ownerFirst, ownerEnd) && ownerFirst >= 0)
            {
                (srcFirst, srcEnd, rule) = (ownerFirst, ownerEnd, "possessor-colon");
            }
            if (srcFirst < 0 && quote.Closed && (!fragment || EndsWithHandOff(doc, quote)))
            {
                (srcFirst, srcEnd) = NameAfter(doc, quote.CloseToken + 1, EndsWithHandOff(doc, quote));
                rule = srcFirst >= 0 ? "quote-then-name" : rule;
            }

            if ((fragment || term || IsEmbedded(doc, quote)) && srcFirst < 0 && ActorClause(doc, quote, surnames!) is var (actorFirst, actorEnd, from) && actorFirst >= 0)
            {
                // 'Rubio bemoaned a climate in which people “hate each other”': a fragment inside what a named person did
                // with words is reported speech; the statement is the clause after the verb, mixed.
                var clause = Trim(doc.Text, doc.Tokens[from].Start, FrameFinder.RightContentEnd(doc, from, doc.Sentences[sentence].EndToken));
                if (clause.End > inner.End || clause.Start < inner.Start - 1)
                {
                    // Later quotations inside the same clause belong to this statement.
                    for (var k = q + 1; k < doc.Quotes.Length && doc.Tokens[doc.Quotes[k].OpenToken].Start < clause.End; k++)
                    {
                        usedQuote[k] = true;
                    }

                    candidates.Add(new Candidate(StatementKind.Mixed, clause.Start, clause.End, actorFirst, actorEnd, -1, -1, -1, -1, null, "actor-fragment", sentence, true));
                    continue;
                }
            }

            // 'The measure, which Lee has opposed as a “tax grab,” passed': a quoted fragment whose clause has a verb and
            // whose sentence names a person before it echoes that person's words; the statement is the clause, mixed.
            // Without a person the words of a longer embedded quotation still belong to their clause, with no speaker.
            var embedded = IsEmbedded(doc, quote);
            if ((fragment || term || embedded) && srcFirst < 0 && quote.Closed && FragmentClauseStart(doc, quote) is var clauseFrom && clauseFrom >= 0
                && SentenceSubject(doc, quote.OpenToken, surnames!, descriptions: !term) is var (subjFirst, subjEnd)
                && (subjFirst >= 0 || embedded && !term))
            {
                var clause = Trim(doc.Text, doc.Tokens[clauseFrom].Start, FrameFinder.RightContentEnd(doc, clauseFrom, doc.Sentences[sentence].EndToken));
                if (clause.End > inner.End + 1 || clause.Start < inner.Start - 1)
                {
                    for (var k = q + 1; k < doc.Quotes.Length && doc.Tokens[doc.Quotes[k].OpenToken].Start < clause.End; k++)
                    {
                        usedQuote[k] = true;
                    }

                    candidates.Add(new Candidate(StatementKind.Mixed, clause.Start, clause.End, subjFirst, subjEnd, -1, -1, -1, -1, null, "fragment-clause", sentence, true));
                    continue;
                }
            }

            if (term)
            {
                continue;
            }

            if (fragment)
            {
                if (srcFirst < 0)
                {
                    continue;
                }

                rule = "short-" + rule;
            }
            else if (srcFirst < 0)
            {
                (srcFirst, srcEnd) = SentenceSubject(doc, quote.OpenToken, surnames!);
                rule = srcFirst >= 0 ? "sentence-subject" : rule;
            }
            candidates.Add(new Candidate(StatementKind.Direct, inner.Start, inner.End, srcFirst, srcEnd, -1, -1, -1, -1, null, rule, sentence, quote.Closed));
        }

        if (HeadlineStatement(doc) is { } headline)
        {
            candidates.Add(headline);
        }

        AddTranscriptTurns(doc, candidates);

        candidates.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        return MergeTurns(doc, RemoveDuplicates(candidates));
    }

    /// <summary>
    /// '“A,” she said. “B.”' is one turn of speech: a quotation with no attribution of its own that follows an
    /// attributed quotation in the same paragraph extends that statement rather than starting a new one.
    /// </summary>
    private static List<Candidate> MergeTurns(Document doc, List<Candidate> candidates)
    {
        var result = new List<Candidate>(candidates.Count);
        foreach (var c in candidates)
        {
            if (result.Count > 0 && c.Rule == "continuation" && result[^1] is { HasSource: true, Kind: StatementKind.Direct or StatementKind.Mixed } previous
                && previous.End <= c.Start && doc.Sentences[previous.Sentence].Paragraph == doc.Sentences[c.Sentence].Paragraph
                && !GapReportsMore(doc, previous.End, c.Start) && EndsItsSentence(doc, c.End))
            {
                result[^1] = previous with { End = c.End };
                continue;
            }

            result.Add(c);
        }

        return result;
    }

    /// <summary>
    /// '“A,” she said, referring to her rival. “B.”', '“A,” said Lee, who wrote the report. “B.”': between the two parts
    /// the author reports something else (a participle, a relative or subordinate clause), so the parts stay apart.
    /// </summary>
    private static bool GapReportsMore(Document doc, int fromChar, int toChar)
    {
        var t = TokenAt(doc, fromChar);
        for (; t < doc.Tokens.Length && doc.Tokens[t].Start < toChar; t++)
        {
            if (doc.InQuote(t) || doc.Tokens[t].Kind != TokenKind.Word || !doc.IsLower(t))
            {
                continue;
            }

            var w = doc.Word(t);
            if (Lexicon.Subordinators.Contains(w) || doc.Is(t, "who") || doc.Is(t, "which")
                || CueLexicon.TryGet(w, out var e) && e.Form == CueForm.Participle && e.Class != CueClass.Noun)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// '“B.”' alone, or '“B,” she said.', ends its sentence; '“B” that the plan had failed, she said' goes on with the
    /// author's words, so it is not a plain continuation of the turn before.
    /// </summary>
    private static bool EndsItsSentence(Document doc, int contentEnd)
    {
        var t = TokenAt(doc, contentEnd);
        if (t >= doc.Tokens.Length)
        {
            return true;
        }

        var sentence = doc.SentenceOf[t];
        for (var guard = 0; t < doc.Tokens.Length && guard < 4; t++, guard++)
        {
            if (doc.SentenceOf[t] != sentence)
            {
                return true;
            }

            if (doc.Tokens[t].Kind is TokenKind.Word or TokenKind.Number && !doc.InQuote(t))
            {
                return false;
            }

            if (doc.Tokens[t].Kind == TokenKind.Quote && doc.InQuote(t) && doc.Quotes[doc.QuoteOf[t]].OpenToken == t)
            {
                return true; // another quotation follows
            }
        }

        return true;
    }

    private static int TokenAt(Document doc, int charPos)
    {
        int lo = 0, hi = doc.Tokens.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (doc.Tokens[mid].Start < charPos)
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

    private static Candidate? FromFrame(Document doc, Frame frame, bool[] usedQuote, List<int> topLevel)
    {
        var start = frame.ContentStart;
        var end = frame.ContentEnd;
        var sentence = doc.SentenceOf[frame.CueFirst];
        var kind = StatementKind.Indirect;
        var closed = true;
        int firstQuote = -1, lastQuote = -1;
        // Top-level quotations do not overlap, so they are ordered by both ends: binary search the first candidate.
        int lo = 0, hi = topLevel.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (doc.Quotes[topLevel[mid]].ContentEnd <= start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (var i = lo; i < topLevel.Count; i++)
        {
            var q = topLevel[i];
            var quote = doc.Quotes[q];
            if (doc.Tokens[quote.OpenToken].Start >= end)
            {
                break;
            }

            if (firstQuote < 0)
            {
                firstQuote = q;
            }

            lastQuote = q;
        }

        if (firstQuote >= 0)
        {
            var first = doc.Quotes[firstQuote];
            var startsWithQuote = doc.Tokens[first.OpenToken].Start <= start + 1 && first.ContentEnd > start;
            if (startsWithQuote)
            {
                kind = StatementKind.Direct;
                var last = firstQuote;
                for (var q = firstQuote + 1; q <= lastQuote; q++)
                {
                    if (doc.Quotes[q].Depth == 0 && doc.Tokens[doc.Quotes[q].OpenToken].Start - doc.Quotes[last].ContentEnd < 80)
                    {
                        last = q;
                    }
                    else if (doc.Quotes[q].Depth == 0)
                    {
                        break;
                    }
                }

                for (var q = firstQuote; q <= last; q++)
                {
                    usedQuote[q] = true;
                }

                // '“bombastic comments” do more harm than good': a quotation that opens the reported clause but does not
                // end it is a fragment of reported speech, and the statement is the whole clause.
                var closing = doc.Quotes[last];
                var afterQuote = closing.Closed ? doc.Tokens[closing.CloseToken].End : closing.ContentEnd;
                if (closing.Closed && frame.Entry.Class != CueClass.Characterize && ContinuesClause(doc, closing) && WordsBetween(doc, closing.CloseToken + 1, end) >= 2)
                {
                    kind = StatementKind.Mixed;
                    end = Math.Max(end, afterQuote);
                }
                else
                {
                    start = first.ContentStart;
                    end = closing.ContentEnd;
                    closed = closing.Closed;
                }
            }
            else
            {
                kind = StatementKind.Mixed;
                for (var q = firstQuote; q <= lastQuote; q++)
                {
                    usedQuote[q] = true;
                    end = Math.Max(end, doc.Quotes[q].Closed ? doc.Tokens[doc.Quotes[q].CloseToken].End : doc.Quotes[q].ContentEnd);
                }
            }
        }

        var span = Trim(doc.Text, start, end);
        if (span.End - span.Start < 2)
        {
            return null;
        }

        return new Candidate(kind, span.Start, span.End, frame.SourceFirst, frame.SourceEnd, frame.CueFirst, frame.CueEnd, frame.ObjectFirst, frame.ObjectEnd,
            frame.Entry.Class, frame.Rule, sentence, closed);
    }

    /// <summary>
    /// "Rivera: Budget Cuts ‘Will Close Libraries’": a headline that opens with a name and a colon and quotes words
    /// gives those words to the name (the headline convention for who said what). Other headlines report nothing.
    /// </summary>
    private static Candidate? HeadlineStatement(Document doc)
    {
        if (doc.HeadlineParagraph < 0)
        {
            return null;
        }

        var paragraph = doc.Paragraphs[doc.HeadlineParagraph];
        var colon = paragraph.FirstToken;
        while (colon < paragraph.EndToken && colon - paragraph.FirstToken < 6 && (doc.IsCapitalized(colon) || doc.IsPunct(colon, '.') && colon > paragraph.FirstToken))
        {
            colon++;
        }

        if (colon == paragraph.FirstToken || colon + 1 >= paragraph.EndToken || !doc.IsPunct(colon, ':')
            || Lexicon.Determiners.Contains(doc.Word(paragraph.FirstToken)) || doc.SentenceOf[colon] != doc.SentenceOf[colon + 1])
        {
            return HeadlineVerbStatement(doc, paragraph);
        }

        var quoted = false;
        for (var t = colon + 1; t < paragraph.EndToken && !quoted; t++)
        {
            quoted = doc.InQuote(t);
        }

        var span = Trim(doc.Text, doc.Tokens[colon + 1].Start, doc.Tokens[paragraph.EndToken - 1].End);
        while (span.End > span.Start && doc.Text[span.End - 1] == '.')
        {
            span.End--;
        }

        if (!quoted || span.End - span.Start < 2)
        {
            return null;
        }

        var kind = doc.Tokens[colon + 1].Kind == TokenKind.Quote ? StatementKind.Direct : StatementKind.Mixed;
        return new Candidate(kind, span.Start, span.End, paragraph.FirstToken, colon, -1, -1, -1, -1, null, "headline-colon", doc.SentenceOf[colon], true);
    }

    /// <summary>
    /// "Rivera Says Cuts ‘Will Close Libraries’", "Rivera Slams ‘Reckless’ Budget", "Cuts ‘Will Close Libraries,’ Rivera
    /// Says": a headline with quoted words that opens with a name and a reporting verb, or ends with a name and "says",
    /// gives the rest of the headline to the name.
    /// </summary>
    private static Candidate? HeadlineVerbStatement(Document doc, Paragraph paragraph)
    {
        var first = paragraph.FirstToken;
        var end = paragraph.EndToken;
        while (end > first && doc.Tokens[end - 1].Kind == TokenKind.Punct && doc.Text[doc.Tokens[end - 1].Start] is '.' or '!' or '?')
        {
            end--;
        }

        var quoted = false;
        for (var t = first; t < end && !quoted; t++)
        {
            quoted = doc.Tokens[t].Kind == TokenKind.Quote && doc.InQuote(t);
        }

        if (!quoted || end - first < 4 || Lexicon.Determiners.Contains(doc.Word(first)))
        {
            return null;
        }

        // "Rivera Says ...": a name of one to four capitalised words, then a reporting verb in the present tense.
        var v = first;
        while (v < end && v - first < 6 && (doc.IsCapitalized(v) || doc.IsLower(v) && (Lexicon.Titles.Contains(doc.Word(v)) || Lexicon.RoleNouns.Contains(doc.Word(v)))
            || doc.Tokens[v].Kind == TokenKind.Possessive || doc.IsPunct(v, '.')) && !IsHeadlineVerb(doc, v))
        {
            v++;
        }

        // "NATO Warns of ...": a verb with a preposition names a topic, not the words said.
        if (v > first && v + 1 < end && IsHeadlineVerb(doc, v) && doc.Tokens[v - 1].Kind == TokenKind.Word && !Lexicon.NotNames.Contains(doc.Word(first))
            && HasProperName(doc, first, v)
            && !(doc.Is(v + 1, "of") || doc.Is(v + 1, "about") || doc.Is(v + 1, "on") || doc.Is(v + 1, "over") || doc.Is(v + 1, "against")
                || doc.Is(v + 1, "for") || doc.Is(v + 1, "to") || doc.Is(v + 1, "in") || doc.Is(v + 1, "with")))
        {
            var span = Trim(doc.Text, doc.Tokens[v + 1].Start, doc.Tokens[end - 1].End);
            var kind = doc.Tokens[v + 1].Kind == TokenKind.Quote && doc.InQuote(end - 1) && doc.QuoteOf[v + 1] == doc.QuoteOf[end - 1]
                ? StatementKind.Direct : StatementKind.Mixed;
            return span.End - span.Start < 2 ? null
                : new Candidate(kind, span.Start, span.End, first, v, v, v + 1, -1, -1, null, "headline-verb", doc.SentenceOf[v], true);
        }

        // "..., Rivera Says": a comma, a name and "says" closing the headline.
        var last = end - 1;
        if (IsHeadlineVerb(doc, last))
        {
            var n = last;
            while (n - 1 > first && last - n < 4 && doc.IsCapitalized(n - 1))
            {
                n--;
            }

            if (n < last && n - 1 > first && (doc.IsPunct(n - 1, ',') || FrameFinder.IsClosingQuote(doc, n - 1) && doc.IsPunct(n - 2, ',')))
            {
                var contentEnd = doc.IsPunct(n - 1, ',') ? n - 1 : n - 1;
                var span = Trim(doc.Text, doc.Tokens[first].Start, doc.Tokens[contentEnd].Start);
                return span.End - span.Start < 2 ? null
                    : new Candidate(StatementKind.Mixed, span.Start, span.End, n, last, last, last + 1, -1, -1, null, "headline-verb", doc.SentenceOf[last], true);
            }
        }

        return null;
    }

    /// <summary>
    /// "HOST: Where were you that night?" / "Lee: At home.": in an interview transcript a paragraph that opens with a name
    /// (one to three capitalised words) and a colon is that person's turn; the rest of the paragraph is what they said.
    /// </summary>
    private static void AddTranscriptTurns(Document doc, List<Candidate> candidates)
    {
        for (var p = 0; p < doc.Paragraphs.Length; p++)
        {
            var paragraph = doc.Paragraphs[p];
            if (p == doc.HeadlineParagraph || paragraph.EndToken - paragraph.FirstToken < 6)
            {
                continue;
            }

            var colon = paragraph.FirstToken;
            while (colon < paragraph.EndToken && colon - paragraph.FirstToken < 3 && doc.IsCapitalized(colon) && !Lexicon.NotNames.Contains(doc.Word(colon)))
            {
                colon++;
            }

            if (colon == paragraph.FirstToken || !doc.IsPunct(colon, ':') || doc.InQuote(colon + 1) && doc.Quotes[doc.QuoteOf[colon + 1]].OpenToken == colon + 1
                || CountWordsBetween(doc, colon + 1, paragraph.EndToken) < 4 || doc.Tokens[colon + 1].Kind == TokenKind.Number)
            {
                continue;
            }

            var span = Trim(doc.Text, doc.Tokens[colon + 1].Start, doc.Tokens[paragraph.EndToken - 1].End);
            candidates.Add(new Candidate(StatementKind.Direct, span.Start, span.End, paragraph.FirstToken, colon, -1, -1, -1, -1, null, "transcript-turn", doc.SentenceOf[colon], true));
        }
    }

    private static int CountWordsBetween(Document doc, int from, int to)
    {
        var n = 0;
        for (var t = from; t < to && n < 10; t++)
        {
            n += doc.Tokens[t].Kind == TokenKind.Word ? 1 : 0;
        }

        return n;
    }

    /// <summary>"Mayor Calls ...": a bare title does not say who spoke; "Mayor Ruiz Calls ..." does.</summary>
    private static bool HasProperName(Document doc, int first, int end)
    {
        for (var t = first; t < end; t++)
        {
            if (doc.Tokens[t].Kind == TokenKind.Word && !Lexicon.Titles.Contains(doc.Word(t)) && !Lexicon.RoleNouns.Contains(doc.Word(t)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsHeadlineVerb(Document doc, int t) =>
        doc.Tokens[t].Kind == TokenKind.Word && CueLexicon.TryGet(doc.Word(t), out var e) && e.Class is CueClass.Speech or CueClass.Tell or CueClass.Characterize
        && e.Form == CueForm.Finite && doc.Word(t)[^1] == 's';

    /// <summary>
    /// The clause around a quoted fragment when its subject is a named person or he/she/they and its verb comes right
    /// after: "Smith, who ..., mocked X for “...”". Returns the subject tokens and the first token after the verb.
    /// </summary>
    private static (int First, int End, int From) ActorClause(Document doc, QuotePair quote, HashSet<string> surnames)
    {
        var open = quote.OpenToken;
        var sentence = doc.Sentences[doc.SentenceOf[open]];
        if (!quote.Closed || open - sentence.FirstToken > 40)
        {
            return (-1, -1, -1);
        }

        var (first, end) = (-1, -1);
        var t = sentence.FirstToken;
        if (t < open && doc.Tokens[t].Kind == TokenKind.Word && Lexicon.Pronouns.Contains(doc.Word(t)) && !doc.Is(t, "it") && !doc.Is(t, "i") && !doc.Is(t, "we") && !doc.Is(t, "you"))
        {
            (first, end) = (t, t + 1);
        }
        else
        {
            int lo = 0, hi = doc.Mentions.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (doc.Mentions[mid].FirstToken < sentence.FirstToken)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            if (lo < doc.Mentions.Length && doc.Mentions[lo] is { } m && m.FirstToken < open && m.FirstToken <= sentence.FirstToken + 8
                && m.Kind == MentionKind.Name && IsPerson(doc, m, surnames) && !doc.InQuote(m.FirstToken)
                && (m.FirstToken == sentence.FirstToken || doc.IsPunct(m.FirstToken - 1, ',')))
            {
                (first, end) = (m.FirstToken, m.EndToken);
            }
        }

        if (first < 0)
        {
            return (-1, -1, -1);
        }

        var v = SkipAppositionRight(doc, end, open);
        while (v < open && (doc.Tokens[v].Kind == TokenKind.Word && (Lexicon.Auxiliaries.Contains(doc.Word(v)) || FrameFinder.IsAdverb(doc, v) || doc.Is(v, "also"))))
        {
            v++;
        }

        var w = v < open ? doc.Word(v) : default;
        var verb = v < open && doc.IsLower(v) && (w.EndsWith("ed", StringComparison.Ordinal) || w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal)
                || Lexicon.IrregularPasts.Contains(w))
            && !Lexicon.Determiners.Contains(w) && !Lexicon.PossessivePronouns.Contains(w) && !Lexicon.SubjectBoundaries.Contains(w);
        if (!verb || v + 1 >= open)
        {
            return (-1, -1, -1);
        }

        // "Smith called the merger “a terrible deal” and ranked the chief among the “worst ever”": a later predicate of
        // the same subject before the quotation starts the clause the quotation belongs to.
        var from = v + 1;
        for (var k = v + 1; k + 1 < open; k++)
        {
            if ((doc.Is(k, "and") || doc.Is(k, "but")) && !doc.InQuote(k) && doc.IsLower(k + 1) && IsPredicateVerb(doc, k + 1) && k + 2 < open)
            {
                from = k + 2;
            }
        }

        return (first, end, from);
    }

    /// <summary>
    /// "Smith, the party’s treasurer, said", "Ruiz (D-Ore.) called": after a subject, skips one apposition set off by
    /// commas (short, with no quotation) or a short parenthesis, and returns the token after it.
    /// </summary>
    private static int SkipAppositionRight(Document doc, int t, int limit)
    {
        if (t < limit && doc.IsPunct(t, '('))
        {
            for (var p = t + 1; p < limit && p - t <= 8; p++)
            {
                if (doc.IsPunct(p, ')'))
                {
                    return p + 1;
                }
            }

            return t;
        }

        if (t >= limit || !doc.IsPunct(t, ','))
        {
            return t;
        }

        for (var p = t + 1; p < limit && p - t <= 14; p++)
        {
            if (doc.Tokens[p].Kind == TokenKind.Quote || FrameFinder.IsSentenceFinalToken(doc, p))
            {
                return t;
            }

            if (doc.IsPunct(p, ','))
            {
                return p > t + 1 ? p + 1 : t;
            }
        }

        return t;
    }

    /// <summary>
    /// 'his support for tuition aid, which had grown because of “easy money.”': a quotation opened right after a
    /// lowercase word of the author's sentence is a fragment of it, even when the sentence's full stop sits inside the
    /// closing mark (the American convention).
    /// </summary>
    /// <summary>Last words of the names of people in the article: "Trump" alone is a person once "Donald Trump" is.</summary>
    private static HashSet<string> PersonSurnames(Document doc)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in doc.Mentions)
        {
            if (m.Kind == MentionKind.Name && m.PersonLike && m.EndToken - m.FirstToken >= 2 && doc.Tokens[m.EndToken - 1].Kind == TokenKind.Word)
            {
                set.Add(doc.Word(m.EndToken - 1).ToString());
            }
        }

        return set;
    }

    private static bool IsPerson(Document doc, Mention m, HashSet<string> surnames) =>
        m.PersonLike || m.Kind == MentionKind.Name && m.EndToken - m.FirstToken == 1 && surnames.Count > 0
            && surnames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(doc.Word(m.FirstToken));

    /// <summary>The token after the nearest verb left of a quotation in its clause, or -1.</summary>
    private static int FragmentClauseStart(Document doc, QuotePair quote)
    {
        var open = quote.OpenToken;
        var first = doc.Sentences[doc.SentenceOf[open]].FirstToken;
        for (var k = open - 1; k >= first && open - k <= 25; k--)
        {
            if (doc.InQuote(k))
            {
                k = doc.Quotes[doc.QuoteOf[k]].OpenToken;
                continue;
            }

            if (doc.IsPunct(k, ';') || doc.IsPunct(k, ':') || doc.Tokens[k].Kind == TokenKind.Punct && doc.Text[doc.Tokens[k].Start] is '.' or '?' or '!')
            {
                return -1;
            }

            if (doc.IsLower(k) && (IsPredicateVerb(doc, k) || doc.Is(k, "is") || doc.Is(k, "was") || doc.Is(k, "are") || doc.Is(k, "were")
                || CueLexicon.TryGet(doc.Word(k), out var e) && e.Class != CueClass.Noun && (e.Form != CueForm.Base || doc.Is(k - 1, "to"))))
            {
                return k + 1 < open || k + 1 == open ? k + 1 : -1;
            }
        }

        return -1;
    }

    private static bool IsPredicateVerb(Document doc, int t)
    {
        var w = doc.Word(t);
        return w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal) || Lexicon.IrregularPasts.Contains(w)
            || CueLexicon.TryGet(w, out var e) && e.Class != CueClass.Noun && e.Form is CueForm.Finite or CueForm.Participle;
    }

    private static bool IsEmbedded(Document doc, QuotePair quote)
    {
        var open = quote.OpenToken;
        return quote.Closed && open > 0 && doc.Tokens[open - 1].Kind is TokenKind.Word or TokenKind.Number && doc.SentenceOf[open - 1] == doc.SentenceOf[open]
            && !CueLexicon.TryGet(doc.Word(open - 1), out _) && (doc.IsLower(open + 1) || doc.IsLower(open - 1) && CountWords(doc, quote) <= 4);
    }

    /// <summary>'“bombastic comments” do more harm': the clause goes on right after the closing mark, with no comma or stop.</summary>
    private static bool ContinuesClause(Document doc, QuotePair quote)
    {
        var after = quote.CloseToken + 1;
        var inside = quote.CloseToken - 1;
        return after < doc.Tokens.Length && doc.Tokens[after].Kind is TokenKind.Word or TokenKind.Number && !Lexicon.Subordinators.Contains(doc.Word(after))
            && doc.SentenceOf[after] == doc.SentenceOf[quote.CloseToken]
            && !(inside > quote.OpenToken && doc.Tokens[inside].Kind == TokenKind.Punct && doc.Text[doc.Tokens[inside].Start] is ',' or '.' or '!' or '?');
    }

    /// <summary>Words (not punctuation) from token <paramref name="from"/> up to character <paramref name="endChar"/>, counting at most three.</summary>
    private static int WordsBetween(Document doc, int from, int endChar)
    {
        var n = 0;
        for (var t = from; t < doc.Tokens.Length && doc.Tokens[t].Start < endChar && n < 3; t++)
        {
            n += doc.Tokens[t].Kind is TokenKind.Word or TokenKind.Number ? 1 : 0;
        }

        return n;
    }

    /// <summary>Two frames that found (nearly) the same content: keep the first, which came from the earlier cue.</summary>
    private static List<Candidate> RemoveDuplicates(List<Candidate> candidates)
    {
        var result = new List<Candidate>(candidates.Count);
        foreach (var c in candidates)
        {
            var duplicate = false;
            for (var i = result.Count - 1; i >= 0 && i >= result.Count - 4; i--)
            {
                var o = result[i];
                var overlap = Math.Min(o.End, c.End) - Math.Max(o.Start, c.Start);
                if (overlap > 0 && overlap >= 0.8 * (c.End - c.Start) && overlap >= 0.8 * (o.End - o.Start))
                {
                    duplicate = true;
                    if (!o.HasSource && c.HasSource || o.Rule is "continuation" or "continued-quote" && c.HasSource)
                    {
                        result[i] = c;
                    }

                    break;
                }
            }

            if (!duplicate)
            {
                result.Add(c);
            }
        }

        return result;
    }

    /// <summary>"Smith: “...”" — a noun phrase and a colon right before the opening mark.</summary>
    private static (int First, int End) ColonSource(Document doc, int open)
    {
        var colon = open - 1;
        if (colon < 1 || !doc.IsPunct(colon, ':') || doc.SentenceOf[colon] != doc.SentenceOf[open])
        {
            return (-1, -1);
        }

        var end = colon;
        var start = end;
        var sentenceStart = doc.Sentences[doc.SentenceOf[open]].FirstToken;
        while (start - 1 >= sentenceStart && end - start < 6 && doc.Tokens[start - 1].Kind is TokenKind.Word or TokenKind.Possessive
            && !Lexicon.SubjectBoundaries.Contains(doc.Word(start - 1)))
        {
            start--;
        }

        return start < end && doc.IsCapitalized(start) || start < end && Lexicon.Pronouns.Contains(doc.Word(start)) ? (start, end) : (-1, -1);
    }

    /// <summary>
    /// "Ruiz’s message was clear: “...”", "A spokesman’s comment: “...”", "Her answer: “No.”": a reporting noun owned by
    /// someone, right before a colon and a quotation, gives the quotation to the owner.
    /// </summary>
    private static (int First, int End) PossessorBeforeColon(Document doc, int open)
    {
        var colon = open - 1;
        if (colon < 2 || !doc.IsPunct(colon, ':') || doc.SentenceOf[colon] != doc.SentenceOf[open])
        {
            return (-1, -1);
        }

        var sentenceStart = doc.Sentences[doc.SentenceOf[open]].FirstToken;
        for (var n = colon - 1; n > sentenceStart && colon - n <= 3; n--)
        {
            if (!doc.IsLower(n))
            {
                return (-1, -1);
            }

            if (!IsReportNoun(doc, n))
            {
                continue;
            }

            if (n + 1 < colon && !doc.Is(n + 1, "was") && !doc.Is(n + 1, "is"))
            {
                return (-1, -1);
            }

            var owner = n - 1;
            if (doc.Tokens[owner].Kind == TokenKind.Word && Lexicon.PossessivePronouns.Contains(doc.Word(owner)))
            {
                return (owner, owner + 1);
            }

            if (doc.Tokens[owner].Kind != TokenKind.Possessive || owner - 1 < sentenceStart)
            {
                return (-1, -1);
            }

            var last = owner - 1;
            var first = last;
            while (first - 1 >= sentenceStart && last - first < 4 && doc.Tokens[first - 1].Kind == TokenKind.Word && !Lexicon.SubjectBoundaries.Contains(doc.Word(first - 1)))
            {
                first--;
            }

            return doc.Tokens[last].Kind == TokenKind.Word ? (first, last + 1) : (-1, -1);
        }

        return (-1, -1);
    }

    private static bool IsReportNoun(Document doc, int t) =>
        CueLexicon.TryGet(doc.Word(t), out var e) && (e.Class == CueClass.Noun || e.Form == CueForm.Base)
        || doc.Is(t, "answer") || doc.Is(t, "response") || doc.Is(t, "reply") || doc.Is(t, "verdict") || doc.Is(t, "words")
        || doc.Is(t, "explanation") || doc.Is(t, "advice") || doc.Is(t, "retort") || doc.Is(t, "reaction") || doc.Is(t, "take");

    /// <summary>"as reported by ‘Ukraine.ru’", "published in “The Review”": a quoted name after "by"/"in" names a work or outlet.</summary>
    private static bool IsProvenance(Document doc, int open) =>
        open > 0 && doc.Tokens[open - 1].Kind == TokenKind.Word && (doc.Is(open - 1, "by") || doc.Is(open - 1, "in") || doc.Is(open - 1, "on"))
        && doc.IsCapitalized(open + 1);

    /// <summary>'“...,” Trump shot back.': a name or pronoun and a verb right after the closing mark, ending the clause.</summary>
    private static (int First, int End) NameAfter(Document doc, int t, bool handOff = false)
    {
        if (t < doc.Tokens.Length && doc.IsPunct(t, ','))
        {
            t++;
        }

        if (t >= doc.Tokens.Length || doc.SentenceOf[t] != doc.SentenceOf[t - 1])
        {
            return (-1, -1);
        }

        var end = Lexicon.PersonalPronouns.Contains(doc.Word(t)) || doc.Is(t, "they") || doc.Is(t, "we") ? t + 1 : MentionFinder.ScanName(doc, t, doc.Sentences[doc.SentenceOf[t]].EndToken);
        if (end <= t || end + 1 >= doc.Tokens.Length || !doc.IsLower(end) || Lexicon.SubjectBoundaries.Contains(doc.Word(end)) && !doc.Is(end, "said"))
        {
            return (-1, -1);
        }

        var verb = doc.Word(end);
        var after = end + 1;
        var verbLike = !Lexicon.Determiners.Contains(verb) && !Lexicon.PossessivePronouns.Contains(verb) && !Lexicon.Auxiliaries.Contains(verb);
        var closes = doc.Tokens[after].Kind == TokenKind.Punct || doc.IsLower(after) && doc.Is(after, "back") || doc.Is(after, "in") || doc.Is(after, "on") || doc.Is(after, "at");

        // '“Go home,” Smith barked and walked off': a quotation handed over with a comma, "!" or "?" to a name and a
        // past-tense verb is that person's turn, whatever follows the verb.
        closes |= handOff && doc.IsLower(after) && doc.Word(end).EndsWith("ed", StringComparison.Ordinal) && doc.Tokens[end].Length > 3;
        return verbLike && closes ? (t, end) : (-1, -1);
    }

    /// <summary>'“...,” he said': the quotation ends with a comma, "!" or "?" inside the marks, handing over to an attribution.</summary>
    private static bool EndsWithHandOff(Document doc, QuotePair quote)
    {
        var inside = quote.CloseToken - 1;
        return quote.Closed && inside > quote.OpenToken && doc.Tokens[inside].Kind == TokenKind.Punct && doc.Text[doc.Tokens[inside].Start] is ',' or '!' or '?';
    }

    /// <summary>
    /// 'Washington thanked Obama for “taking these steps”': a quotation inside a sentence with no cue of ours is most
    /// often the words of the sentence's subject, the first person or pronoun before it.
    /// </summary>
    private static (int First, int End) SentenceSubject(Document doc, int open, HashSet<string> surnames, bool descriptions = false)
    {
        var sentence = doc.Sentences[doc.SentenceOf[open]];
        if (open == sentence.FirstToken)
        {
            return (-1, -1);
        }

        var from = Math.Max(sentence.FirstToken, open - 200);
        int lo = 0, hi = doc.Mentions.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (doc.Mentions[mid].FirstToken < from)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (var i = lo; i < doc.Mentions.Length && doc.Mentions[i].FirstToken < open; i++)
        {
            var m = doc.Mentions[i];
            if (m.Kind == MentionKind.Name && IsPerson(doc, m, surnames) && !doc.InQuote(m.FirstToken))
            {
                return (m.FirstToken, m.EndToken);
            }
        }

        // "Critics called the deal a “giveaway”": a description or group of people that opens the sentence.
        if (descriptions)
        {
            for (var i = lo; i < doc.Mentions.Length && doc.Mentions[i].FirstToken < open; i++)
            {
                var m = doc.Mentions[i];
                if (m.Kind is MentionKind.Description or MentionKind.Group && !doc.InQuote(m.FirstToken)
                    && (m.FirstToken <= from + 3 || doc.IsPunct(m.FirstToken - 1, ',') || doc.IsPunct(m.FirstToken - 1, ':')))
                {
                    return (m.FirstToken, m.EndToken);
                }
            }
        }

        for (var t = from; t < open; t++)
        {
            if (doc.Tokens[t].Kind == TokenKind.Word && (Lexicon.PersonalPronouns.Contains(doc.Word(t)) || doc.Is(t, "they")) && !doc.InQuote(t))
            {
                return (t, t + 1);
            }
        }

        return (-1, -1);
    }

    /// <summary>'part of a ‘coalition of the willing’': a quotation right after an article names a term, not speech.</summary>
    private static bool IsTerm(Document doc, QuotePair quote) =>
        quote.OpenToken > 0 && (doc.Is(quote.OpenToken - 1, "a") || doc.Is(quote.OpenToken - 1, "an") || doc.Is(quote.OpenToken - 1, "the")
            || doc.Is(quote.OpenToken - 1, "so-called") || doc.Is(quote.OpenToken - 1, "called") || doc.Is(quote.OpenToken - 1, "dubbed"))
        && !HasSentencePunctuation(doc, quote);

    private static int CountWords(Document doc, QuotePair quote)
    {
        var last = quote.Closed ? quote.CloseToken : doc.Paragraphs[doc.Tokens[quote.OpenToken].Paragraph].EndToken;
        var n = 0;
        for (var t = quote.OpenToken + 1; t < last && n < 100; t++)
        {
            n += doc.Tokens[t].Kind is TokenKind.Word or TokenKind.Number ? 1 : 0;
        }

        return n;
    }

    private static bool HasSentencePunctuation(Document doc, QuotePair quote)
    {
        var last = quote.Closed ? quote.CloseToken : doc.Paragraphs[doc.Tokens[quote.OpenToken].Paragraph].EndToken;
        for (var t = quote.OpenToken + 1; t < last && t + 1 < doc.Tokens.Length; t++)
        {
            // A full stop followed by a space or by the closing mark: "Ukraine.ru" is a name, "15%!" a sentence.
            if (doc.Tokens[t].Kind == TokenKind.Punct && doc.Text[doc.Tokens[t].Start] is '.' or '!' or '?'
                && (doc.Tokens[t + 1].Start > doc.Tokens[t].End || t + 1 == last))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"Saturday Night Live", "The Art of the Deal": every longer word capitalised, as in titles of works.</summary>
    private static bool IsTitleOfWork(Document doc, QuotePair quote, int words)
    {
        if (!quote.Closed || words is 0 or > 10)
        {
            return false;
        }

        for (var t = quote.OpenToken + 1; t < quote.CloseToken; t++)
        {
            var token = doc.Tokens[t];
            if (token.Kind == TokenKind.Word && token.Length > 3 && !char.IsUpper(doc.Text[token.Start]))
            {
                return false;
            }

            if (token.Kind == TokenKind.Punct && doc.Text[token.Start] is '.' or '!' or '?' or ',')
            {
                return false;
            }
        }

        return true;
    }

    internal static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is ',' or ';' or ':' or '\u2014' or '\u2013'))
        {
            end--;
        }

        return (start, end);
    }
}
