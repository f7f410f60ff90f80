using NewsClaims.Core.Common;
using NewsClaims.Core.Outlets;
using NewsClaims.Core.Statements;

namespace NewsClaims.Core.Articles;

/// <summary>
/// A news article as imported. <see cref="Body"/> is the normalised text every offset points into; editing it
/// makes a new <see cref="ArticleRevision"/>, after which statements and annotations are re-anchored.
/// </summary>
public class Article : IHasUpdatedAt
{
    public const string DefaultLanguage = "en";

    private readonly List<ArticleRevision> _revisions = [];
    private readonly List<Statement> _statements = [];

    private Article()
    {
        Title = null!;
        Language = null!;
        Body = null!;
        ContentHash = null!;
    }

    public Article(
        string title,
        string body,
        string? importedById = null,
        string language = DefaultLanguage,
        Outlet? outlet = null,
        string? canonicalUrl = null,
        string? author = null,
        DateOnly? publishedOn = null,
        string? reportedVia = null,
        string? extractorVersion = null,
        bool isSample = false)
    {
        Title = Guard.Text(title);
        Body = RequireBody(body);
        ContentHash = Common.ContentHash.Of(Body);
        Language = Guard.Text(language).ToLowerInvariant();
        Outlet = outlet;
        CanonicalUrl = Guard.OptionalText(canonicalUrl);
        Author = Guard.OptionalText(author);
        PublishedOn = publishedOn;
        ReportedVia = Guard.OptionalText(reportedVia);
        ImportedById = importedById;
        ExtractorVersion = Guard.OptionalText(extractorVersion);
        IsSample = isSample;
        CurrentRevision = 1;
        _revisions.Add(new ArticleRevision(this, 1, Body, ContentHash, importedById, "Imported"));
    }

    public long Id { get; private set; }

    public string Title { get; private set; }

    public string? CanonicalUrl { get; private set; }

    public long? OutletId { get; private set; }

    public Outlet? Outlet { get; private set; }

    public string? Author { get; private set; }

    public DateOnly? PublishedOn { get; private set; }

    /// <summary>ISO 639-1 code, e.g. <c>en</c>.</summary>
    public string Language { get; private set; }

    public string Body { get; private set; }

    /// <summary>SHA-256 hex of <see cref="Body"/>; unique, so the same text is never imported twice.</summary>
    public string ContentHash { get; private set; }

    /// <summary>The outlet or agency the article cites as its source ("as reported by Ukraine.ru").</summary>
    public string? ReportedVia { get; private set; }

    /// <summary>When the article was imported (see <see cref="ImportedAt"/>).</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ImportedAt => CreatedAt;

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The editor account that imported it; null for command-line and demo imports.</summary>
    public string? ImportedById { get; private set; }

    public string? ExtractorVersion { get; private set; }

    /// <summary>Demo content, shown as such on the site.</summary>
    public bool IsSample { get; private set; }

    public int CurrentRevision { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyCollection<ArticleRevision> Revisions => _revisions.AsReadOnly();

    public IReadOnlyCollection<Statement> Statements => _statements.AsReadOnly();

    public void Retitle(string title) => Title = Guard.Text(title);

    public void Describe(Outlet? outlet, string? canonicalUrl, string? author, DateOnly? publishedOn, string? reportedVia)
    {
        Outlet = outlet;
        if (outlet is null)
        {
            OutletId = null;
        }

        CanonicalUrl = Guard.OptionalText(canonicalUrl);
        Author = Guard.OptionalText(author);
        PublishedOn = publishedOn;
        ReportedVia = Guard.OptionalText(reportedVia);
    }

    /// <summary>
    /// Replaces the body with a corrected one as a new revision. Existing statements keep their old offsets
    /// until the re-anchoring step moves them or marks them orphaned.
    /// </summary>
    public ArticleRevision Revise(string body, string? editorId, string? reason)
    {
        var newBody = RequireBody(body);
        if (newBody == Body)
        {
            throw new InvalidOperationException("The new body is the same as the current one.");
        }

        CurrentRevision++;
        Body = newBody;
        ContentHash = Common.ContentHash.Of(newBody);
        var revision = new ArticleRevision(this, CurrentRevision, Body, ContentHash, editorId, reason);
        _revisions.Add(revision);
        return revision;
    }

    /// <summary>Records a statement found in the current body; its span must match the body exactly.</summary>
    public Statement AddStatement(TextSpan span, StatementKind kind, double confidence, string? extractorVersion = null)
    {
        var statement = new Statement(this, span, kind, confidence, extractorVersion);
        _statements.Add(statement);
        return statement;
    }

    public void RecordExtraction(string extractorVersion) => ExtractorVersion = Guard.Text(extractorVersion);

    private static string RequireBody(string body)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(body);
        return body;
    }
}
