using System.Collections.Frozen;
using NewsClaims.Extraction.Model;

namespace NewsClaims.Extraction.Stages;

/// <summary>
/// Reporting verbs and nouns of English news prose with every inflected form. Regular forms are generated;
/// irregular ones are written as "lemma past pastParticiple ing".
/// </summary>
internal static class CueLexicon
{
    private const string SpeechVerbs =
        "say|said|said|saying, add, state, claim, argue, insist, note, explain, suggest, announce, declare, assert, " +
        "maintain, contend, acknowledge, admit|admitted|admitted|admitting, concede, confirm, deny, report, " +
        "write|wrote|written|writing, tweet, post, reply, respond, answer, recall, predict, pledge, vow, propose, " +
        "emphasize, emphasise, stress, repeat, reiterate, observe, remark, comment, mention, complain, lament, boast, " +
        "joke, quip|quipped|quipped|quipping, allege, counter, retort, conclude, estimate, speculate, testify, " +
        "disclose, reveal, signal|signaled|signaled|signaling, indicate, hint, proclaim, threaten, demand, recommend, " +
        "agree, disagree, clarify, elaborate, shout, whisper, exclaim, wonder, muse, concur|concurred|concurred|concurring, " +
        "affirm, opine, grumble, protest, acknowledge, predict, forecast|forecast|forecast|forecasting, guarantee, " +
        "swear|swore|sworn|swearing, declare, certify, posit, theorize, hypothesize, reason, surmise, volunteer, " +
        "continue, caution, insinuate, imply, tout, brag|bragged|bragged|bragging, " +
        "cite, quote, echo";

    private const string TellVerbs =
        "tell|told|told|telling, urge, ask, assure, remind, inform, warn, advise, convince, persuade, notify, promise, " +
        "instruct, implore, beg|begged|begged|begging, challenge, encourage, invite, caution";

    private const string CharacterizeVerbs =
        "describe, characterize, characterise, call|called|called|calling, frame, dub|dubbed|dubbed|dubbing, " +
        "label|labeled|labeled|labeling, brand, dismiss, portray, depict, praise, criticize, criticise, blast, " +
        "slam|slammed|slammed|slamming, accuse, blame, attack, defend, hail, condemn, denounce, applaud, mock, ridicule, " +
        "question, reject, endorse, support, oppose, favor, favour, refer|referred|referred|referring, decry, lambast, lambaste, chide, rebuke, scold";

    private const string BeliefVerbs =
        "think|thought|thought|thinking, believe, feel|felt|felt|feeling, know|knew|known|knowing, expect, hope, fear, worry, " +
        "doubt, suspect, assume, figure, understand|understood|understood|understanding, find|found|found|finding, " +
        "show|showed|shown|showing, want, wish, realize, realise, recognize, recognise, imagine, bet|bet|bet|betting, " +
        "consider, anticipate, envision, foresee|foresaw|foreseen|foreseeing, acknowledge, perceive, sense, contemplate, " +
        "plan|planned|planned|planning, intend, seek|sought|sought|seeking, prefer|preferred|preferred|preferring, " +
        "demonstrate, suggest, trust, presume, decline, refuse";

    private const string CueNouns =
        "statement claim claims insistence assertion argument warning warnings belief view suggestion promise pledge " +
        "allegation allegations announcement admission acknowledgment acknowledgement contention conviction fear fears hope " +
        "hopes prediction remark remarks comment comments message report reports finding findings conclusion assurance " +
        "assurances accusation accusations charge charges denial concern concerns position opinion assessment estimate " +
        "declaration complaint threat vow insistence argument reminder observation testimony recollection suspicion " +
        "expectation expectations worry worries guess impression notion";

    /// <summary>Verbs that report words only when a quotation follows them: "chanting “...”", "a banner reading “...”".</summary>
    private const string QuotingVerbs =
        "read|read|read|reading, chant, yell, scream, cry|cried|cried|crying, mouth, sing|sang|sung|singing, cheer, holler, " +
        "bark, snap|snapped|snapped|snapping, shoot|shot|shot|shooting, chime, intone, scrawl, proclaim";

    public static readonly FrozenDictionary<string, CueEntry> Entries = Build();

    private static readonly FrozenDictionary<string, CueEntry> Quoting = BuildQuoting();

    private static readonly FrozenDictionary<string, CueEntry>.AlternateLookup<ReadOnlySpan<char>> QuotingLookup =
        Quoting.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool TryGetQuoting(ReadOnlySpan<char> word, out CueEntry entry) => QuotingLookup.TryGetValue(word, out entry);

    private static FrozenDictionary<string, CueEntry> BuildQuoting()
    {
        var map = new Dictionary<string, CueEntry>(StringComparer.OrdinalIgnoreCase);
        AddVerbs(map, QuotingVerbs, CueClass.Speech);
        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    public static readonly FrozenDictionary<string, CueEntry>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Entries.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool TryGet(ReadOnlySpan<char> word, out CueEntry entry) => Lookup.TryGetValue(word, out entry);

    private static FrozenDictionary<string, CueEntry> Build()
    {
        var map = new Dictionary<string, CueEntry>(StringComparer.OrdinalIgnoreCase);
        AddVerbs(map, SpeechVerbs, CueClass.Speech);
        AddVerbs(map, TellVerbs, CueClass.Tell);
        AddVerbs(map, CharacterizeVerbs, CueClass.Characterize);
        AddVerbs(map, BeliefVerbs, CueClass.Belief);
        foreach (var noun in CueNouns.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            map.TryAdd(noun, new CueEntry(noun, CueClass.Noun, CueForm.Base));
        }

        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static void AddVerbs(Dictionary<string, CueEntry> map, string list, CueClass cls)
    {
        foreach (var item in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = item.Split('|');
            var lemma = parts[0];
            var past = parts.Length > 1 ? parts[1] : Past(lemma);
            var pastParticiple = parts.Length > 2 ? parts[2] : past;
            var ing = parts.Length > 3 ? parts[3] : Ing(lemma);
            map.TryAdd(lemma, new CueEntry(lemma, cls, CueForm.Base));
            map.TryAdd(Third(lemma), new CueEntry(lemma, cls, CueForm.Finite));
            map.TryAdd(past, new CueEntry(lemma, cls, CueForm.Finite));
            map.TryAdd(pastParticiple, new CueEntry(lemma, cls, CueForm.PastParticiple));
            map.TryAdd(ing, new CueEntry(lemma, cls, CueForm.Participle));
        }
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static string Third(string v) =>
        v.EndsWith('y') && !IsVowel(v[^2]) ? v[..^1] + "ies"
        : v.EndsWith('s') || v.EndsWith("sh", StringComparison.Ordinal) || v.EndsWith("ch", StringComparison.Ordinal) || v.EndsWith('x') || v.EndsWith('z') || v.EndsWith('o') ? v + "es"
        : v + "s";

    private static string Past(string v) =>
        v.EndsWith('e') ? v + "d"
        : v.EndsWith('y') && !IsVowel(v[^2]) ? v[..^1] + "ied"
        : v + "ed";

    private static string Ing(string v) =>
        v.EndsWith("ee", StringComparison.Ordinal) ? v + "ing"
        : v.EndsWith("ie", StringComparison.Ordinal) ? v[..^2] + "ying"
        : v.EndsWith('e') ? v[..^1] + "ing"
        : v + "ing";
}
