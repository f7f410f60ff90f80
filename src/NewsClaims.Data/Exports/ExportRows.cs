using NewsClaims.Core.Annotations;
using NewsClaims.Core.Claims;
using NewsClaims.Core.Common;
using NewsClaims.Core.Statements;

namespace NewsClaims.Data.Exports;

/// <summary>Whose view an export gives: what readers see (<see cref="ReaderVisibility"/>), or everything held, for editors.</summary>
public enum ExportScope
{
    Readers,
    All,
}

/// <summary>One statement with what a reader needs to cite it: speaker, article, offsets, cue, place, time and review state.</summary>
public sealed record StatementExportRow(
    long Id,
    StatementKind Kind,
    string Text,
    int Start,
    int End,
    long? SpeakerId,
    string? SpeakerSlug,
    string? SpeakerName,
    string? UnnamedSource,
    int? MentionStart,
    int? MentionEnd,
    string? MentionText,
    int? CueStart,
    int? CueEnd,
    string? CueText,
    string? Place,
    string? WhenText,
    DateOnly? WhenDate,
    DatePrecision WhenPrecision,
    long ArticleId,
    string ArticleTitle,
    string? ArticleUrl,
    string? Outlet,
    DateOnly? Published,
    StatementStatus Status,
    double Confidence,
    string? ExtractorVersion,
    string? ReportedVia);

public sealed record ExportRole(string Title, string? Organisation, DateOnly? StartedOn, DateOnly? EndedOn);

/// <summary>
/// A person as one row. Records merged into this one are not rows of their own: their ids and every old slug that
/// leads here (renames and merges, through chains of merges) are listed, so links and ids kept elsewhere still resolve.
/// </summary>
public sealed record PersonExportRow(
    long Id,
    string Slug,
    string Name,
    string? Description,
    string? WikidataId,
    bool NeedsReview,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<ExportRole> Roles,
    IReadOnlyList<string> FormerSlugs,
    IReadOnlyList<long> MergedIds,
    int Statements);

/// <summary>A statement grouped into a claim: who said it and where it appeared.</summary>
public sealed record ClaimStatementRow(
    long StatementId,
    string Text,
    string? SpeakerName,
    string? SpeakerSlug,
    string? UnnamedSource,
    long ArticleId,
    string ArticleTitle,
    string? ArticleUrl,
    string? Outlet,
    DateOnly? Published,
    StatementStatus Status);

public sealed record ClaimExportRow(
    long Id,
    string Text,
    string[] Topics,
    VerdictRating? Verdict,
    string? Explanation,
    IReadOnlyList<VerdictSource> Sources,
    DateTimeOffset? RatedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<ClaimStatementRow> Statements);

public sealed record AnnotationExportRow(
    long Id,
    AnnotationMotivation Motivation,
    string Body,
    string[] Tags,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long? ParentId,
    long? ArticleId,
    long? StatementId,
    long? ClaimId,
    string? PersonSlug,
    AnchorStatus AnchorStatus,
    AnnotationSelector? Selector,
    AnnotationVisibility Visibility,
    string? Author);
