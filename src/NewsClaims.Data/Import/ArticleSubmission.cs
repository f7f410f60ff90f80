namespace NewsClaims.Data.Import;

/// <summary>An article as it arrives from any channel (file, form, API, web page, demo data), before normalisation.</summary>
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

/// <summary>
/// One thing to import and where it came from ("articles.jsonl:17", "page.html", "POST /api/v1/articles"): either
/// a submission, or the reason it could not even be read as one.
/// </summary>
public sealed record ImportItem(string Origin, ArticleSubmission? Submission, string? Problem)
{
    public static ImportItem Of(string origin, ArticleSubmission submission) => new(origin, submission, null);

    public static ImportItem Unreadable(string origin, string problem) => new(origin, null, problem);
}

/// <summary>What became of one submission.</summary>
public abstract record ImportOutcome
{
    public sealed record Imported(long ArticleId, int StatementCount) : ImportOutcome;

    public sealed record Duplicate(long ExistingArticleId, string Reason) : ImportOutcome;

    public sealed record Rejected(string Reason) : ImportOutcome;
}

/// <summary>An outcome with the origin of the item it belongs to, as bulk imports report them.</summary>
public sealed record ImportResult(string Origin, ImportOutcome Outcome);
