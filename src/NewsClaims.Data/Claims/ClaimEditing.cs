using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Auditing;
using NewsClaims.Core.Claims;
using NewsClaims.Data.Configurations;

namespace NewsClaims.Data.Claims;

/// <summary>A claim as an editor writes it: in their own words, with topics, the statements that make it, and a verdict.</summary>
public sealed record ClaimDraft(
    string Text,
    IReadOnlyList<string> Topics,
    IReadOnlyList<long> StatementIds,
    VerdictRating? Verdict,
    string? Explanation,
    IReadOnlyList<(string Title, string Url)> Sources);

/// <summary>How a claim edit ended.</summary>
public abstract record ClaimOutcome
{
    private ClaimOutcome()
    {
    }

    public sealed record Done(long ClaimId) : ClaimOutcome;

    public sealed record NotFound : ClaimOutcome;

    public sealed record Conflict(long ClaimId) : ClaimOutcome;

    public sealed record Invalid(string Problem) : ClaimOutcome;
}

/// <summary>
/// Editors' claims: create one from statements, reword it, tag it, rate it on the normalised verdict scale with an
/// explanation and sources, and relate it to other claims. Version-checked; every change audited in the same save.
/// </summary>
public sealed class ClaimEditing(NewsClaimsDbContext db, TimeProvider clock)
{
    public const string EntityType = AuditedEntity.Claim;

    public async Task<ClaimOutcome> CreateAsync(string editorId, ClaimDraft draft, CancellationToken ct)
    {
        if (Problem(draft) is { } problem)
        {
            return new ClaimOutcome.Invalid(problem);
        }

        var claim = new Claim(draft.Text.Trim(), editorId, draft.Topics);
        var changes = new Dictionary<string, FieldChange>(StringComparer.Ordinal) { ["text"] = new(null, claim.Text) };
        if (await ApplyAsync(editorId, claim, draft, changes, ct) is { } missing)
        {
            return new ClaimOutcome.Invalid(missing);
        }

        // The claim's id names its audit entry: two saves, one transaction, so neither stands without the other.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Claims.Add(claim);
        await db.SaveChangesAsync(ct);
        db.AuditEntries.Add(new AuditEntry(editorId, EntityType, claim.Id.ToString(CultureInfo.InvariantCulture), "create", changes));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ClaimOutcome.Done(claim.Id);
    }

    public async Task<ClaimOutcome> EditAsync(string editorId, long id, uint version, ClaimDraft draft, CancellationToken ct)
    {
        if (Problem(draft) is { } problem)
        {
            return new ClaimOutcome.Invalid(problem);
        }

        var claim = await db.Claims.Include(c => c.Statements).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (claim is null)
        {
            return new ClaimOutcome.NotFound();
        }

        if (claim.Version != version)
        {
            return new ClaimOutcome.Conflict(id);
        }

        var changes = new Dictionary<string, FieldChange>(StringComparer.Ordinal);
        if (draft.Text.Trim() != claim.Text)
        {
            changes["text"] = new(claim.Text, draft.Text.Trim());
            claim.Reword(draft.Text.Trim());
        }

        if (await ApplyAsync(editorId, claim, draft, changes, ct) is { } missing)
        {
            return new ClaimOutcome.Invalid(missing);
        }

        if (changes.Count == 0)
        {
            return new ClaimOutcome.Done(id);
        }

        db.AuditEntries.Add(new AuditEntry(editorId, EntityType, id.ToString(CultureInfo.InvariantCulture), "edit", changes));
        try
        {
            await db.SaveChangesAsync(ct);
            return new ClaimOutcome.Done(id);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new ClaimOutcome.Conflict(id);
        }
    }

    public async Task<ClaimOutcome> RelateAsync(string editorId, long id, ClaimRelationKind kind, long otherId, CancellationToken ct)
    {
        if (id == otherId)
        {
            return new ClaimOutcome.Invalid("A claim cannot be related to itself.");
        }

        var claim = await db.Claims.Include(c => c.Relations).SingleOrDefaultAsync(c => c.Id == id, ct);
        var other = await db.Claims.SingleOrDefaultAsync(c => c.Id == otherId, ct);
        if (claim is null)
        {
            return new ClaimOutcome.NotFound();
        }

        if (other is null)
        {
            return new ClaimOutcome.Invalid($"There is no claim {otherId}.");
        }

        if (claim.Relations.Any(r => r.ToClaimId == otherId && r.Kind == kind))
        {
            return new ClaimOutcome.Done(id);
        }

        claim.Relate(kind, other, editorId);
        db.AuditEntries.Add(new AuditEntry(editorId, EntityType, id.ToString(CultureInfo.InvariantCulture), "relate",
            new Dictionary<string, FieldChange>(StringComparer.Ordinal) { [EnumText.Of(kind)] = new(null, $"claim {otherId}") }));
        await db.SaveChangesAsync(ct);
        return new ClaimOutcome.Done(id);
    }

    private async Task<string?> ApplyAsync(string editorId, Claim claim, ClaimDraft draft, Dictionary<string, FieldChange> changes, CancellationToken ct)
    {
        var topics = draft.Topics.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct().ToList();
        if (!topics.SequenceEqual(claim.Topics))
        {
            changes["topics"] = new(string.Join(", ", claim.Topics), string.Join(", ", topics));
            claim.Tag(topics);
        }

        var wanted = draft.StatementIds.Distinct().Where(i => claim.Statements.All(s => s.StatementId != i)).ToList();
        var statements = await db.Statements.Where(s => wanted.Contains(s.Id)).ToListAsync(ct);
        if (statements.Count != wanted.Count)
        {
            return $"No statement {string.Join(", ", wanted.Except(statements.Select(s => s.Id)))}.";
        }

        foreach (var statement in statements)
        {
            claim.Include(statement, editorId);
        }

        if (statements.Count > 0)
        {
            changes["statements"] = new(null, string.Join(", ", statements.Select(s => s.Id)));
        }

        var explanation = draft.Explanation?.Trim();
        var sources = draft.Sources.Select(s => new VerdictSource(s.Title, s.Url)).ToList();
        var sameSources = sources.Select(s => (s.Title, s.Url)).SequenceEqual(claim.VerdictSources.Select(s => (s.Title, s.Url)));
        if (draft.Verdict is { } verdict && (verdict != claim.Verdict || explanation != claim.VerdictExplanation || !sameSources))
        {
            changes["verdict"] = new(claim.Verdict is { } was ? EnumText.Of(was) : null, EnumText.Of(verdict));
            if (explanation != claim.VerdictExplanation)
            {
                changes["explanation"] = new(claim.VerdictExplanation, explanation);
            }

            claim.Rate(verdict, explanation!, sources, editorId, clock.GetUtcNow());
        }
        else if (draft.Verdict is null && claim.Verdict is { } withdrawn)
        {
            changes["verdict"] = new(EnumText.Of(withdrawn), null);
            claim.WithdrawVerdict();
        }

        return null;
    }

    private static string? Problem(ClaimDraft draft)
    {
        var text = draft.Text?.Trim() ?? "";
        if (text.Length is < 5 or > 1000)
        {
            return "Write the claim in your own words: 5 to 1,000 characters.";
        }

        if (draft.Topics.Count > 20 || draft.Topics.Any(t => t.Length > 60))
        {
            return "At most 20 topics, each at most 60 characters.";
        }

        if (draft.StatementIds.Count > 500)
        {
            return "A claim gathers at most 500 statements at a time.";
        }

        if (draft.Verdict is not null && string.IsNullOrWhiteSpace(draft.Explanation))
        {
            return "A verdict needs an explanation.";
        }

        if (draft.Sources.Count > 50)
        {
            return "At most 50 sources.";
        }

        foreach (var (title, url) in draft.Sources)
        {
            if (string.IsNullOrWhiteSpace(title) || title.Length > 300)
            {
                return "Each source needs a title of at most 300 characters.";
            }

            if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || url!.Length > 2000)
            {
                return $"“{url}” is not a web address (http or https).";
            }
        }

        return null;
    }
}
