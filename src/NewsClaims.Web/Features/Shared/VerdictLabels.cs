using NewsClaims.Core.Claims;

namespace NewsClaims.Web.Features.Shared;

/// <summary>Verdicts as readers read them, and as schema.org ClaimReview rates them (1 = false ... 5 = true).</summary>
public static class VerdictLabels
{
    public static string For(VerdictRating verdict) => verdict switch
    {
        VerdictRating.True => "True",
        VerdictRating.MostlyTrue => "Mostly true",
        VerdictRating.Mixed => "Mixed",
        VerdictRating.MostlyFalse => "Mostly false",
        VerdictRating.False => "False",
        VerdictRating.Unsupported => "Unsupported",
        VerdictRating.Misleading => "Misleading",
        _ => verdict.ToString(),
    };

    /// <summary>The rating on schema.org's 1–5 scale; null where the verdict is not a point on it (unsupported).</summary>
    public static int? RatingValue(VerdictRating verdict) => verdict switch
    {
        VerdictRating.True => 5,
        VerdictRating.MostlyTrue => 4,
        VerdictRating.Mixed => 3,
        VerdictRating.MostlyFalse or VerdictRating.Misleading => 2,
        VerdictRating.False => 1,
        _ => null,
    };

    public static string CssClass(VerdictRating verdict) => "verdict-" + verdict.ToString().ToLowerInvariant();
}
