namespace NewsClaims.Core.Claims;

public enum ClaimRelationKind
{
    Supports,
    Contradicts,
    SameAs,
}
