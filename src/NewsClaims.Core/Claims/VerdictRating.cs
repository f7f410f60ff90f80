namespace NewsClaims.Core.Claims;

/// <summary>The normalised rating scale, mappable to schema.org ClaimReview's reviewRating.</summary>
public enum VerdictRating
{
    True,
    MostlyTrue,
    Mixed,
    MostlyFalse,
    False,
    Unsupported,
    Misleading,
}
