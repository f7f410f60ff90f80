using NewsClaims.Core.Articles;
using NewsClaims.Core.Common;
using NewsClaims.Core.People;

namespace NewsClaims.Core.Statements;

/// <summary>
/// Something someone said, as an article reports it: the exact words at their offsets in the article body,
/// who said them (and the words that named them), the cue, when, where, and how sure the extractor was.
/// </summary>
public class Statement : IHasUpdatedAt
{
    private readonly List<StatementPerson> _persons = [];

    private Statement()
    {
        Text = null!;
    }

    internal Statement(Article article, TextSpan span, StatementKind kind, double confidence, string? extractorVersion)
    {
        ArgumentNullException.ThrowIfNull(span);
        RequireIn(article.Body, span, nameof(span));
        Article = article;
        Start = span.Start;
        End = span.End;
        Text = span.Text;
        Kind = kind;
        Confidence = RequireConfidence(confidence);
        ExtractorVersion = Guard.OptionalText(extractorVersion);
        AnchoredRevision = article.CurrentRevision;
    }

    public long Id { get; private set; }

    public long ArticleId { get; private set; }

    public Article? Article { get; private set; }

    /// <summary>UTF-16 offset into the article body, inclusive.</summary>
    public int Start { get; private set; }

    /// <summary>UTF-16 offset into the article body, exclusive.</summary>
    public int End { get; private set; }

    /// <summary>The reported words exactly as the body has them between <see cref="Start"/> and <see cref="End"/>.</summary>
    public string Text { get; private set; }

    public StatementKind Kind { get; private set; }

    public long? SpeakerId { get; private set; }

    public Person? Speaker { get; private set; }

    public int? MentionStart { get; private set; }

    public int? MentionEnd { get; private set; }

    /// <summary>The words that named the speaker ("he", "the NATO chief"); null when known only from context.</summary>
    public string? MentionText { get; private set; }

    /// <summary>A source the text leaves unnamed ("officials", "a senior diplomat").</summary>
    public string? UnnamedSource { get; private set; }

    /// <summary>Which rule or sieve chose the speaker, so the choice can be explained.</summary>
    public string? SpeakerRule { get; private set; }

    public int? CueStart { get; private set; }

    public int? CueEnd { get; private set; }

    /// <summary>The reporting verb or phrase ("warned", "urged").</summary>
    public string? CueText { get; private set; }

    /// <summary>The words that date the statement ("on December 19").</summary>
    public string? WhenSaidText { get; private set; }

    public DateOnly? WhenSaidDate { get; private set; }

    public DatePrecision WhenSaidPrecision { get; private set; }

    public string? Place { get; private set; }

    /// <summary>e.g. "his annual live broadcast".</summary>
    public string? Occasion { get; private set; }

    public double Confidence { get; private set; }

    public StatementStatus Status { get; private set; }

    public string? ReviewedById { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    public string? RejectionReason { get; private set; }

    public string? ExtractorVersion { get; private set; }

    /// <summary>Second-hand source for this statement only ("as reported by Ukraine.ru").</summary>
    public string? ReportedVia { get; private set; }

    public long? QuoteGroupId { get; private set; }

    public QuoteGroup? QuoteGroup { get; private set; }

    public AnchorStatus AnchorStatus { get; private set; }

    /// <summary>The article revision whose body the offsets point into.</summary>
    public int AnchoredRevision { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic-concurrency token: two editors cannot overwrite each other's review.</summary>
    public uint Version { get; private set; }

    public IReadOnlyCollection<StatementPerson> Persons => _persons.AsReadOnly();

    public TextSpan Span => new(Start, End, Text);

    public TextSpan? SpeakerMention =>
        MentionStart is { } start && MentionEnd is { } end && MentionText is { } text ? new TextSpan(start, end, text) : null;

    public TextSpan? Cue =>
        CueStart is { } start && CueEnd is { } end && CueText is { } text ? new TextSpan(start, end, text) : null;

    /// <summary>Attributes the statement; <paramref name="speaker"/> null with an <paramref name="unnamedSource"/> for "officials said".</summary>
    public void AttributeTo(Person? speaker, TextSpan? mention, string? rule, string? unnamedSource = null)
    {
        if (mention is not null && Article is not null)
        {
            RequireIn(Article.Body, mention, nameof(mention));
        }

        Speaker = speaker;
        if (speaker is null)
        {
            SpeakerId = null;
        }

        MentionStart = mention?.Start;
        MentionEnd = mention?.End;
        MentionText = mention?.Text;
        SpeakerRule = Guard.OptionalText(rule);
        UnnamedSource = Guard.OptionalText(unnamedSource);
    }

    public void MarkCue(TextSpan? cue)
    {
        if (cue is not null && Article is not null)
        {
            RequireIn(Article.Body, cue, nameof(cue));
        }

        CueStart = cue?.Start;
        CueEnd = cue?.End;
        CueText = cue?.Text;
    }

    /// <summary>A date needs a precision of day, month or year; no date means precision unknown.</summary>
    public void DateAs(string? text, DateOnly? date, DatePrecision precision)
    {
        if ((date is null) != (precision == DatePrecision.Unknown))
        {
            throw new ArgumentException("A when-said date needs a precision of day, month or year, and only a date can have one.", nameof(precision));
        }

        WhenSaidText = Guard.OptionalText(text);
        WhenSaidDate = date;
        WhenSaidPrecision = precision;
    }

    public void PlaceAt(string? place, string? occasion)
    {
        Place = Guard.OptionalText(place);
        Occasion = Guard.OptionalText(occasion);
    }

    /// <summary>An editor's call on whether the words are quoted, reported or both.</summary>
    public void Classify(StatementKind kind) => Kind = kind;

    public void CiteSource(string? reportedVia) => ReportedVia = Guard.OptionalText(reportedVia);

    public StatementPerson Mention(Person person, StatementPersonRole role)
    {
        ArgumentNullException.ThrowIfNull(person);
        var existing = _persons.FirstOrDefault(p => p.Role == role && (ReferenceEquals(p.Person, person) || (person.Id != 0 && p.PersonId == person.Id)));
        if (existing is not null)
        {
            return existing;
        }

        var link = new StatementPerson(this, person, role);
        _persons.Add(link);
        return link;
    }

    /// <summary>True while no editor has judged the statement: only then may the engine change it.</summary>
    public bool IsMachineOnly => Status is StatementStatus.Extracted or StatementStatus.Published;

    /// <summary>Shows a machine-extracted statement to readers (marked as such) instead of queueing it for review.</summary>
    public void Publish()
    {
        RequireMachineOnly();
        Status = StatementStatus.Published;
    }

    public void Confirm(string reviewerId, DateTimeOffset at) => Review(StatementStatus.Confirmed, reviewerId, at, null);

    /// <summary>Records that an editor fixed the statement (speaker, span, date ...) and now vouches for it.</summary>
    public void MarkCorrected(string reviewerId, DateTimeOffset at) => Review(StatementStatus.Corrected, reviewerId, at, null);

    public void Reject(string reviewerId, DateTimeOffset at, string reason) => Review(StatementStatus.Rejected, reviewerId, at, Guard.Text(reason));

    public void GroupWith(QuoteGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        QuoteGroup = group;
    }

    public void Ungroup()
    {
        QuoteGroup = null;
        QuoteGroupId = null;
    }

    /// <summary>Moves the statement onto a revised body where its words were found again.</summary>
    public void Reanchor(TextSpan span, int revision, TextSpan? mention, TextSpan? cue)
    {
        ArgumentNullException.ThrowIfNull(span);
        ArgumentOutOfRangeException.ThrowIfLessThan(revision, 1);
        if (Article is not null)
        {
            RequireIn(Article.Body, span, nameof(span));
            if (mention is not null)
            {
                RequireIn(Article.Body, mention, nameof(mention));
            }

            if (cue is not null)
            {
                RequireIn(Article.Body, cue, nameof(cue));
            }
        }

        Start = span.Start;
        End = span.End;
        Text = span.Text;
        MentionStart = mention?.Start;
        MentionEnd = mention?.End;
        MentionText = mention?.Text;
        CueStart = cue?.Start;
        CueEnd = cue?.End;
        CueText = cue?.Text;
        AnchoredRevision = revision;
        AnchorStatus = AnchorStatus.Anchored;
    }

    /// <summary>The words are gone from the revised body; the statement stays, flagged, for an editor to resolve.</summary>
    public void Orphan() => AnchorStatus = AnchorStatus.Orphaned;

    private void Review(StatementStatus status, string reviewerId, DateTimeOffset at, string? rejectionReason)
    {
        ReviewedById = Guard.Text(reviewerId);
        ReviewedAt = at;
        Status = status;
        RejectionReason = rejectionReason;
    }

    private void RequireMachineOnly()
    {
        if (!IsMachineOnly)
        {
            throw new InvalidOperationException($"Statement {Id} was {Status.ToString().ToLowerInvariant()} by an editor; the engine may not change it.");
        }
    }

    private static double RequireConfidence(double confidence) =>
        confidence is >= 0 and <= 1 ? confidence : throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Confidence is between 0 and 1.");

    private static void RequireIn(string body, TextSpan span, string name)
    {
        if (!span.IsFoundIn(body))
        {
            throw new ArgumentException($"'{span.Text}' is not at {span.Start}..{span.End} in the article body.", name);
        }
    }
}
