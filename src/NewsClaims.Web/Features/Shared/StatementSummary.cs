using NewsClaims.Core.Statements;

namespace NewsClaims.Web.Features.Shared;

/// <summary>A statement as listed on home, person and article pages.</summary>
public sealed record StatementSummary(
    long Id,
    string Text,
    StatementKind Kind,
    string? SpeakerName,
    string? SpeakerSlug,
    string? UnnamedSource,
    string? Cue,
    string? Place,
    string? WhenText,
    long ArticleId,
    string ArticleTitle,
    string? Outlet,
    DateOnly? Published,
    StatementStatus Status,
    double Confidence)
{
    public bool IsEditorConfirmed => Status is StatementStatus.Confirmed or StatementStatus.Corrected;
}
