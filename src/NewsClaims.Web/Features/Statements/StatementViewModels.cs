using System.Globalization;
using NewsClaims.Core.Claims;
using NewsClaims.Core.Common;
using NewsClaims.Core.Statements;
using NewsClaims.Web.Features.Shared;

namespace NewsClaims.Web.Features.Statements;

public sealed record Occurrence(long StatementId, long ArticleId, string ArticleTitle, string? Outlet, DateOnly? Published);

public sealed record MentionedPerson(string Name, string Slug, StatementPersonRole Role);

public sealed record ClaimLink(long Id, string Text, VerdictRating? Verdict);

/// <summary>The role a speaker held when they spoke; <paramref name="Caveat"/> says why it could not be checked against the date.</summary>
public sealed record RoleThen(string Role, string? Caveat);

public sealed record StatementViewModel(
    long Id,
    string Text,
    StatementKind Kind,
    string? SpeakerName,
    string? SpeakerSlug,
    RoleThen? SpeakerRoleThen,
    string? MentionText,
    string? UnnamedSource,
    string? SpeakerRule,
    string? Cue,
    string? Place,
    string? Occasion,
    string? WhenText,
    DateOnly? WhenDate,
    DatePrecision WhenPrecision,
    long ArticleId,
    string ArticleTitle,
    string? Outlet,
    DateOnly? Published,
    string? ArticleUrl,
    string? ArticleAuthor,
    IReadOnlyList<string> ReportedVia,
    string ParagraphBefore,
    string ParagraphAfter,
    StatementStatus Status,
    double Confidence,
    string? ExtractorVersion,
    DateTimeOffset? ReviewedAt,
    AnchorStatus AnchorStatus,
    DateTimeOffset? FirstSeen,
    IReadOnlyList<Occurrence> OtherOccurrences,
    IReadOnlyList<MentionedPerson> Persons,
    IReadOnlyList<ClaimLink> Claims,
    IReadOnlyList<AnnotationView> Annotations)
{
    public string KindLabel => Kind switch
    {
        StatementKind.Direct => "Direct quote",
        StatementKind.Indirect => "Reported speech",
        _ => "Mixed: reported speech with quoted words",
    };

    public string Who => SpeakerName ?? UnnamedSource ?? "Speaker not identified";

    /// <summary>Honest about precision: a day with no year says so instead of inventing one.</summary>
    public string? WhenDisplay => (WhenDate, WhenPrecision) switch
    {
        ({ } d, DatePrecision.Day) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
        ({ } d, DatePrecision.Month) => d.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
        ({ } d, DatePrecision.Year) => d.ToString("yyyy", CultureInfo.InvariantCulture),
        (null, _) when WhenText is not null => $"“{WhenText}” (year not stated)",
        _ => null,
    };

    /// <summary>The when-said date for machines (JSON-LD, &lt;time&gt;), only as precise as the text is.</summary>
    public string? WhenIso => (WhenDate, WhenPrecision) switch
    {
        ({ } d, DatePrecision.Day) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ({ } d, DatePrecision.Month) => d.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        ({ } d, DatePrecision.Year) => d.ToString("yyyy", CultureInfo.InvariantCulture),
        _ => null,
    };

    public bool IsEditorConfirmed => Status is StatementStatus.Confirmed or StatementStatus.Corrected;
}
