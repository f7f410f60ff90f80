using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Auditing;
using NewsClaims.Core.Statements;

namespace NewsClaims.Data.Review;

/// <summary>
/// Editors' decisions as evaluation data: for every article with reviewed statements, one JSON line in the gold
/// format of the reference scorer's <c>seed:</c> set (statements an editor confirmed or corrected, with their
/// speaker; rejected ones as <c>not_statements</c>) plus the article text, so real corrections measure the engine.
/// And the decision log itself: who decided what, when, from what to what.
/// </summary>
public sealed class ReviewExport(NewsClaimsDbContext db)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async IAsyncEnumerable<string> GoldLinesAsync([EnumeratorCancellation] CancellationToken ct)
    {
        // Article ids a page at a time (one open reader per connection), then each article on its own: memory stays flat.
        for (long last = 0; ;)
        {
            var page = await db.Statements.AsNoTracking()
                .Where(s => s.ArticleId > last && (s.Status == StatementStatus.Confirmed || s.Status == StatementStatus.Corrected || s.Status == StatementStatus.Rejected))
                .Select(s => s.ArticleId).Distinct().OrderBy(id => id).Take(500).ToListAsync(ct);
            if (page.Count == 0)
            {
                yield break;
            }

            last = page[^1];
            foreach (var id in page)
            {
                yield return await GoldLineAsync(id, ct);
            }
        }
    }

    private async Task<string> GoldLineAsync(long id, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.Id, a.Title, a.Body, a.PublishedOn }).SingleAsync(ct);
        var reviewed = await db.Statements.AsNoTracking()
            .Where(s => s.ArticleId == id && s.ReviewedAt != null && s.AnchorStatus == Core.Common.AnchorStatus.Anchored)
            .OrderBy(s => s.Start)
            .Select(s => new
            {
                s.Status, s.Kind, s.Start, s.End, s.Text, Speaker = s.Speaker != null ? s.Speaker.Name : s.UnnamedSource,
                s.CueText, s.Place, s.WhenSaidText, s.RejectionReason,
            })
            .ToListAsync(ct);
        return JsonSerializer.Serialize(new
        {
            id = article.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            title = article.Title,
            published = article.PublishedOn,
            text = article.Body,
            statements = reviewed.Where(s => s.Status != StatementStatus.Rejected).Select(s => new
            {
                kind = s.Kind.ToString().ToLowerInvariant(), start = s.Start, end = s.End, text = s.Text, speaker = s.Speaker,
                cue = s.CueText, where = s.Place, when = s.WhenSaidText,
            }),
            not_statements = reviewed.Where(s => s.Status == StatementStatus.Rejected).Select(s => new
            {
                start = s.Start, end = s.End, text = s.Text, reason = s.RejectionReason,
            }),
        }, Json);
    }

    public async IAsyncEnumerable<string> DecisionLinesAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var entries = db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == AuditedEntity.Statement)
            .OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.CreatedAt, e.EntityId, e.Action, e.AccountId, e.Changes })
            .AsAsyncEnumerable();
        await foreach (var e in entries.WithCancellation(ct))
        {
            yield return JsonSerializer.Serialize(new
            {
                statement = long.Parse(e.EntityId, System.Globalization.CultureInfo.InvariantCulture),
                at = e.CreatedAt,
                action = e.Action,
                editor = e.AccountId,
                changes = e.Changes.ToDictionary(c => c.Key, c => new { from = c.Value.From, to = c.Value.To }),
            }, Json);
        }
    }
}
