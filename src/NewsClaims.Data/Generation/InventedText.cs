using System.Text;

namespace NewsClaims.Data.Generation;

/// <summary>
/// Word stock for the generated knowledge base. Every name is built from invented syllables and every sentence from
/// plain civic vocabulary, so no generated person, place, outlet or quote is real.
/// </summary>
internal sealed class InventedText(Random random)
{
    private static readonly string[] Onsets = ["b", "br", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "st", "t", "v", "z", "sh", "j", "w"];
    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "a", "e", "o", "ai", "ei", "ia"];
    private static readonly string[] Codas = ["", "", "", "n", "r", "l", "s", "nd", "rk", "m", "v", "t"];
    private static readonly string[] PlaceEndings = ["ford", "haven", "mouth", "dale", "bury", "wick", "stead", "holm", "vik", "port", "moor", "gate"];
    private static readonly string[] OutletNouns = ["Courier", "Ledger", "Herald", "Gazette", "Chronicle", "Observer", "Wire", "Dispatch", "Tribune", "Post", "Journal", "Sentinel", "Record", "Star"];
    private static readonly string[] RoleTitles = ["Mayor", "Minister of Transport", "Minister of Finance", "Governor", "Harbour Master", "Council Speaker", "Union Leader", "Party Chair", "Chief Economist", "Health Commissioner", "Police Chief", "Opposition Leader", "Education Minister", "Trade Envoy", "Judge", "Ambassador"];
    private static readonly string[] Organisations = ["City Council", "Regional Assembly", "Port Authority", "National Bank", "Dockworkers' Union", "Ministry of Works", "Coastal League", "Federation of Growers", "Institute of Marine Studies", "Chamber of Commerce"];
    private static readonly string[] Subjects = ["the council", "the ministry", "the port authority", "the government", "the regional assembly", "the new budget", "the rail plan", "the ferry operator", "the harbour board", "our city", "the union", "the treaty", "the bridge project", "the water company", "the school reform", "the tax plan", "the coalition", "the court", "the trade deal", "the energy grid"];
    private static readonly string[] Modals = ["will", "must", "cannot", "should", "will not", "has to", "is ready to", "refuses to", "promised to", "is about to", "may", "needs to"];
    private static readonly string[] Verbs = ["publish", "fund", "delay", "cancel", "review", "expand", "protect", "reopen", "cut", "double", "freeze", "defend", "explain", "deliver", "rebuild", "sell", "approve", "reject", "investigate", "finish"];
    private static readonly string[] Objects = ["the dredging budget", "the coastal rail line", "the night ferries", "the fishing quotas", "the harbour expansion", "the wage agreement", "the flood barriers", "the housing plan", "the bus network", "the hospital wing", "the grain terminal", "the tunnel contract", "the pension fund", "the export licences", "the tram extension", "the school meals programme", "the wind farm", "the water tariffs", "the customs checks", "the market hall"];
    private static readonly string[] Qualifiers = ["before the winter session", "by the end of the year", "without new taxes", "whatever the opposition says", "within five years", "as soon as the audit is done", "for the towns along the coast", "despite the delays", "if the vote goes our way", "before the summer recess", "at any cost", "in full view of the public", "once the inquiry reports", "this spring", "for the next generation", "with money from the reserve"];
    private static readonly string[] Fragments = ["a matter of survival", "the cheapest policy we will ever buy", "a promise kept", "reckless and unfunded", "long overdue", "a turning point", "not up for negotiation", "a test of trust", "the worst possible timing", "good news for every family"];
    private static readonly string[] CuesIndirect = ["said", "warned", "argued", "insisted", "promised", "claimed", "announced", "suggested", "added", "told reporters"];
    private static readonly string[] CuesDirect = ["said", "told reporters", "added", "warned", "declared", "said in a statement"];
    private static readonly string[] Occasions = ["a press conference", "a radio interview", "a council hearing", "a campaign rally", "a televised debate", "the annual congress", "a visit to the docks", "a parliamentary debate"];
    private static readonly string[] Weekdays = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday", "on Sunday"];
    private static readonly string[] HeadlineVerbs = ["pledges", "warns over", "defends", "attacks", "backs", "questions", "promises", "rejects"];
    private static readonly string[] Fillers =
    [
        "The proposal will be debated again next month.",
        "Opposition members did not respond to requests for comment.",
        "The figures have not been independently checked.",
        "Residents gathered outside the hall before the session began.",
        "The plan has divided opinion along the coast for years.",
        "Officials expect a final decision after the audit.",
        "Earlier drafts of the plan were withdrawn twice.",
        "Local businesses have asked for clearer timetables.",
    ];

    public string Syllables(int count)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            builder.Append(Pick(Onsets)).Append(Pick(Vowels));
            if (i == count - 1 || random.Next(4) == 0)
            {
                builder.Append(Pick(Codas));
            }
        }

        builder[0] = char.ToUpperInvariant(builder[0]);
        return builder.ToString();
    }

    public string PersonName() => $"{Syllables(random.Next(2, 4))} {Syllables(random.Next(2, 4))}";

    public string PlaceName() => Syllables(random.Next(1, 3)) + Pick(PlaceEndings);

    public string OutletName(string place) => random.Next(3) == 0 ? $"{place} {Pick(OutletNouns)}" : $"The {place} {Pick(OutletNouns)}";

    public string RoleTitle() => Pick(RoleTitles);

    public string Organisation(string place) => $"{Pick(Organisations)} of {place}";

    public string Claim() => $"{Capitalise(Pick(Subjects))} {Pick(Modals)} {Pick(Verbs)} {Pick(Objects)} {Pick(Qualifiers)}.";

    /// <summary>One reported clause: "the ministry will fund the night ferries before the winter session".</summary>
    public string Clause() => $"{Pick(Subjects)} {Pick(Modals)} {Pick(Verbs)} {Pick(Objects)} {Pick(Qualifiers)}";

    public string Fragment() => Pick(Fragments);

    public string IndirectCue() => Pick(CuesIndirect);

    public string DirectCue() => Pick(CuesDirect);

    public string Occasion() => Pick(Occasions);

    public string Weekday(out int index)
    {
        index = random.Next(Weekdays.Length);
        return Weekdays[index];
    }

    public string Headline(string surname) => $"{surname} {Pick(HeadlineVerbs)} {Pick(Objects)[4..]}";

    public string Filler() => Pick(Fillers);

    public static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private T Pick<T>(T[] items) => items[random.Next(items.Length)];
}
