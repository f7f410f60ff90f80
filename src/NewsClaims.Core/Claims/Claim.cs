using NewsClaims.Core.Common;
using NewsClaims.Core.Statements;

namespace NewsClaims.Core.Claims;

/// <summary>A checkable proposition in an editor's words, made by one or more statements, with a verdict once rated.</summary>
public class Claim : IHasUpdatedAt
{
    private readonly List<ClaimStatement> _statements = [];
    private readonly List<ClaimRelation> _relations = [];
    private List<VerdictSource> _verdictSources = [];

    private Claim()
    {
        Text = null!;
        Topics = [];
    }

    public Claim(string text, string? createdById, IEnumerable<string>? topics = null)
    {
        Text = Guard.Text(text);
        CreatedById = createdById;
        Topics = CleanTopics(topics);
    }

    public long Id { get; private set; }

    public string Text { get; private set; }

    public string? CreatedById { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public string[] Topics { get; private set; }

    /// <summary>Null until rated.</summary>
    public VerdictRating? Verdict { get; private set; }

    public string? VerdictExplanation { get; private set; }

    public IReadOnlyList<VerdictSource> VerdictSources => _verdictSources.AsReadOnly();

    public string? RatedById { get; private set; }

    public DateTimeOffset? RatedAt { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyCollection<ClaimStatement> Statements => _statements.AsReadOnly();

    /// <summary>Relations from this claim to others.</summary>
    public IReadOnlyCollection<ClaimRelation> Relations => _relations.AsReadOnly();

    public void Reword(string text) => Text = Guard.Text(text);

    public void Tag(IEnumerable<string> topics) => Topics = CleanTopics(topics);

    public ClaimStatement Include(Statement statement, string? addedById)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var existing = _statements.FirstOrDefault(s => ReferenceEquals(s.Statement, statement) || (statement.Id != 0 && s.StatementId == statement.Id));
        if (existing is not null)
        {
            return existing;
        }

        var link = new ClaimStatement(this, statement, addedById);
        _statements.Add(link);
        return link;
    }

    public ClaimRelation Relate(ClaimRelationKind kind, Claim other, string? createdById)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this) || (Id != 0 && other.Id == Id))
        {
            throw new InvalidOperationException("A claim cannot be related to itself.");
        }

        var relation = new ClaimRelation(this, other, kind, createdById);
        _relations.Add(relation);
        return relation;
    }

    public void Rate(VerdictRating verdict, string explanation, IEnumerable<VerdictSource> sources, string raterId, DateTimeOffset at)
    {
        Verdict = verdict;
        VerdictExplanation = Guard.Text(explanation);
        _verdictSources = [.. sources];
        RatedById = Guard.Text(raterId);
        RatedAt = at;
    }

    public void WithdrawVerdict()
    {
        Verdict = null;
        VerdictExplanation = null;
        _verdictSources = [];
        RatedById = null;
        RatedAt = null;
    }

    private static string[] CleanTopics(IEnumerable<string>? topics) =>
        topics is null ? [] : [.. topics.Select(Guard.OptionalText).OfType<string>().Select(t => t.ToLowerInvariant()).Distinct()];
}
