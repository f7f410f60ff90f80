using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using NewsClaims.Core.Annotations;
using NewsClaims.Core.Claims;
using NewsClaims.Core.Statements;

namespace NewsClaims.Web.Features.Api;

// The bodies editors send to /api/v1. Each is checked for shape here (400 naming the fields); what the knowledge base
// accepts is the editing services' decision (422 with their words), so no rule is written twice.

/// <summary>Confirm a statement as it stands.</summary>
public sealed record ApiConfirmStatement(
    [Required][property: Description(ApiModels.YourVersionDescription)] uint? Version);

/// <summary>Reject a statement (not a statement, wrong words ...) and say why in a few words.</summary>
public sealed record ApiRejectStatement(
    [Required][property: Description(ApiModels.YourVersionDescription)] uint? Version,
    [property: Description("Why, in a few words (up to 500 characters).")] string? Reason);

/// <summary>
/// Correct a statement; a field left out stays as it is. <c>speaker</c> is the slug of an existing person;
/// <c>newSpeakerName</c> creates a person of that name. <c>start</c>/<c>end</c> are UTF-16 offsets into the article's text.
/// </summary>
public sealed record ApiCorrectStatement(
    [Required][property: Description(ApiModels.YourVersionDescription)] uint? Version,
    [StringLength(200)] string? Speaker = null,
    string? NewSpeakerName = null,
    StatementKind? Kind = null,
    [Range(0, int.MaxValue)] int? Start = null,
    [Range(0, int.MaxValue)] int? End = null,
    string? Place = null,
    [property: Description("When it was said, in the editor's words (e.g. \"on Tuesday\").")] string? When = null) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Speaker) && !string.IsNullOrWhiteSpace(NewSpeakerName))
        {
            yield return new ValidationResult("Give either speaker (an existing person's slug) or newSpeakerName, not both.", [nameof(Speaker), nameof(NewSpeakerName)]);
        }
    }
}

/// <summary>A statement waiting for review: its words in their passage, what the engine made of it, and its version.</summary>
public sealed record ApiReviewItem(
    long Id,
    uint Version,
    string Text,
    StatementKind Kind,
    StatementStatus Status,
    double Confidence,
    ApiPersonRef? Speaker,
    string? Mention,
    string? UnnamedSource,
    string? SpeakerRule,
    string? Cue,
    string? Where,
    string? When,
    long ArticleId,
    string ArticleTitle,
    ApiReviewPassage Passage)
{
    public string Article => $"/api/v1/articles/{ArticleId}";

    public string Confirm => $"/api/v1/statements/{Id}/confirm";

    public string Reject => $"/api/v1/statements/{Id}/reject";

    public string Correct => $"/api/v1/statements/{Id}/correct";
}

/// <summary>The statement's words (<c>words</c>, at <c>start</c>..<c>end</c> of the article) with some text either side.</summary>
public sealed record ApiReviewPassage(string Before, string Words, string After, int Start, int End);

/// <summary>A page of the review queue, lowest confidence first; <c>waiting</c> counts every statement not yet reviewed.</summary>
public sealed record ApiReviewPage(IReadOnlyList<ApiReviewItem> Items, long Waiting, string? NextCursor, string? Next);

/// <summary>Change a person; a field left out (or null) stays as it is. An empty <c>description</c> clears it.</summary>
public sealed record ApiPersonPatch(
    [Required][property: Description(ApiModels.YourVersionDescription)] uint? Version,
    string? Name = null,
    string? Description = null,
    [property: Description("Every alias the person is known by: the list replaces the current one.")] IReadOnlyList<string>? Aliases = null);

/// <summary>One dated role; dates are YYYY-MM-DD, an open end means the role is held now.</summary>
public sealed record ApiRoleInput(string? Title, string? Organisation = null, DateOnly? StartedOn = null, DateOnly? EndedOn = null);

/// <summary>The person's roles, all of them: roles not in the list are removed, new ones added, the rest kept.</summary>
public sealed record ApiPersonRoles(
    [Required, MaxLength(100)] IReadOnlyList<ApiRoleInput>? Roles);

/// <summary>Merge this person (as read at <c>version</c>) into another: statements, notes and roles move; the old slug redirects.</summary>
public sealed record ApiPersonMerge(
    [Required][property: Description(ApiModels.YourVersionDescription)] uint? Version,
    [Required, StringLength(200)][property: Description("The slug of the person who remains.")] string? Into);

/// <summary>A verdict's source.</summary>
public sealed record ApiSourceInput(string? Title, string? Url);

/// <summary>
/// A claim in the editor's words: topics, the statements that make it (ids; statements already in the claim stay),
/// and an optional verdict, which needs an explanation. A null verdict withdraws one given before.
/// </summary>
public record ApiClaimDraft
{
    public string? Text { get; init; }

    public IReadOnlyList<string>? Topics { get; init; }

    [MaxLength(500)]
    public IReadOnlyList<long>? Statements { get; init; }

    public VerdictRating? Verdict { get; init; }

    public string? Explanation { get; init; }

    public IReadOnlyList<ApiSourceInput>? Sources { get; init; }
}

/// <summary>The claim as it should be now (as <see cref="ApiClaimDraft"/>), at the version read.</summary>
public sealed record ApiClaimUpdate : ApiClaimDraft
{
    [Required]
    [Description(ApiModels.YourVersionDescription)]
    public uint? Version { get; init; }
}

/// <summary>Relate this claim to another: it supports, contradicts or is the same as <c>claimId</c>.</summary>
public sealed record ApiClaimRelation(
    [Required] ClaimRelationKind? Kind,
    [Required, Range(1, long.MaxValue)] long? ClaimId);

/// <summary>A passage of the article: UTF-16 offsets into its text, end-exclusive.</summary>
public sealed record ApiSelectorInput(
    [Range(0, int.MaxValue)] int Start,
    [Range(0, int.MaxValue)] int End);

/// <summary>
/// A new note on exactly one of: a <c>statement</c>, an <c>article</c> (or, with <c>selector</c>, a passage of it),
/// a <c>claim</c>, a <c>speaker</c> (slug); or a reply to another note (<c>replyTo</c>). <c>body</c> is Markdown.
/// A draft unless <c>publish</c> is true.
/// </summary>
public sealed record ApiAnnotationDraft : IValidatableObject
{
    [Range(1, long.MaxValue)]
    public long? Statement { get; init; }

    [Range(1, long.MaxValue)]
    public long? Article { get; init; }

    public ApiSelectorInput? Selector { get; init; }

    [Range(1, long.MaxValue)]
    public long? Claim { get; init; }

    [StringLength(200)]
    public string? Speaker { get; init; }

    [Range(1, long.MaxValue)]
    public long? ReplyTo { get; init; }

    [Required]
    public AnnotationMotivation? Motivation { get; init; }

    public string? Body { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    public bool Publish { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var targets = new object?[] { Statement, Article, Claim, Speaker, ReplyTo }.Count(t => t is not null);
        if (targets != 1)
        {
            yield return new ValidationResult(
                "Say what the note is on: exactly one of statement, article, claim, speaker or replyTo.",
                [nameof(Statement), nameof(Article), nameof(Claim), nameof(Speaker), nameof(ReplyTo)]);
        }

        if (Selector is not null && Article is null)
        {
            yield return new ValidationResult("A selector picks words of an article: give article with it.", [nameof(Selector)]);
        }
    }
}

/// <summary>Change a note at the version read: a new Markdown <c>body</c> (kept as a revision), and/or publish or unpublish it. Left out stays.</summary>
public sealed record ApiAnnotationPatch(
    [Required][property: Description(ApiModels.YourVersionDescription)] uint? Version,
    string? Body = null,
    bool? Publish = null);
