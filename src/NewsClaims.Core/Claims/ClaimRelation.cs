using NewsClaims.Core.Common;

namespace NewsClaims.Core.Claims;

/// <summary>One claim supports, contradicts or is the same as another.</summary>
public class ClaimRelation : IHasCreatedAt
{
    private ClaimRelation()
    {
    }

    internal ClaimRelation(Claim from, Claim to, ClaimRelationKind kind, string? createdById)
    {
        From = from;
        To = to;
        Kind = kind;
        CreatedById = createdById;
    }

    public long FromClaimId { get; private set; }

    public Claim? From { get; private set; }

    public long ToClaimId { get; private set; }

    public Claim? To { get; private set; }

    public ClaimRelationKind Kind { get; private set; }

    public string? CreatedById { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
