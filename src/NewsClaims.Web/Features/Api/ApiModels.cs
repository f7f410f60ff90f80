using System.ComponentModel;
using NewsClaims.Core.Annotations;
using NewsClaims.Core.Claims;
using NewsClaims.Core.Common;
using NewsClaims.Core.Statements;

namespace NewsClaims.Web.Features.Api;

internal static class ApiModels
{
    public const string VersionDescription = "Changes whenever it is saved: send it back with a change; 409 when someone changed it since.";

    public const string YourVersionDescription = "The version you read (the resource's `version`); 409 when someone changed it since.";
}

// The read API's shapes. Offsets are UTF-16 indices (C# string indices) into the article's text as GET
// /api/v1/articles/{id} returns it, end-exclusive, as in `newsclaims extract`. Enums are snake_case text.

/// <summary>A part of the article's text: <c>text</c> equals <c>article.text[start..end]</c>.</summary>
public sealed record ApiSpan(int Start, int End, string Text);

public sealed record ApiWhen(string? Text, DateOnly? Date, DatePrecision Precision);

public sealed record ApiPersonRef(string Name, string Slug)
{
    public string Url => $"/api/v1/speakers/{Slug}";

    public string Page => $"/speakers/{Slug}";
}

public sealed record ApiArticleRef(long Id, string Title, string? Outlet, DateOnly? Published, string? SourceUrl)
{
    public string Url => $"/api/v1/articles/{Id}";

    public string Page => $"/articles/{Id}";
}

/// <summary>
/// One statement: who (<c>speaker</c>, or <c>unnamedSource</c> when the text names nobody), what (<c>text</c> at
/// <c>start</c>..<c>end</c> of the article), the cue, where and when, and how sure the machine or an editor is.
/// <c>version</c> changes whenever the statement is saved: send it back with a change; 409 when someone changed it since.
/// </summary>
public sealed record ApiStatement(
    long Id,
    StatementKind Kind,
    string Text,
    int Start,
    int End,
    ApiPersonRef? Speaker,
    ApiSpan? Mention,
    string? UnnamedSource,
    ApiSpan? Cue,
    string? Where,
    ApiWhen? When,
    string? Occasion,
    double Confidence,
    StatementStatus Status,
    AnchorStatus Anchor,
    string? ExtractorVersion,
    string? ReportedVia,
    ApiArticleRef Article,
    [property: Description(ApiModels.VersionDescription)] uint Version)
{
    public string Url => $"/api/v1/statements/{Id}";

    public string Page => $"/statements/{Id}";

    /// <summary>An editor confirmed or corrected it; otherwise it is the machine's reading.</summary>
    public bool EditorConfirmed => Status is StatementStatus.Confirmed or StatementStatus.Corrected;
}

public sealed record ApiQuoteOccurrence(long StatementId, ApiArticleRef Article);

/// <summary>The same words reported by several articles: first seen, and every occurrence readers may see.</summary>
public sealed record ApiQuoteGroup(long Id, string CanonicalText, DateTimeOffset FirstSeenAt, IReadOnlyList<ApiQuoteOccurrence> Occurrences);

public sealed record ApiClaimRef(long Id, string Text, VerdictRating? Verdict)
{
    public string Url => $"/api/v1/claims/{Id}";
}

public sealed record ApiStatementDetail(
    ApiStatement Statement,
    ApiQuoteGroup? QuoteGroup,
    IReadOnlyList<ApiClaimRef> Claims,
    IReadOnlyList<ApiAnnotation> Annotations);

public sealed record ApiRole(string Title, string? Organisation, DateOnly? StartedOn, DateOnly? EndedOn);

public sealed record ApiPersonSummary(string Name, string Slug, string? Description, int StatementCount)
{
    public string Url => $"/api/v1/speakers/{Slug}";

    public string Page => $"/speakers/{Slug}";
}

/// <summary>A person; <c>version</c>: send it back with a change (edit, merge); 409 when someone changed the person since.</summary>
public sealed record ApiPerson(
    string Name,
    string Slug,
    string? Description,
    string? WikidataId,
    bool NeedsReview,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<ApiRole> Roles,
    int StatementCount,
    IReadOnlyList<ApiAnnotation> Annotations,
    [property: Description(ApiModels.VersionDescription)] uint Version)
{
    public string Url => $"/api/v1/speakers/{Slug}";

    public string Page => $"/speakers/{Slug}";

    public string Statements => $"/api/v1/speakers/{Slug}/statements";
}

public sealed record ApiArticleSummary(
    long Id, string Title, string? SourceUrl, string? Outlet, string? Author, DateOnly? Published, string Language, int StatementCount)
{
    public string Url => $"/api/v1/articles/{Id}";

    public string Page => $"/articles/{Id}";
}

/// <summary>An article with its whole text, so every statement's offsets can be checked against its exact words.</summary>
public sealed record ApiArticle(
    long Id,
    string Title,
    string? SourceUrl,
    string? Outlet,
    string? Author,
    DateOnly? Published,
    string Language,
    string? ReportedVia,
    int Revision,
    string? ExtractorVersion,
    DateTimeOffset ImportedAt,
    string Text,
    IReadOnlyList<ApiStatement> Statements,
    IReadOnlyList<ApiAnnotation> Annotations)
{
    public string Url => $"/api/v1/articles/{Id}";

    public string Page => $"/articles/{Id}";
}

public sealed record ApiClaimSummary(long Id, string Text, VerdictRating? Verdict, DateTimeOffset? RatedAt, int StatementCount)
{
    public string Url => $"/api/v1/claims/{Id}";

    public string Page => $"/claims/{Id}";
}

public sealed record ApiVerdictSource(string Title, string Url);

public sealed record ApiRelatedClaim(long Id, string Text, VerdictRating? Verdict, ClaimRelationKind Relation, bool Incoming)
{
    public string Url => $"/api/v1/claims/{Id}";
}

/// <summary>A claim; <c>version</c>: send it back with a change; 409 when someone changed the claim since.</summary>
public sealed record ApiClaim(
    long Id,
    string Text,
    IReadOnlyList<string> Topics,
    VerdictRating? Verdict,
    string? VerdictLabel,
    string? Explanation,
    IReadOnlyList<ApiVerdictSource> Sources,
    DateTimeOffset? RatedAt,
    DateTimeOffset CreatedAt,
    IReadOnlyList<ApiStatement> Statements,
    IReadOnlyList<ApiRelatedClaim> Related,
    IReadOnlyList<ApiAnnotation> Annotations,
    [property: Description(ApiModels.VersionDescription)] uint Version)
{
    public string Url => $"/api/v1/claims/{Id}";

    public string Page => $"/claims/{Id}";
}

public sealed record ApiTextSelector(string Exact, string? Prefix, string? Suffix, int? Start, int? End);

/// <summary>
/// An editor's note: <c>body</c> is Markdown as written, <c>bodyHtml</c> the sanitised rendering. Reads show published
/// notes only; an editor's write answers with the note whatever its state (<c>published</c> false for a draft).
/// <c>version</c>: send it back with a change; 409 when someone changed the note since.
/// </summary>
public sealed record ApiAnnotation(
    long Id,
    AnnotationMotivation Motivation,
    string Body,
    string BodyHtml,
    IReadOnlyList<string> Tags,
    string Author,
    long? StatementId,
    long? ArticleId,
    long? ClaimId,
    string? PersonSlug,
    ApiTextSelector? Selector,
    AnchorStatus Anchor,
    long? ParentId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool Published,
    [property: Description(ApiModels.VersionDescription)] uint Version)
{
    public string Url => $"/api/v1/annotations/{Id}";
}
