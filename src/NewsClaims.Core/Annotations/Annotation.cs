using NewsClaims.Core.Articles;
using NewsClaims.Core.Claims;
using NewsClaims.Core.Common;
using NewsClaims.Core.People;
using NewsClaims.Core.Statements;

namespace NewsClaims.Core.Annotations;

/// <summary>
/// An editor's note on exactly one target: a passage of an article (with W3C selectors), a statement, a claim
/// or a person. Replies share their parent's target. Every body edit is kept as an <see cref="AnnotationRevision"/>.
/// </summary>
public class Annotation : IHasUpdatedAt
{
    private readonly List<AnnotationRevision> _revisions = [];
    private readonly List<Annotation> _replies = [];

    private Annotation()
    {
        AuthorId = null!;
        Body = null!;
        Tags = [];
    }

    private Annotation(string authorId, AnnotationMotivation motivation, string body, IEnumerable<string>? tags)
    {
        AuthorId = Guard.Text(authorId);
        Motivation = motivation;
        Body = Guard.Text(body);
        Tags = CleanTags(tags);
        BodyRevision = 1;
        _revisions.Add(new AnnotationRevision(this, BodyRevision, Body, AuthorId));
    }

    public long Id { get; private set; }

    public string AuthorId { get; private set; }

    public long? ArticleId { get; private set; }

    public Article? Article { get; private set; }

    public long? StatementId { get; private set; }

    public Statement? Statement { get; private set; }

    public long? ClaimId { get; private set; }

    public Claim? Claim { get; private set; }

    public long? PersonId { get; private set; }

    public Person? Person { get; private set; }

    /// <summary>The passage annotated, for annotations on an article (or a part of a statement).</summary>
    public AnnotationSelector? Selector { get; private set; }

    /// <summary>The article revision the selector was made on.</summary>
    public int? ArticleRevision { get; private set; }

    public AnnotationMotivation Motivation { get; private set; }

    /// <summary>Markdown, sanitised when rendered.</summary>
    public string Body { get; private set; }

    /// <summary>Number of the current body's <see cref="AnnotationRevision"/>; kept here so editing needs no history loaded.</summary>
    public int BodyRevision { get; private set; }

    public string[] Tags { get; private set; }

    public long? ParentId { get; private set; }

    public Annotation? Parent { get; private set; }

    public AnnotationVisibility Visibility { get; private set; }

    public AnchorStatus AnchorStatus { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public IReadOnlyCollection<AnnotationRevision> Revisions => _revisions.AsReadOnly();

    public IReadOnlyCollection<Annotation> Replies => _replies.AsReadOnly();

    /// <summary>A note on a passage of the article's current body.</summary>
    public static Annotation OnArticle(Article article, TextSpan passage, string authorId, AnnotationMotivation motivation, string body, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new Annotation(authorId, motivation, body, tags)
        {
            Article = article,
            Selector = AnnotationSelector.For(article.Body, passage),
            ArticleRevision = article.CurrentRevision,
        };
    }

    /// <summary>A note on the article as a whole.</summary>
    public static Annotation OnArticle(Article article, string authorId, AnnotationMotivation motivation, string body, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new Annotation(authorId, motivation, body, tags) { Article = article, ArticleRevision = article.CurrentRevision };
    }

    public static Annotation OnStatement(Statement statement, string authorId, AnnotationMotivation motivation, string body, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(statement);
        return new Annotation(authorId, motivation, body, tags) { Statement = statement };
    }

    public static Annotation OnClaim(Claim claim, string authorId, AnnotationMotivation motivation, string body, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return new Annotation(authorId, motivation, body, tags) { Claim = claim };
    }

    public static Annotation OnPerson(Person person, string authorId, AnnotationMotivation motivation, string body, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new Annotation(authorId, motivation, body, tags) { Person = person };
    }

    /// <summary>A reply, on the same target as this annotation.</summary>
    public Annotation Reply(string authorId, string body)
    {
        var reply = new Annotation(authorId, AnnotationMotivation.Commenting, body, null)
        {
            Parent = this,
            Article = Article,
            ArticleId = ArticleId,
            Statement = Statement,
            StatementId = StatementId,
            Claim = Claim,
            ClaimId = ClaimId,
            Person = Person,
            PersonId = PersonId,
            Visibility = Visibility,
        };
        _replies.Add(reply);
        return reply;
    }

    public AnnotationRevision Edit(string body, string editorId)
    {
        var text = Guard.Text(body);
        Body = text;
        BodyRevision++;
        var revision = new AnnotationRevision(this, BodyRevision, text, Guard.Text(editorId));
        _revisions.Add(revision);
        return revision;
    }

    public void Retag(IEnumerable<string> tags) => Tags = CleanTags(tags);

    public void Publish() => Visibility = AnnotationVisibility.Published;

    public void Unpublish() => Visibility = AnnotationVisibility.Draft;

    /// <summary>Moves the selector onto a revised article body where the passage was found again.</summary>
    public void Reanchor(AnnotationSelector selector, int articleRevision)
    {
        Selector = selector ?? throw new ArgumentNullException(nameof(selector));
        ArticleRevision = articleRevision;
        AnchorStatus = AnchorStatus.Anchored;
    }

    /// <summary>The passage is gone from the revised body; the note stays, flagged, never silently dropped.</summary>
    public void Orphan() => AnchorStatus = AnchorStatus.Orphaned;

    private static string[] CleanTags(IEnumerable<string>? tags) =>
        tags is null ? [] : [.. tags.Select(Guard.OptionalText).OfType<string>().Select(t => t.ToLowerInvariant()).Distinct()];
}
