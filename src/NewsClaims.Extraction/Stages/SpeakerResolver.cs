using NewsClaims.Extraction.Model;

namespace NewsClaims.Extraction.Stages;

/// <summary>Who a candidate's source is, and the rule (sieve) that decided it.</summary>
internal readonly record struct Attribution(int Entity, int MentionStart, int MentionEnd, string? Unnamed, string Sieve, int Addressee, int Subject)
{
    public bool HasMention => MentionEnd > MentionStart;
}

/// <summary>
/// Resolves each candidate's source noun phrase, in order: a name in it (linked to its person), a pronoun (the
/// subject of the current or a recent sentence), a description ("the NATO leader": the person with that role), an
/// unnamed source ("officials", "some member states": kept as written, never made a person). Quotations without
/// a source continue the turn of the previous statement's speaker when it spoke in this or the previous paragraph.
/// </summary>
internal sealed class SpeakerResolver(Document doc, EntityLinker linker)
{
    private const int PronounLookback = 4;

    public Attribution[] Run(IReadOnlyList<Candidate> candidates)
    {
        var result = new Attribution[candidates.Count];
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            // A quoted fragment in the author's clause with no person named is not a turn of the last speaker: it stays unattributed.
            var attribution = c.HasSource ? FromSource(c.SourceFirst, c.SourceEnd)
                : c.Rule == "fragment-clause" ? new Attribution(-1, 0, 0, null, "unattributed", -1, -1)
                : Continue(candidates, result, i);
            if (c.ObjectFirst >= 0)
            {
                var obj = FirstNameEntity(c.ObjectFirst, c.ObjectEnd);
                attribution = c.CueClass == CueClass.Tell ? attribution with { Addressee = obj } : attribution with { Subject = obj };
            }

            result[i] = attribution;
        }

        return result;
    }

    private Attribution Continue(IReadOnlyList<Candidate> candidates, Attribution[] done, int i)
    {
        var paragraph = doc.Sentences[candidates[i].Sentence].Paragraph;
        for (var j = i - 1; j >= 0; j--)
        {
            var previousParagraph = doc.Sentences[candidates[j].Sentence].Paragraph;
            if (paragraph - previousParagraph > 1)
            {
                break;
            }

            if (candidates[j].End > candidates[i].Start)
            {
                continue;
            }

            var previous = done[j];
            if (previous.Entity >= 0 || previous.Unnamed is not null)
            {
                // The mention where this speaker was last named: the import links people by it, PolNeAR scores by it.
                return new Attribution(previous.Entity, previous.MentionStart, previous.MentionEnd, previous.Unnamed, candidates[i].Rule, -1, -1);
            }

            break;
        }

        return new Attribution(-1, 0, 0, null, "unattributed", -1, -1);
    }

    private Attribution FromSource(int first, int end)
    {
        // "Mark Ruiz, who ...": resolve the antecedent, and let the mention run to the relative pronoun as written.
        if (end - first >= 2 && (doc.Is(end - 1, "who") || doc.Is(end - 1, "which")))
        {
            var antecedentEnd = doc.IsPunct(end - 2, ',') ? end - 2 : end - 1;
            if (antecedentEnd > first)
            {
                var inner = FromSource(first, antecedentEnd);
                var mentionStart = inner.HasMention ? inner.MentionStart : doc.Tokens[first].Start;
                return inner with { MentionStart = mentionStart, MentionEnd = doc.Tokens[end - 1].End };
            }
        }

        var text = doc.Text;
        var start = doc.Tokens[first].Start;
        var stop = doc.Tokens[end - 1].End;

        // A name inside the noun phrase: "NATO Secretary General Mark Rutte", "Spokeswoman Jane Roe of the campaign".
        var mention = FirstNameMention(first, end);
        var personNamed = mention >= 0 && linker.MentionEntity[mention] >= 0 && linker.Entities[linker.MentionEntity[mention]].PersonLike;
        if (!personNamed && doc.Is(first, "the") && Lexicon.PersonNouns.Contains(doc.Word(end - 1)))
        {
            var described = linker.ByDescription(text[start..stop]);
            if (described >= 0)
            {
                linker.Entities[described].AddSurface(text[start..stop]);
                return new Attribution(described, start, stop, null, "description", -1, -1);
            }
        }

        if (mention >= 0 && linker.MentionEntity[mention] >= 0)
        {
            var m = doc.Mentions[mention];
            return new Attribution(linker.MentionEntity[mention], m.Start, m.End, null, "name", -1, -1);
        }

        var single = end - first == 1 || end - first == 2 && doc.Tokens[first + 1].Kind == TokenKind.Possessive;
        if (single && (doc.Is(first, "he") || doc.Is(first, "she") || doc.Is(first, "his") || doc.Is(first, "her") || doc.Is(first, "him")))
        {
            var entity = ResolvePronoun(first);
            return new Attribution(entity, start, doc.Tokens[first].End, entity < 0 ? text[start..doc.Tokens[first].End] : null, "pronoun", -1, -1);
        }

        if (single && (Lexicon.Pronouns.Contains(doc.Word(first)) || Lexicon.PossessivePronouns.Contains(doc.Word(first))))
        {
            return new Attribution(-1, start, doc.Tokens[first].End, text[start..doc.Tokens[first].End], "pronoun", -1, -1);
        }

        var phrase = text[start..stop];
        var headIsPerson = Lexicon.PersonNouns.Contains(doc.Word(end - 1));
        if (headIsPerson && doc.Is(first, "the"))
        {
            var entity = linker.ByDescription(phrase);
            if (entity >= 0)
            {
                linker.Entities[entity].AddSurface(phrase);
                return new Attribution(entity, start, stop, null, "description", -1, -1);
            }
        }

        return new Attribution(-1, start, stop, phrase, "unnamed", -1, -1);
    }

    /// <summary>he/she: the first person named in this sentence before the pronoun, else in the nearest earlier sentence.</summary>
    private int ResolvePronoun(int pronoun)
    {
        var sentence = doc.SentenceOf[pronoun];
        for (var s = sentence; s >= 0 && sentence - s <= PronounLookback; s--)
        {
            var limit = s == sentence ? pronoun : doc.Sentences[s].EndToken;
            var found = FirstPersonIn(Math.Max(doc.Sentences[s].FirstToken, limit - 200), limit);
            if (found >= 0)
            {
                return found;
            }
        }

        return -1;
    }

    private int FirstPersonIn(int first, int end)
    {
        var i = LowerBound(first);
        for (; i < doc.Mentions.Length && doc.Mentions[i].FirstToken < end; i++)
        {
            var entity = linker.MentionEntity[i];
            if (doc.Mentions[i].Kind == MentionKind.Name && entity >= 0 && linker.Entities[entity].PersonLike && !doc.InQuote(doc.Mentions[i].FirstToken))
            {
                return entity;
            }
        }

        return -1;
    }

    /// <summary>The first name in the phrase, preferring a person ("Union leader Sofia Marin" gives Sofia Marin).</summary>
    private int FirstNameMention(int first, int end)
    {
        var any = -1;
        for (var i = LowerBound(first); i < doc.Mentions.Length && doc.Mentions[i].FirstToken < end; i++)
        {
            if (doc.Mentions[i].Kind != MentionKind.Name)
            {
                continue;
            }

            var entity = linker.MentionEntity[i];
            if (entity >= 0 && linker.Entities[entity].PersonLike)
            {
                return i;
            }

            any = any < 0 ? i : any;
        }

        return any;
    }

    private int FirstNameEntity(int first, int end)
    {
        var m = FirstNameMention(first, end);
        return m >= 0 ? linker.MentionEntity[m] : -1;
    }

    private int LowerBound(int token)
    {
        int lo = 0, hi = doc.Mentions.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (doc.Mentions[mid].EndToken <= token)
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
}
