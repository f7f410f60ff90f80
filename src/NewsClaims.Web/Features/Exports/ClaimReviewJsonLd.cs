using System.Globalization;
using System.Text.Json.Nodes;
using NewsClaims.Core.Claims;
using NewsClaims.Web.Features.Shared;

namespace NewsClaims.Web.Features.Exports;

/// <summary>A statement that makes a claim, as its schema.org appearance: the quotation, its speaker and the article it is in.</summary>
public sealed record ClaimAppearance(
    long StatementId, string Text, string? SpeakerName, string? SpeakerSlug, long ArticleId, string ArticleTitle, string? ArticleUrl, string? Outlet, DateOnly? Published);

/// <summary>
/// The one mapping from a claim to schema.org, used by the claim page and the claims export: a rated claim is a
/// ClaimReview of a Claim, an unrated one a bare Claim (a ClaimReview needs a rating). Null values and empty lists
/// are left out, since schema.org consumers read them as claims of "nothing".
/// </summary>
public static class ClaimReviewJsonLd
{
    public const string Context = "https://schema.org";

    /// <param name="origin">Scheme, host and path base, e.g. <c>https://newsclaims.example</c>.</param>
    public static JsonObject For(
        string origin, long id, string text, VerdictRating? verdict, string? explanation, DateTimeOffset? ratedAt, IEnumerable<ClaimAppearance> appearances, bool withContext = true)
    {
        var url = origin + SiteUrls.Claim(id);
        var statements = appearances.ToList();
        var node = withContext ? new JsonObject { ["@context"] = Context } : [];
        JsonObject claim;
        if (verdict is { } rating)
        {
            node["@type"] = "ClaimReview";
            node["@id"] = url;
            node["url"] = url;
            node["claimReviewed"] = text;
            Set(node, "datePublished", ratedAt?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            node["author"] = new JsonObject { ["@type"] = "Organization", ["name"] = "NewsClaims" };
            Set(node, "reviewBody", explanation);
            var review = new JsonObject { ["@type"] = "Rating" };
            if (VerdictLabels.RatingValue(rating) is { } value)
            {
                review["ratingValue"] = value;
                review["bestRating"] = 5;
                review["worstRating"] = 1;
            }

            review["alternateName"] = VerdictLabels.For(rating);
            node["reviewRating"] = review;
            claim = new JsonObject { ["@type"] = "Claim" };
            node["itemReviewed"] = claim;
        }
        else
        {
            claim = node;
            claim["@type"] = "Claim";
            claim["@id"] = url;
            claim["url"] = url;
            claim["text"] = text;
        }

        var speakers = statements.Where(s => s.SpeakerName is not null).DistinctBy(s => s.SpeakerSlug ?? s.SpeakerName).Select(s => Person(origin, s)).ToList();
        if (speakers.Count == 1)
        {
            claim["author"] = speakers[0];
        }
        else if (speakers.Count > 1)
        {
            claim["author"] = new JsonArray([.. speakers]);
        }

        if (statements.Count > 0)
        {
            claim["appearance"] = new JsonArray([.. statements.Select(s => Appearance(origin, s))]);
        }

        return node;
    }

    private static JsonObject Appearance(string origin, ClaimAppearance s)
    {
        var article = new JsonObject
        {
            ["@type"] = "CreativeWork",
            ["name"] = s.ArticleTitle,
            ["url"] = origin + SiteUrls.Article(s.ArticleId),
        };
        Set(article, "sameAs", s.ArticleUrl);
        if (s.Outlet is not null)
        {
            article["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = s.Outlet };
        }

        Set(article, "datePublished", s.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var quotation = new JsonObject
        {
            ["@type"] = "Quotation",
            ["url"] = origin + SiteUrls.Statement(s.StatementId),
            ["text"] = s.Text,
        };
        if (s.SpeakerName is not null)
        {
            quotation["creator"] = Person(origin, s);
        }

        quotation["isPartOf"] = article;
        return quotation;
    }

    private static JsonObject Person(string origin, ClaimAppearance s)
    {
        var person = new JsonObject { ["@type"] = "Person", ["name"] = s.SpeakerName };
        if (s.SpeakerSlug is not null)
        {
            person["url"] = origin + SiteUrls.Person(s.SpeakerSlug);
        }

        return person;
    }

    private static void Set(JsonObject node, string key, string? value)
    {
        if (value is not null)
        {
            node[key] = value;
        }
    }
}
