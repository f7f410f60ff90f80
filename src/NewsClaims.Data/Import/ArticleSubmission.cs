namespace NewsClaims.Data.Import;

/// <summary>An article as it arrives from any channel (file, form, API, demo data), before normalisation.</summary>
public sealed record ArticleSubmission(
    string Title,
    string Body,
    string? Url = null,
    string? Outlet = null,
    string? Author = null,
    DateOnly? Published = null,
    string? Language = null,
    string? ReportedVia = null,
    bool IsSample = false);

/// <summary>What became of one submission.</summary>
public abstract record ImportOutcome
{
    public sealed record Imported(long ArticleId, int StatementCount) : ImportOutcome;

    public sealed record Duplicate(long ExistingArticleId, string Reason) : ImportOutcome;

    public sealed record Rejected(string Reason) : ImportOutcome;
}
