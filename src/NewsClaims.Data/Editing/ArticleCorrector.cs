using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsClaims.Core.Anchoring;
using NewsClaims.Core.Annotations;
using NewsClaims.Core.Articles;
using NewsClaims.Core.Auditing;
using NewsClaims.Core.Common;
using NewsClaims.Core.Statements;
using NewsClaims.Data.Import;
using Npgsql;

namespace NewsClaims.Data.Editing;

/// <summary>
/// An editor's correction of an article's text: check it, make the new revision, re-anchor every statement and
/// every passage annotation onto the new body (<see cref="Reanchorer"/>), write the audit trail, and save it all in
/// one transaction. What cannot be placed is orphaned with its old words, never dropped. Optimistic
/// concurrency: the editor's revision number must still be current, and the article's row version guards the
/// save itself, so two corrections of one revision never both land.
/// </summary>
public sealed class ArticleCorrector(NewsClaimsDbContext db, IOptions<ImportOptions> options, ILogger<ArticleCorrector> logger)
{
    public async Task<CorrectionOutcome> CorrectAsync(ArticleCorrection correction, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(correction);
        ArgumentException.ThrowIfNullOrWhiteSpace(correction.EditorId);
        if (Check(correction.Body) is { } problem)
        {
            return new CorrectionOutcome.Refused(problem);
        }

        // Stored bodies are normalised (every offset points into that form); check again what will be stored.
        var body = TextNormaliser.Normalise(correction.Body);
        if (Check(body) is { } normalisedProblem)
        {
            return new CorrectionOutcome.Refused(normalisedProblem);
        }

        var article = await db.Articles.Include(a => a.Statements).SingleOrDefaultAsync(a => a.Id == correction.ArticleId, ct);
        if (article is null)
        {
            return new CorrectionOutcome.NotFound(correction.ArticleId);
        }

        if (article.CurrentRevision != correction.EditedRevision)
        {
            return new CorrectionOutcome.Conflict(article.Id, correction.EditedRevision, article.CurrentRevision);
        }

        if (body == article.Body)
        {
            return new CorrectionOutcome.Refused("the corrected text is the same as the current one");
        }

        var hash = ContentHash.Of(body);
        if (await db.Articles.Where(a => a.ContentHash == hash && a.Id != article.Id).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct) is { } other)
        {
            return new CorrectionOutcome.Refused($"the corrected text is the same as article {other}'s");
        }

        var annotations = await db.Annotations.Where(a => a.ArticleId == article.Id && a.Selector != null).OrderBy(a => a.Id).ToListAsync(ct);
        var oldBodies = await OldBodiesAsync(article, annotations, ct);
        var before = (Revision: article.CurrentRevision, article.ContentHash, BodyLength: article.Body.Length);

        var revision = article.Revise(body, correction.EditorId, correction.Reason);
        var audit = new List<AuditEntry>();
        var placed = ReanchorAll(article, annotations, new RevisionAnchoring(oldBodies, article.Body), revision.Number, correction.EditorId, audit);
        audit.Insert(0, ArticleEntry(article, before, correction, placed));
        db.AuditEntries.AddRange(audit);
        return await SaveAsync(article, correction, placed, ct);
    }

    /// <summary>Every statement, then every passage annotation, in id order; each one placed or orphaned, and audited if it changed.</summary>
    private static List<PlacedPassage> ReanchorAll(
        Article article, List<Annotation> annotations, RevisionAnchoring anchoring, int revision, string editorId, List<AuditEntry> audit)
    {
        var placed = new List<PlacedPassage>(article.Statements.Count + annotations.Count);
        foreach (var statement in article.Statements.OrderBy(s => s.Id))
        {
            placed.Add(Reanchor(statement, anchoring, revision, editorId, audit));
        }

        foreach (var annotation in annotations)
        {
            placed.Add(Reanchor(annotation, anchoring, revision, editorId, audit));
        }

        return placed;
    }

    /// <summary>The refusals that need no database: blank text, or more than an import would accept.</summary>
    private string? Check(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "the corrected text is empty";
        }

        // More characters than the limit's bytes is over it whatever the encoding: no need to count a huge paste.
        var limit = options.Value.MaxBodyBytes;
        var bytes = body.Length > limit ? body.Length : Encoding.UTF8.GetByteCount(body);
        return bytes > limit
            ? $"the corrected text is {(body.Length > limit ? "over " : "")}{ArticleFiles.Megabytes(bytes)}; the limit is {ArticleFiles.Megabytes(limit)}"
            : null;
    }

    /// <summary>
    /// The bodies the statements and annotations were anchored to, by revision number: the current one, plus any
    /// older one an orphan still points into (it gets another chance on the new text).
    /// </summary>
    private async Task<Dictionary<int, string>> OldBodiesAsync(Article article, List<Annotation> annotations, CancellationToken ct)
    {
        var bodies = new Dictionary<int, string> { [article.CurrentRevision] = article.Body };
        var older = article.Statements.Select(s => s.AnchoredRevision)
            .Concat(annotations.Select(a => a.ArticleRevision ?? article.CurrentRevision))
            .Where(n => n != article.CurrentRevision)
            .Distinct()
            .ToList();
        if (older.Count > 0)
        {
            var stored = await db.ArticleRevisions.AsNoTracking()
                .Where(r => r.ArticleId == article.Id && older.Contains(r.Number))
                .Select(r => new { r.Number, r.Body })
                .ToListAsync(ct);
            foreach (var r in stored)
            {
                bodies[r.Number] = r.Body;
            }
        }

        return bodies;
    }

    private static PlacedPassage Reanchor(Statement statement, RevisionAnchoring anchoring, int revision, string editorId, List<AuditEntry> audit)
    {
        var before = StatementState.Of(statement);
        var anchorer = anchoring.From(statement.AnchoredRevision);
        var placement = anchorer.Place(anchoring.Passage(statement.AnchoredRevision, statement.Span));
        if (placement.Span is { } span)
        {
            var mention = PlaceWords(anchorer, anchoring, statement.AnchoredRevision, statement.SpeakerMention);
            var cue = PlaceWords(anchorer, anchoring, statement.AnchoredRevision, statement.Cue);
            statement.Reanchor(span, revision, mention, cue);
        }
        else
        {
            statement.Orphan();
        }

        var changes = before.ChangesTo(StatementState.Of(statement));
        if (changes.Count > 0)
        {
            changes["AnchorRule"] = new FieldChange(null, Describe(placement));
            audit.Add(new AuditEntry(editorId, AuditedEntity.Statement, Id(statement.Id), Action(placement), changes));
        }

        return new PlacedPassage(AuditedEntity.Statement, statement.Id, before.Text, placement);
    }

    private static PlacedPassage Reanchor(Annotation annotation, RevisionAnchoring anchoring, int revision, string editorId, List<AuditEntry> audit)
    {
        var selector = annotation.Selector!;
        var oldRevision = annotation.ArticleRevision ?? anchoring.CurrentRevision;
        var (oldPosition, oldStatus) = (Position(selector), annotation.AnchorStatus);
        var placement = anchoring.From(oldRevision).Place(Passage.Of(selector));
        if (placement.Span is { } span)
        {
            annotation.Reanchor(AnnotationSelector.For(anchoring.NewBody, span), revision);
        }
        else
        {
            annotation.Orphan();
        }

        var changes = new Dictionary<string, FieldChange>();
        Compare(changes, "Position", oldPosition, Position(annotation.Selector!));
        Compare(changes, "Exact", selector.Quote.Exact, annotation.Selector!.Quote.Exact);
        Compare(changes, "AnchorStatus", oldStatus.ToString(), annotation.AnchorStatus.ToString());
        if (changes.Count > 0)
        {
            changes["AnchorRule"] = new FieldChange(null, Describe(placement));
            audit.Add(new AuditEntry(editorId, AuditedEntity.Annotation, Id(annotation.Id), Action(placement), changes));
        }

        return new PlacedPassage(AuditedEntity.Annotation, annotation.Id, selector.Quote.Exact, placement);
    }

    /// <summary>A speaker mention or cue moves with its statement; when its words are gone it is cleared (and audited).</summary>
    private static TextSpan? PlaceWords(Reanchorer anchorer, RevisionAnchoring anchoring, int oldRevision, TextSpan? words) =>
        words is null ? null : anchorer.Place(anchoring.Passage(oldRevision, words)).Span;

    private static AuditEntry ArticleEntry(
        Article article, (int Revision, string ContentHash, int BodyLength) before, ArticleCorrection correction, List<PlacedPassage> placed)
    {
        var changes = new Dictionary<string, FieldChange>
        {
            ["CurrentRevision"] = new(Number(before.Revision), Number(article.CurrentRevision)),
            ["ContentHash"] = new(before.ContentHash, article.ContentHash),
            ["BodyLength"] = new(Number(before.BodyLength), Number(article.Body.Length)),
            ["Reanchored"] = new(null, Summary(placed)),
        };
        if (Guard.OptionalText(correction.Reason) is { } reason)
        {
            changes["Reason"] = new(null, reason);
        }

        return new AuditEntry(correction.EditorId, AuditedEntity.Article, Id(article.Id), "corrected", changes);
    }

    private async Task<CorrectionOutcome> SaveAsync(Article article, ArticleCorrection correction, List<PlacedPassage> placed, CancellationToken ct)
    {
        try
        {
            // One SaveChanges is one transaction: the revision, the article, every re-anchored row and the audit entries land together.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || IsUniqueViolation(ex, "ix_article_revisions_article_id_number"))
        {
            db.ChangeTracker.Clear();
            var current = await db.Articles.AsNoTracking().Where(a => a.Id == article.Id).Select(a => a.CurrentRevision).FirstOrDefaultAsync(ct);
            logger.LogWarning("Correction of article {ArticleId} from revision {EditedRevision} lost to a concurrent change (now {CurrentRevision})",
                article.Id, correction.EditedRevision, current);
            return new CorrectionOutcome.Conflict(article.Id, correction.EditedRevision, current);
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex, "ix_articles_content_hash"))
        {
            db.ChangeTracker.Clear();
            return new CorrectionOutcome.Refused("the corrected text is the same as another article's");
        }

        var corrected = new CorrectionOutcome.Corrected(article.Id, article.CurrentRevision, placed);
        logger.LogInformation("Article {ArticleId} corrected to revision {Revision} by {EditorId}: {Placed} re-anchored, {Orphaned} orphaned",
            article.Id, article.CurrentRevision, correction.EditorId, placed.Count - corrected.Orphaned, corrected.Orphaned);
        return corrected;
    }

    private static bool IsUniqueViolation(DbUpdateException ex, string constraint) =>
        ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg && pg.ConstraintName == constraint;

    private static string Summary(List<PlacedPassage> placed) =>
        placed.Count == 0
            ? "nothing to re-anchor"
            : string.Join(", ", placed.GroupBy(p => p.Placement.Rule).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));

    private static string Action(Placement placement) => placement.IsOrphaned ? "orphaned" : "reanchored";

    private static string Describe(Placement placement) =>
        string.Create(CultureInfo.InvariantCulture, $"{placement.Rule} {placement.Score:0.00}");

    private static string? Position(AnnotationSelector selector) =>
        selector.Position is { } p ? Range(p.Start, p.End) : null;

    private static void Compare(Dictionary<string, FieldChange> changes, string field, string? from, string? to)
    {
        if (!string.Equals(from, to, StringComparison.Ordinal))
        {
            changes[field] = new FieldChange(from, to);
        }
    }

    private static string Range(int start, int end) => string.Create(CultureInfo.InvariantCulture, $"{start}..{end}");

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Id(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The anchoring fields of a statement, to audit exactly what a correction changed.</summary>
    private sealed record StatementState(string Span, string Text, string? Mention, string? Cue, AnchorStatus Status)
    {
        public static StatementState Of(Statement s) => new(
            Range(s.Start, s.End),
            s.Text,
            s.SpeakerMention is { } m ? $"{m.Text} @{Range(m.Start, m.End)}" : null,
            s.Cue is { } c ? $"{c.Text} @{Range(c.Start, c.End)}" : null,
            s.AnchorStatus);

        public Dictionary<string, FieldChange> ChangesTo(StatementState after)
        {
            var changes = new Dictionary<string, FieldChange>();
            Compare(changes, "Span", Span, after.Span);
            Compare(changes, "Text", Text, after.Text);
            Compare(changes, "Mention", Mention, after.Mention);
            Compare(changes, "Cue", Cue, after.Cue);
            Compare(changes, "AnchorStatus", Status.ToString(), after.Status.ToString());
            return changes;
        }
    }

    /// <summary>One <see cref="Reanchorer"/> per old body, built on first use: most corrections need only the current one.</summary>
    private sealed class RevisionAnchoring(Dictionary<int, string> oldBodies, string newBody)
    {
        private readonly Dictionary<int, Reanchorer> _anchorers = [];

        public string NewBody => newBody;

        public int CurrentRevision => oldBodies.Keys.Max();

        /// <summary>The anchorer from revision <paramref name="number"/>'s body (the latest old body if that one is missing).</summary>
        public Reanchorer From(int number)
        {
            var key = oldBodies.ContainsKey(number) ? number : CurrentRevision;
            if (!_anchorers.TryGetValue(key, out var anchorer))
            {
                anchorer = new Reanchorer(oldBodies[key], newBody);
                _anchorers[key] = anchorer;
            }

            return anchorer;
        }

        public Passage Passage(int number, TextSpan span) =>
            Core.Anchoring.Passage.In(oldBodies.TryGetValue(number, out var body) ? body : oldBodies[CurrentRevision], span);
    }
}
