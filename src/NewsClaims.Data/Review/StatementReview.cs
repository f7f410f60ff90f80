using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Auditing;
using NewsClaims.Core.Common;
using NewsClaims.Core.People;
using NewsClaims.Core.Statements;
using NewsClaims.Data.Configurations;

namespace NewsClaims.Data.Review;

/// <summary>What an editor changes when correcting a statement; a null field stays as it is.</summary>
public sealed record StatementCorrection(
    long? SpeakerId = null,
    string? NewSpeakerName = null,
    StatementKind? Kind = null,
    int? Start = null,
    int? End = null,
    string? Place = null,
    string? WhenSaidText = null);

/// <summary>How a review decision ended.</summary>
public abstract record ReviewOutcome
{
    private ReviewOutcome()
    {
    }

    public sealed record Done(long StatementId, uint Version) : ReviewOutcome;

    public sealed record NotFound(long StatementId) : ReviewOutcome;

    /// <summary>Someone saved the statement since the editor loaded it; nothing was written.</summary>
    public sealed record Conflict(long StatementId, uint YourVersion, uint CurrentVersion) : ReviewOutcome;

    public sealed record Invalid(string Problem) : ReviewOutcome;
}

/// <summary>
/// An editor's decisions on statements: confirm, reject with a reason, or correct (speaker, span, kind, where, when).
/// Each decision checks the version the editor saw (no lost update), and records who, when and what changed, from
/// what to what, in the audit log in the same transaction.
/// </summary>
public sealed class StatementReview(NewsClaimsDbContext db, TimeProvider clock)
{
    public const string EntityType = AuditedEntity.Statement;

    public Task<ReviewOutcome> ConfirmAsync(string editorId, long id, uint version, CancellationToken ct) =>
        DecideAsync(editorId, id, version, "confirm", (statement, changes) =>
        {
            changes["status"] = new FieldChange(Text(statement.Status), Text(StatementStatus.Confirmed));
            statement.Confirm(editorId, clock.GetUtcNow());
            return Task.FromResult<string?>(null);
        }, ct);

    public Task<ReviewOutcome> RejectAsync(string editorId, long id, uint version, string? reason, CancellationToken ct)
    {
        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why) || why.Length > 500)
        {
            return Task.FromResult<ReviewOutcome>(new ReviewOutcome.Invalid("Say in a few words (up to 500 characters) why the statement is rejected."));
        }

        return DecideAsync(editorId, id, version, "reject", (statement, changes) =>
        {
            changes["status"] = new FieldChange(Text(statement.Status), Text(StatementStatus.Rejected));
            changes["reason"] = new FieldChange(null, why);
            statement.Reject(editorId, clock.GetUtcNow(), why);
            return Task.FromResult<string?>(null);
        }, ct);
    }

    public Task<ReviewOutcome> CorrectAsync(string editorId, long id, uint version, StatementCorrection correction, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(correction);
        return DecideAsync(editorId, id, version, "correct", async (statement, changes) =>
        {
            if (await SpeakerAsync(correction, ct) is { } speakerChoice)
            {
                if (speakerChoice.Problem is { } problem)
                {
                    return problem;
                }

                var speaker = speakerChoice.Person!;
                if (speaker.Id == 0 || speaker.Id != statement.SpeakerId)
                {
                    changes["speaker"] = new FieldChange(statement.Speaker?.Name ?? statement.UnnamedSource, speaker.Name);
                    statement.AttributeTo(speaker, null, "editor");
                }
            }

            if (correction.Kind is { } kind && kind != statement.Kind)
            {
                changes["kind"] = new FieldChange(Text(statement.Kind), Text(kind));
                statement.Classify(kind);
            }

            if (correction.Start is not null || correction.End is not null)
            {
                var body = statement.Article!.Body;
                var (start, end) = (correction.Start ?? statement.Start, correction.End ?? statement.End);
                if (start < 0 || end > body.Length || end <= start)
                {
                    return $"The span must lie within the article's {body.Length.ToString("N0", CultureInfo.InvariantCulture)} characters and end after it starts.";
                }

                if (start != statement.Start || end != statement.End)
                {
                    changes["span"] = new FieldChange($"{statement.Start}–{statement.End} “{statement.Text}”", $"{start}–{end} “{body[start..end]}”");
                    statement.Reanchor(new TextSpan(start, end, body[start..end]), statement.Article.CurrentRevision, statement.SpeakerMention, statement.Cue);
                }
            }

            if (correction.Place is { } place && Clean(place) != statement.Place)
            {
                changes["place"] = new FieldChange(statement.Place, Clean(place));
                statement.PlaceAt(Clean(place), statement.Occasion);
            }

            if (correction.WhenSaidText is { } when && Clean(when) != statement.WhenSaidText)
            {
                // The editor's words replace the engine's; a date it resolved no longer holds for them.
                changes["when"] = new FieldChange(statement.WhenSaidText, Clean(when));
                statement.DateAs(Clean(when), null, DatePrecision.Unknown);
            }

            if (changes.Count == 0)
            {
                return "Nothing was changed; use Confirm when the statement is right as it is.";
            }

            changes["status"] = new FieldChange(Text(statement.Status), Text(StatementStatus.Corrected));
            statement.MarkCorrected(editorId, clock.GetUtcNow());
            return null;
        }, ct);
    }

    /// <summary>Confirms each statement at the version the editor saw; returns one outcome per statement.</summary>
    public async Task<IReadOnlyList<ReviewOutcome>> ConfirmManyAsync(string editorId, IReadOnlyList<(long Id, uint Version)> seen, CancellationToken ct)
    {
        var outcomes = new List<ReviewOutcome>(seen.Count);
        foreach (var (id, version) in seen.DistinctBy(s => s.Id).Take(200))
        {
            outcomes.Add(await ConfirmAsync(editorId, id, version, ct));
            db.ChangeTracker.Clear();
        }

        return outcomes;
    }

    private async Task<ReviewOutcome> DecideAsync(
        string editorId, long id, uint version, string action, Func<Statement, Dictionary<string, FieldChange>, Task<string?>> decide, CancellationToken ct)
    {
        var statement = await db.Statements.Include(s => s.Article).Include(s => s.Speaker).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (statement is null)
        {
            return new ReviewOutcome.NotFound(id);
        }

        if (statement.Version != version)
        {
            return new ReviewOutcome.Conflict(id, version, statement.Version);
        }

        var changes = new Dictionary<string, FieldChange>(StringComparer.Ordinal);
        if (await decide(statement, changes) is { } problem)
        {
            db.ChangeTracker.Clear();
            return new ReviewOutcome.Invalid(problem);
        }

        db.AuditEntries.Add(new AuditEntry(editorId, EntityType, id.ToString(CultureInfo.InvariantCulture), action, changes));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Statements.AsNoTracking().Where(s => s.Id == id).Select(s => (uint?)s.Version).SingleOrDefaultAsync(ct);
            return current is null ? new ReviewOutcome.NotFound(id) : new ReviewOutcome.Conflict(id, version, current.Value);
        }

        return new ReviewOutcome.Done(id, statement.Version);
    }

    private async Task<(Person? Person, string? Problem)?> SpeakerAsync(StatementCorrection correction, CancellationToken ct)
    {
        if (correction.SpeakerId is { } speakerId)
        {
            var person = await db.People.SingleOrDefaultAsync(p => p.Id == speakerId, ct);
            return person is null ? (null, $"There is no person {speakerId}.")
                : person.MergedIntoId is not null ? (null, $"{person.Name} was merged into another record; choose that one.")
                : (person, null);
        }

        var name = Clean(correction.NewSpeakerName);
        if (name is null)
        {
            return null;
        }

        if (name.Length > 200)
        {
            return (null, "A name is at most 200 characters.");
        }

        var slug = Slug.From(name);
        var taken = await db.People.Where(p => p.Slug == slug || p.Slug.StartsWith(slug + "-")).Select(p => p.Slug).ToListAsync(ct);
        for (var n = 2; taken.Contains(slug); n++)
        {
            slug = $"{Slug.From(name)}-{n}";
        }

        var created = new Person(name, slug);
        db.People.Add(created);
        return (created, null);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Text<T>(T value)
        where T : struct, Enum => EnumText.Of(value);
}
