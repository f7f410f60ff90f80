using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Statements;

namespace NewsClaims.Data.Review;

/// <summary>One machine-extracted statement as an editor judges it: its words in their passage, and what the engine said.</summary>
public sealed record ReviewItem(
    long Id,
    uint Version,
    string Text,
    StatementKind Kind,
    StatementStatus Status,
    double Confidence,
    long? SpeakerId,
    string? SpeakerName,
    string? SpeakerSlug,
    string? MentionText,
    string? UnnamedSource,
    string? SpeakerRule,
    string? CueText,
    string? Place,
    string? WhenSaidText,
    long ArticleId,
    string ArticleTitle,
    ReviewPassage Passage);

/// <summary>The statement's words with some of the article around them, cut at word boundaries.</summary>
public sealed record ReviewPassage(string Before, string Words, string After, int Start, int End);

/// <summary>A page of the review queue: lowest confidence first; <see cref="Next"/> continues after the last item.</summary>
public sealed record ReviewPage(IReadOnlyList<ReviewItem> Items, long Waiting, string? Next);

/// <summary>
/// The review queue: statements no editor has judged yet (extracted below the publishing confidence, or published by
/// the machine), lowest confidence first, so the likeliest mistakes are seen first.
/// </summary>
public sealed class ReviewQueue(NewsClaimsDbContext db)
{
    public const int PageSize = 25;

    private const int Context = 240;

    public Task<ReviewPage> PageAsync(long? articleId, string? after, CancellationToken ct) => PageAsync(articleId, after, PageSize, ct);

    /// <summary>A page of <paramref name="pageSize"/> items (the API's <c>limit</c>), after the position <paramref name="after"/>.</summary>
    public async Task<ReviewPage> PageAsync(long? articleId, string? after, int pageSize, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var waiting = Waiting(db.Statements.AsNoTracking(), articleId);
        var total = await waiting.LongCountAsync(ct);
        var query = waiting;
        if (ReviewCursor.Parse(after) is { } cursor)
        {
            query = query.Where(s => s.Confidence > cursor.Confidence || (s.Confidence == cursor.Confidence && s.Id > cursor.Id));
        }

        var rows = await ItemsAsync(query.OrderBy(s => s.Confidence).ThenBy(s => s.Id).Take(pageSize + 1), ct);
        var next = rows.Count > pageSize ? new ReviewCursor(rows[pageSize - 1].Confidence, rows[pageSize - 1].Id).Encode() : null;
        return new ReviewPage([.. rows.Take(pageSize)], total, next);
    }

    /// <summary>True when <paramref name="after"/> is a position this queue gave out (a page's <see cref="ReviewPage.Next"/>).</summary>
    public static bool IsCursor(string? after) => ReviewCursor.Parse(after) is not null;

    /// <summary>One statement as it stands now, whatever its status, with the last decision on it.</summary>
    public async Task<(ReviewItem Item, ReviewDecision? Last)?> CurrentAsync(long id, CancellationToken ct)
    {
        var items = await ItemsAsync(db.Statements.AsNoTracking().Where(s => s.Id == id), ct);
        if (items.Count == 0)
        {
            return null;
        }

        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var last = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == StatementReview.EntityType && e.EntityId == key)
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
            .Select(e => new ReviewDecision(
                e.Action, e.CreatedAt,
                db.Users.Where(u => u.Id == e.AccountId).Select(u => u.DisplayName != "" ? u.DisplayName : u.Email).FirstOrDefault(),
                e.Changes))
            .FirstOrDefaultAsync(ct);
        return (items[0], last);
    }

    private static async Task<List<ReviewItem>> ItemsAsync(IQueryable<Statement> statements, CancellationToken ct)
    {
        var rows = await statements
            .Select(s => new
            {
                s.Id, s.Version, s.Text, s.Kind, s.Status, s.Confidence, s.SpeakerId,
                SpeakerName = s.Speaker != null ? s.Speaker.Name : null,
                SpeakerSlug = s.Speaker != null ? s.Speaker.Slug : null,
                s.MentionText, s.UnnamedSource, s.SpeakerRule, s.CueText, s.Place, s.WhenSaidText, s.Start, s.End,
                s.ArticleId, ArticleTitle = s.Article!.Title,
                Before = s.Article.Body.Substring(Math.Max(0, s.Start - Context), Math.Min(s.Start, Context)),
                After = s.Article.Body.Substring(s.End, Context),
            })
            .ToListAsync(ct);
        return [.. rows.Select(r => new ReviewItem(
            r.Id, r.Version, r.Text, r.Kind, r.Status, r.Confidence, r.SpeakerId, r.SpeakerName, r.SpeakerSlug, r.MentionText,
            r.UnnamedSource, r.SpeakerRule, r.CueText, r.Place, r.WhenSaidText, r.ArticleId, r.ArticleTitle,
            new ReviewPassage(TrimStart(r.Before, r.Start > Context), r.Text, TrimEnd(r.After), r.Start, r.End)))];
    }

    /// <summary>People whose name or an alias starts with, or whose name contains, the typed words: for the speaker type-ahead.</summary>
    public async Task<IReadOnlyList<PersonChoice>> PeopleAsync(string typed, CancellationToken ct)
    {
        var words = typed.Trim();
        if (words.Length < 2 || words.Length > 100)
        {
            return [];
        }

        var pattern = LikePattern(words);
        return await db.People.AsNoTracking()
            .Where(p => p.MergedIntoId == null
                        && (EF.Functions.ILike(p.Name, "%" + pattern + "%", "\\") || p.Aliases.Any(a => EF.Functions.ILike(a.Alias, pattern + "%", "\\"))))
            .OrderBy(p => p.Name.Length).ThenBy(p => p.Name)
            .Take(12)
            .Select(p => new PersonChoice(p.Id, p.Name, p.Slug, p.Description))
            .ToListAsync(ct);
    }

    internal static IQueryable<Statement> Waiting(IQueryable<Statement> statements, long? articleId)
    {
        var waiting = statements.Where(s => s.Status == StatementStatus.Extracted || s.Status == StatementStatus.Published);
        return articleId is { } id ? waiting.Where(s => s.ArticleId == id) : waiting;
    }

    private static string LikePattern(string words) =>
        words.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static string TrimStart(string before, bool cut)
    {
        if (!cut)
        {
            return before;
        }

        var space = before.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? before : "… " + before[(space + 1)..];
    }

    private static string TrimEnd(string after)
    {
        var space = after.LastIndexOf(' ');
        return after.Length < Context || space < 0 ? after : after[..space] + " …";
    }
}

/// <summary>The last decision recorded on a statement: what, when, by whom, from what to what.</summary>
public sealed record ReviewDecision(string Action, DateTimeOffset At, string? Editor, IReadOnlyDictionary<string, NewsClaims.Core.Auditing.FieldChange> Changes);

/// <summary>A person offered for a statement's speaker.</summary>
public sealed record PersonChoice(long Id, string Name, string Slug, string? Description);
