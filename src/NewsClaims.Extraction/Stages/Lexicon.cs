namespace NewsClaims.Extraction.Stages;

/// <summary>Closed word classes of English news prose that the stages look words up in.</summary>
internal static class Lexicon
{
    public static readonly WordSet Abbreviations = new(
        "mr mrs ms dr sen rep gov gen lt col capt sgt st jr sr inc corp co ltd vs etc jan feb mar apr jun jul aug sep sept " +
        "oct nov dec prof rev hon no pres supt cmdr adm maj messrs fig al ft mt");

    public static readonly WordSet Honorifics = new("mr mrs ms miss sir madam mme m dr");

    public static readonly WordSet SentenceOpeners = new(
        "the he she they it we i but and a an in this that these those mr ms mrs dr on at as if when while there his her " +
        "their its our my yet so for however meanwhile after before some many most still now then");

    /// <summary>Words that may stand between a subject and its reporting verb: "has long argued", "also said".</summary>
    public static readonly WordSet Auxiliaries = new(
        "has have had is was were are am be been being will would could should may might can did does do also still just " +
        "never not n't long already again later then now recently previously repeatedly publicly privately frequently often " +
        "once first earlier further even reportedly allegedly similarly separately since subsequently ultimately quickly " +
        "initially originally simply only always ever 's ’s 've ’ve 'd ’d 'll ’ll doesn't doesn’t don't don’t didn't didn’t " +
        "isn't isn’t wasn't wasn’t won't won’t wouldn't wouldn’t can't can’t couldn't couldn’t hasn't hasn’t haven't haven’t " +
        "hadn't hadn’t shouldn't shouldn’t aren't aren’t weren't weren’t cannot");

    /// <summary>Words that cannot be inside the subject noun phrase: they end it (scanning leftwards).</summary>
    public static readonly WordSet SubjectBoundaries = new(
        "that which who whom whose and or but because if when while as although though so since after before where than " +
        "whether nor in on during with without by to into onto about over under through across against between among " +
        "toward towards upon within is was are were be been has have had said says do does did will would could should " +
        "can may might must not also then there here what how why yet once until unless like unlike despite");

    public static readonly WordSet Pronouns = new("he she they we i you it");

    /// <summary>Adverbs set off by commas between a subject and its verb: "The lawmakers, however, argue".</summary>
    public static readonly WordSet ParentheticalAdverbs = new("however though meanwhile too also instead nevertheless moreover furthermore therefore");

    public static readonly WordSet PersonalPronouns = new("he she i");

    /// <summary>Words that open a subordinate clause: "“...” as the talks began" ends the quoted clause.</summary>
    public static readonly WordSet Subordinators = new("as when while before after until since because although though if unless once");

    public static readonly WordSet PossessivePronouns = new("his her their its our my your");

    public static readonly WordSet Determiners = new("the a an this that these those some several many most few one two three another any each every both all no");

    /// <summary>Words of a title that can stand before a name: "NATO Secretary General Mark Rutte", "Sen. Smith".</summary>
    public static readonly WordSet Titles = new(
        "president secretary general senator sen rep representative gov governor minister prime chancellor chief director " +
        "spokesman spokeswoman spokesperson mayor judge justice dr mr mrs ms miss sir lord lady king queen prince princess " +
        "pope ceo chairman chairwoman chair leader speaker commissioner ambassador attorney adviser advisor professor prof " +
        "rev lt col capt captain sgt officer detective sheriff congressman congresswoman councilman councilwoman deputy " +
        "vice assistant founder executive manager coach candidate nominee lawmaker economist analyst strategist aide " +
        "official pastor bishop cardinal rabbi imam sheikh emir ayatollah admiral marshal colonel major lieutenant sergeant " +
        "treasurer commander premier counsel inspector superintendent dean provost rector host anchor correspondent editor " +
        "columnist reporter author chairperson head coordinator organizer organiser activist");

    /// <summary>Nouns that describe a person's role: "the senator", "the NATO leader", "a spokeswoman".</summary>
    public static readonly WordSet RoleNouns = new(
        "president senator governor minister chancellor chief director spokesman spokeswoman spokesperson mayor judge " +
        "leader speaker commissioner ambassador attorney adviser advisor professor official officer congressman " +
        "congresswoman candidate nominee lawmaker economist analyst strategist aide secretary chairman chairwoman chair " +
        "ceo founder executive manager coach host frontrunner front-runner businessman businesswoman billionaire mogul " +
        "politician diplomat general premier king queen prince pope expert source spokesperson representative " +
        "prosecutor lawyer author writer reporter columnist editor activist researcher scientist doctor witness resident " +
        "campaign administration government ministry department agency company firm report study poll survey statement " +
        "newspaper paper magazine website network channel group organization organisation committee council court " +
        "couple man woman father mother son daughter wife husband brother sister friend veteran student teacher worker " +
        "lawsuit complaint filing memo letter ad website release document book article editorial column tweet post bill " +
        "law ruling order indictment footnote page platform resolution analysis review email message video speech " +
        "petition motion brief opinion decision letter transcript record records data model forecast projection " +
        "team office spokesman spokeswoman union party side camp critic supporter opponent");

    /// <summary>Nouns for people by what they do, heads of descriptions such as "the NATO leader".</summary>
    public static readonly WordSet PersonNouns = new(
        "president senator governor minister chancellor chief director spokesman spokeswoman spokesperson mayor judge " +
        "leader speaker commissioner ambassador attorney adviser advisor professor congressman congresswoman candidate " +
        "nominee lawmaker economist analyst strategist aide secretary chairman chairwoman ceo founder frontrunner " +
        "front-runner businessman businesswoman billionaire mogul politician diplomat premier king queen prince pope " +
        "prosecutor lawyer official envoy negotiator pundit commentator pollster");

    /// <summary>Plural nouns naming an unnamed group of sources: "officials said", "some member states".</summary>
    public static readonly WordSet GroupNouns = new(
        "officials sources analysts experts critics observers lawmakers legislators diplomats aides advisers advisors " +
        "members states countries governments leaders residents people voters supporters opponents economists scientists " +
        "researchers investigators authorities police prosecutors reports polls surveys studies documents witnesses " +
        "activists campaigners republicans democrats conservatives liberals americans europeans allies insiders " +
        "strategists pollsters observers commentators protesters demonstrators organizers organisers employees workers " +
        "executives managers spokesmen doctors lawyers judges ministers senators representatives governors candidates " +
        "delegates donors citizens parents students teachers critics fans users groups officers agencies " +
        "data figures records statistics estimates numbers results findings accounts scholars historians");

    /// <summary>Things that are evidence, not speakers: "reports suggest", "the data show", "polls indicate".</summary>
    public static readonly WordSet EvidenceNouns = new(
        "report reports data study studies evidence figure figures poll polls sign signs survey surveys research numbers " +
        "statistics results findings trend trends indicator indicators analysis analyses");

    /// <summary>Irregular past tenses that can follow a subject: "Smith made clear", "Ruiz took aim at".</summary>
    public static readonly WordSet IrregularPasts = new(
        "made took gave went told said got put set held kept brought thought left ran won lost spoke wrote drew struck " +
        "shot sent led met paid sought stood fought threw became began came saw knew found felt heard laid swore tore");

    public static readonly WordSet Months = new(
        "january february march april may june july august september october november december jan feb mar apr jun jul " +
        "aug sep sept oct nov dec");

    public static readonly WordSet Weekdays = new("monday tuesday wednesday thursday friday saturday sunday");

    /// <summary>Last words that make a capitalised name an organisation, place or event rather than a person.</summary>
    public static readonly WordSet NonPersonHeads = new(
        "party house committee department ministry office council union states nations court congress senate parliament " +
        "government administration agency bank news post times journal network university college school street city " +
        "county state republic kingdom church army forces company corp inc group association institute foundation center " +
        "centre campaign organization organisation commission board press tribune herald guardian fund bureau embassy police " +
        "war day act plan strategy summit conference security ocean sea river island islands mountains valley airport " +
        "station hospital museum square park hall club league cup championship games olympics report review magazine " +
        "channel radio tv television broadcasting service services authority alliance coalition movement federation " +
        "assembly caucus tea gop nato un eu ltd plc llc co revolution media online magazine daily weekly reuters world " +
        "east west north south america europe africa asia");

    /// <summary>Capitalised words that open sentences or stand in names but are not names themselves.</summary>
    public static readonly WordSet NotNames = new(
        "the a an in on at but and as if when while after before he she they it we i this that these those his her their " +
        "its our my yet so for with without from to of by during since although though because however still meanwhile " +
        "some many most all both each other others there here what who why how where one no not now then also even just " +
        "only speaking according asked asked told said says in is was are were has have had do does did will would could " +
        "should can may might must you your me us them him let like unlike despite until unless whether or nor either " +
        "neither such every any another more less much few several last next this every mr. ms. monday tuesday wednesday " +
        "thursday friday saturday sunday january february march april june july august september october november december " +
        "today yesterday tomorrow tonight earlier later instead perhaps indeed meanwhile moreover furthermore nevertheless " +
        "again already never always sometimes often once first second third finally overall besides otherwise thus hence " +
        "while mrs ms yes well oh ok okay sure thanks please");

    /// <summary>Nouns naming the occasion of speech: "at the summit in Vilnius", "during his annual live broadcast".</summary>
    public static readonly WordSet OccasionNouns = new(
        "summit conference meeting rally broadcast interview speech address briefing hearing debate forum event session " +
        "visit ceremony gathering convention appearance call statement news-conference town-hall roundtable panel " +
        "program programme show tour trip luncheon dinner breakfast campaign-stop stop testimony sermon lecture " +
        "talk remarks press-conference podcast livestream");
}
