using System.Collections.Immutable;
using NewsClaims.Extraction.Model;

namespace NewsClaims.Extraction.Stages;

/// <summary>
/// Finds names (runs of capitalised words, with any title in front split off as the role: "NATO Secretary General
/// Mark Rutte"), roles given in apposition ("Flynn, a top Trump surrogate,") and definite descriptions of people
/// ("the NATO leader", "the senator").
/// </summary>
internal static class MentionFinder
{
    private const int MaxNameTokens = 8;

    public static Document Run(Document doc)
    {
        var mentions = ImmutableArray.CreateBuilder<Mention>();
        foreach (var sentence in doc.Sentences)
        {
            var t = sentence.FirstToken;
            while (t < sentence.EndToken)
            {
                var end = ScanName(doc, t, sentence.EndToken);
                if (end > t)
                {
                    AddName(doc, mentions, t, end, sentence);
                    t = end;
                    continue;
                }

                if (doc.IsLower(t) && Lexicon.PersonNouns.Contains(doc.Word(t)))
                {
                    var start = DescriptionStart(doc, t, sentence.FirstToken);
                    if (start >= 0)
                    {
                        var surface = doc.Slice(start, t + 1);
                        mentions.Add(new Mention(start, t + 1, doc.Tokens[start].Start, doc.Tokens[t].End, MentionKind.Description, surface, null, true));
                    }
                }

                t++;
            }
        }

        return doc with { Mentions = mentions.DrainToImmutable() };
    }

    /// <summary>End (exclusive) of a run of capitalised words that could be a name starting at <paramref name="t"/>, or t.</summary>
    internal static int ScanName(Document doc, int t, int limit)
    {
        if (!doc.IsCapitalized(t) || Lexicon.NotNames.Contains(doc.Word(t)) && !(IsAllCapsWord(doc, t) && doc.IsCapitalized(t + 1))
            || IsSentenceInitialNonName(doc, t))
        {
            return t;
        }

        var end = t + 1;
        var sawTitle = Lexicon.Titles.Contains(doc.Word(t));
        while (end < limit && end - t < MaxNameTokens)
        {
            // "Ruiz Says Cuts ...": in a title-case headline a reporting verb ends the name.
            if (doc.IsCapitalized(end) && doc.Tokens[end].Length > 3 && doc.Text[doc.Tokens[end].End - 1] == 's' && !IsAllCapsWord(doc, end)
                && CueLexicon.TryGet(doc.Word(end), out var verb) && verb.Form == CueForm.Finite && verb.Class is CueClass.Speech or CueClass.Tell or CueClass.Characterize)
            {
                break;
            }

            if (doc.IsCapitalized(end) && !Lexicon.Months.Contains(doc.Word(end)) || doc.Tokens[end].Kind == TokenKind.Word && IsAllCapsWord(doc, end))
            {
                sawTitle |= Lexicon.Titles.Contains(doc.Word(end));
                end++;
                continue;
            }

            // Initials and abbreviated titles: "George W. Bush", "Mr. Ryan", "Sen. Ted Cruz".
            if (doc.IsPunct(end, '.') && (doc.Tokens[end - 1].Length == 1 || Lexicon.Abbreviations.Contains(doc.Word(end - 1)))
                && end + 1 < limit && doc.IsCapitalized(end + 1))
            {
                end++;
                continue;
            }

            // Particles inside names and "Secretary of State".
            if (doc.IsLower(end) && end + 1 < limit && doc.IsCapitalized(end + 1)
                && (IsParticle(doc.Word(end)) || sawTitle && doc.Is(end, "of")))
            {
                end += 2;
                continue;
            }

            break;
        }

        return end;
    }

    private static bool IsAllCapsWord(Document doc, int t)
    {
        var w = doc.Word(t);
        return w.Length > 1 && char.IsUpper(w[0]) && char.IsUpper(w[^1]);
    }

    private static bool IsParticle(ReadOnlySpan<char> w) =>
        w is "de" or "da" or "van" or "von" or "der" or "den" or "al" or "bin" or "la" or "le" or "del" or "di" or "du" or "dos" or "ibn";

    /// <summary>A sentence-initial capitalised word ending in -ing or -ly ("Speaking", "Clearly") is not a name.</summary>
    private static bool IsSentenceInitialNonName(Document doc, int t)
    {
        if (t > 0 && doc.SentenceOf[t - 1] == doc.SentenceOf[t] && doc.Tokens[t - 1].Kind != TokenKind.Quote)
        {
            return false;
        }

        var w = doc.Word(t);
        return w.Length > 4 && (w.EndsWith("ing", StringComparison.Ordinal) || w.EndsWith("ly", StringComparison.Ordinal))
            || Lexicon.GroupNouns.Contains(w) || Lexicon.PersonNouns.Contains(w);
    }

    private static void AddName(Document doc, ImmutableArray<Mention>.Builder mentions, int start, int end, Sentence sentence)
    {
        // The title is everything up to the last title word (plus "of X" after it); the name is what follows.
        var nameStart = start;
        for (var k = end - 2; k >= start; k--)
        {
            if (Lexicon.Titles.Contains(doc.Word(k).TrimEnd('.')))
            {
                nameStart = k + 1;
                if (doc.IsPunct(nameStart, '.'))
                {
                    nameStart++;
                }

                if (doc.Is(nameStart, "of") && nameStart + 2 < end)
                {
                    nameStart += 2;
                }

                break;
            }
        }

        string? role = null;
        if (nameStart > start)
        {
            var titleEnd = nameStart;
            while (titleEnd > start && doc.IsPunct(titleEnd - 1, '.'))
            {
                titleEnd--;
            }

            role = doc.Slice(LowercaseRoleStart(doc, start, sentence.FirstToken), titleEnd);
            if (Lexicon.Honorifics.Contains(role.TrimEnd('.')))
            {
                role = null;
            }
        }
        else if (start > sentence.FirstToken && doc.IsLower(start - 1) && Lexicon.Titles.Contains(doc.Word(start - 1)))
        {
            role = doc.Slice(LowercaseRoleStart(doc, start - 1, sentence.FirstToken), start);
        }

        if (nameStart >= end)
        {
            return;
        }

        role ??= Apposition(doc, end, sentence.EndToken);
        var surface = doc.Slice(nameStart, end);
        var words = 0;
        for (var k = nameStart; k < end; k++)
        {
            words += doc.Tokens[k].Kind == TokenKind.Word && doc.Tokens[k].Length > 1 ? 1 : 0;
        }

        var head = doc.Word(end - 1);
        var personLike = role is not null && !Lexicon.NonPersonHeads.Contains(head)
            || words is >= 2 and <= 4 && !Lexicon.NonPersonHeads.Contains(head) && !Lexicon.NonPersonHeads.Contains(doc.Word(nameStart))
                && !IsAllCapsWord(doc, end - 1);
        mentions.Add(new Mention(nameStart, end, doc.Tokens[nameStart].Start, doc.Tokens[end - 1].End, MentionKind.Name, surface, role, personLike));
    }

    /// <summary>Extends a title leftwards over lowercase or capitalised modifiers: "Republican presidential candidate".</summary>
    private static int LowercaseRoleStart(Document doc, int title, int sentenceStart)
    {
        var k = title;
        while (k > sentenceStart && title - k < 4 && doc.Tokens[k - 1].Kind == TokenKind.Word
            && !Lexicon.Determiners.Contains(doc.Word(k - 1)) && !Lexicon.SubjectBoundaries.Contains(doc.Word(k - 1))
            && !Lexicon.PossessivePronouns.Contains(doc.Word(k - 1)) && !CueLexicon.TryGet(doc.Word(k - 1), out _))
        {
            k--;
        }

        return k;
    }

    /// <summary>", a top party strategist," right after a name: the role in apposition, without its article.</summary>
    private static string? Apposition(Document doc, int afterName, int limit)
    {
        if (!doc.IsPunct(afterName, ',') || afterName + 2 >= limit)
        {
            return null;
        }

        var first = afterName + 1;
        var hasArticle = doc.Is(first, "a") || doc.Is(first, "an") || doc.Is(first, "the");
        var hasRole = false;
        for (var k = first; k < limit && k - first < 9; k++)
        {
            if (doc.IsPunct(k, ',') || doc.IsPunct(k, '.') && k > first + 1)
            {
                if (!hasArticle && !hasRole || k == first || doc.IsPunct(k, '.'))
                {
                    return null;
                }

                var from = hasArticle ? first + 1 : first;
                return from < k ? doc.Slice(from, k) : null;
            }

            if (doc.Tokens[k].Kind is TokenKind.Quote || Lexicon.SubjectBoundaries.Contains(doc.Word(k)) && !doc.Is(k, "of") && !doc.Is(k, "to"))
            {
                return null;
            }

            hasRole |= Lexicon.Titles.Contains(doc.Word(k)) || Lexicon.RoleNouns.Contains(doc.Word(k));
        }

        return null;
    }

    /// <summary>Start of a definite description ending in the role noun at <paramref name="head"/>, or -1.</summary>
    private static int DescriptionStart(Document doc, int head, int sentenceStart)
    {
        for (var k = head - 1; k >= sentenceStart && head - k <= 4; k--)
        {
            if (doc.Is(k, "the"))
            {
                return k;
            }

            if (doc.Tokens[k].Kind != TokenKind.Word || Lexicon.SubjectBoundaries.Contains(doc.Word(k)) || Lexicon.Determiners.Contains(doc.Word(k)))
            {
                return -1;
            }
        }

        return -1;
    }
}
