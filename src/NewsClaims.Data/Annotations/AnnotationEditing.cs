using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Annotations;
using NewsClaims.Core.Auditing;
using NewsClaims.Core.Common;

namespace NewsClaims.Data.Annotations;

/// <summary>What an annotation is on.</summary>
public enum AnnotationTarget
{
    Article,
    Statement,
    Claim,
    Person,
}

/// <summary>A new note: on a passage of an article (start/end), or on a whole article, statement, claim or person; or a reply.</summary>
public sealed record AnnotationDraft(
    AnnotationTarget Target,
    long TargetId,
    int? Start,
    int? End,
    AnnotationMotivation Motivation,
    string Body,
    IReadOnlyList<string> Tags,
    bool Publish,
    long? ReplyTo = null);

/// <summary>How a note was saved, or why not.</summary>
public abstract record AnnotationOutcome
{
    private AnnotationOutcome()
    {
    }

    public sealed record Done(long AnnotationId, string Back) : AnnotationOutcome;

    public sealed record NotFound : AnnotationOutcome;

    public sealed record Conflict(long AnnotationId) : AnnotationOutcome;

    public sealed record Invalid(string Problem) : AnnotationOutcome;
}

/// <summary>
/// Editors' notes in the W3C Web Annotation model: on a selected passage of an article (kept with both a position
/// and a quote selector, so corrections can re-anchor it), or on a statement, claim or person; replies; draft or
/// published; Markdown bodies (rendered sanitised). Every change audited.
/// </summary>
public sealed class AnnotationEditing(NewsClaimsDbContext db)
{
    public const int MaxBody = 10_000;

    public async Task<AnnotationOutcome> CreateAsync(string editorId, AnnotationDraft draft, CancellationToken ct)
    {
        var body = draft.Body?.Trim() ?? "";
        if (body.Length is 0 or > MaxBody)
        {
            return new AnnotationOutcome.Invalid($"Write the note (up to {MaxBody:N0} characters).");
        }

        if (draft.Tags.Count > 20 || draft.Tags.Any(t => t.Length > 60))
        {
            return new AnnotationOutcome.Invalid("At most 20 tags, each at most 60 characters.");
        }

        if (!Enum.IsDefined(draft.Motivation))
        {
            return new AnnotationOutcome.Invalid("Choose what the note does: comment, assess, correct, question, tag or link.");
        }

        Annotation annotation;
        string back;
        if (draft.ReplyTo is { } parentId)
        {
            var parent = await db.Annotations.Include(a => a.Person).SingleOrDefaultAsync(a => a.Id == parentId, ct);
            if (parent is null)
            {
                return new AnnotationOutcome.NotFound();
            }

            annotation = parent.Reply(editorId, body);
            back = BackTo(parent);
        }
        else
        {
            switch (draft.Target)
            {
                case AnnotationTarget.Article:
                    var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == draft.TargetId, ct);
                    if (article is null)
                    {
                        return new AnnotationOutcome.NotFound();
                    }

                    if (draft.Start is { } start && draft.End is { } end)
                    {
                        if (start < 0 || end > article.Body.Length || end <= start || end - start > 5_000)
                        {
                            return new AnnotationOutcome.Invalid("Select some words of the article (up to 5,000 characters) to annotate.");
                        }

                        annotation = Annotation.OnArticle(article, TextSpan.In(article.Body, start, end), editorId, draft.Motivation, body, draft.Tags);
                    }
                    else
                    {
                        annotation = Annotation.OnArticle(article, editorId, draft.Motivation, body, draft.Tags);
                    }

                    back = $"/articles/{article.Id}";
                    break;
                case AnnotationTarget.Statement:
                    var statement = await db.Statements.SingleOrDefaultAsync(s => s.Id == draft.TargetId, ct);
                    if (statement is null)
                    {
                        return new AnnotationOutcome.NotFound();
                    }

                    annotation = Annotation.OnStatement(statement, editorId, draft.Motivation, body, draft.Tags);
                    back = $"/statements/{statement.Id}";
                    break;
                case AnnotationTarget.Claim:
                    var claim = await db.Claims.SingleOrDefaultAsync(c => c.Id == draft.TargetId, ct);
                    if (claim is null)
                    {
                        return new AnnotationOutcome.NotFound();
                    }

                    annotation = Annotation.OnClaim(claim, editorId, draft.Motivation, body, draft.Tags);
                    back = $"/claims/{claim.Id}";
                    break;
                case AnnotationTarget.Person:
                    var person = await db.People.SingleOrDefaultAsync(p => p.Id == draft.TargetId && p.MergedIntoId == null, ct);
                    if (person is null)
                    {
                        return new AnnotationOutcome.NotFound();
                    }

                    annotation = Annotation.OnPerson(person, editorId, draft.Motivation, body, draft.Tags);
                    back = $"/speakers/{person.Slug}";
                    break;
                default:
                    return new AnnotationOutcome.Invalid("Annotate an article, a statement, a claim or a person.");
            }

            db.Annotations.Add(annotation);
        }

        if (draft.Publish)
        {
            annotation.Publish();
        }

        // The note's id names its audit entry: two saves, one transaction, so neither stands without the other.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(new AuditEntry(editorId, AuditedEntity.Annotation, annotation.Id.ToString(CultureInfo.InvariantCulture), "create",
            new Dictionary<string, FieldChange>(StringComparer.Ordinal)
            {
                ["body"] = new(null, body),
                ["visibility"] = new(null, draft.Publish ? "published" : "draft"),
            }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new AnnotationOutcome.Done(annotation.Id, back);
    }

    /// <summary>A new body (kept as a revision) and visibility, at the version the editor saw.</summary>
    public async Task<AnnotationOutcome> EditAsync(string editorId, long id, uint version, string? body, bool publish, CancellationToken ct)
    {
        var text = body?.Trim() ?? "";
        if (text.Length is 0 or > MaxBody)
        {
            return new AnnotationOutcome.Invalid($"Write the note (up to {MaxBody:N0} characters).");
        }

        var annotation = await db.Annotations.Include(a => a.Person).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (annotation is null)
        {
            return new AnnotationOutcome.NotFound();
        }

        if (annotation.Version != version)
        {
            return new AnnotationOutcome.Conflict(id);
        }

        var changes = new Dictionary<string, FieldChange>(StringComparer.Ordinal);
        if (text != annotation.Body)
        {
            changes["body"] = new(annotation.Body, text);
            annotation.Edit(text, editorId);
        }

        var was = annotation.Visibility == AnnotationVisibility.Published;
        if (publish != was)
        {
            changes["visibility"] = new(was ? "published" : "draft", publish ? "published" : "draft");
            if (publish)
            {
                annotation.Publish();
            }
            else
            {
                annotation.Unpublish();
            }
        }

        if (changes.Count > 0)
        {
            db.AuditEntries.Add(new AuditEntry(editorId, AuditedEntity.Annotation, id.ToString(CultureInfo.InvariantCulture), "edit", changes));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return new AnnotationOutcome.Conflict(id);
            }
        }

        return new AnnotationOutcome.Done(id, BackTo(annotation));
    }

    /// <summary>The body as saved now, for a conflict page; null when the note does not exist.</summary>
    public Task<string?> CurrentAsync(long id, CancellationToken ct) =>
        db.Annotations.AsNoTracking().Where(a => a.Id == id).Select(a => a.Body).FirstOrDefaultAsync(ct);

    private static string BackTo(Annotation a) =>
        a.ArticleId is { } article ? $"/articles/{article}"
        : a.StatementId is { } statement ? $"/statements/{statement}"
        : a.ClaimId is { } claim ? $"/claims/{claim}"
        : a.Person is { } person ? $"/speakers/{person.Slug}"
        : "/";
}
