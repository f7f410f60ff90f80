using NewsClaims.Core.Anchoring;
using NewsClaims.Core.Common;

namespace NewsClaims.Data.Editing;

/// <summary>
/// An editor's corrected text for an article. <see cref="EditedRevision"/> is the revision number the editor
/// started from: if someone else corrected the article since, the correction is refused as a conflict.
/// </summary>
public sealed record ArticleCorrection(long ArticleId, int EditedRevision, string Body, string EditorId, string? Reason = null);

/// <summary>What became of a correction.</summary>
public abstract record CorrectionOutcome
{
    /// <summary>Saved as <paramref name="Revision"/>; every statement and passage annotation placed or orphaned as listed.</summary>
    public sealed record Corrected(long ArticleId, int Revision, IReadOnlyList<PlacedPassage> Passages) : CorrectionOutcome
    {
        public int Orphaned => Passages.Count(p => p.Placement.IsOrphaned);
    }

    public sealed record NotFound(long ArticleId) : CorrectionOutcome;

    /// <summary>The article changed since the editor loaded it; nothing was saved. Reload revision <paramref name="CurrentRevision"/> and redo the edit.</summary>
    public sealed record Conflict(long ArticleId, int EditedRevision, int CurrentRevision) : CorrectionOutcome;

    /// <summary>The correction itself is unacceptable (empty, unchanged, too large, another article's text); nothing was saved.</summary>
    public sealed record Refused(string Reason) : CorrectionOutcome;
}

/// <summary>Which statement or annotation was re-anchored, its words before, and where and how it was placed.</summary>
public sealed record PlacedPassage(string EntityType, long Id, string OldText, Placement Placement)
{
    public TextSpan? Span => Placement.Span;
}
