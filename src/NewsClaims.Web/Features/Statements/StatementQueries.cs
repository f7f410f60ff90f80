using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Statements;
using NewsClaims.Data;

namespace NewsClaims.Web.Features.Statements;

public sealed record Occurrence(long StatementId, long ArticleId, string ArticleTitle, string? Outlet, DateOnly? Published);

public sealed record StatementViewModel(
    long Id,
    string Text,
    StatementKind Kind,
    string? SpeakerName,
    string? SpeakerSlug,
    string? SpeakerRoleThen,
    string? MentionText,
    string? UnnamedSource,
    string? SpeakerRule,
    string? Cue,
    string? Place,
    string? Occasion,
    string? WhenText,
    DateOnly? WhenDate,
    DatePrecision WhenPrecision,
    long ArticleId,
    string ArticleTitle,
    string? Outlet,
    DateOnly? Published,
    string? ReportedVia,
    string ParagraphBefore,
    string ParagraphAfter,
    StatementStatus Status,
    double Confidence,
    string? ExtractorVersion,
    DateTimeOffset? FirstSeen,
    IReadOnlyList<Occurrence> OtherOccurrences)
{
    /// <summary>Honest about precision: a day with no year says so instead of inventing one.</summary>
    public string? WhenDisplay => (WhenDate, WhenPrecision) switch
    {
        ({ } d, DatePrecision.Day) => $"{d:d MMMM yyyy}",
        ({ } d, DatePrecision.Month) => $"{d:MMMM yyyy}",
        ({ } d, DatePrecision.Year) => $"{d:yyyy}",
        (null, _) when WhenText is not null => $"“{WhenText}” (year not stated)",
        _ => null,
    };
}

public sealed class StatementQueries(NewsClaimsDbContext db)
{
    public async Task<StatementViewModel?> StatementAsync(long id, CancellationToken ct)
    {
        var s = await db.Statements.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new
            {
                s.Id, s.Text, s.Kind, s.Start, s.End, s.SpeakerId,
                SpeakerName = s.Speaker != null ? s.Speaker.Name : null,
                SpeakerSlug = s.Speaker != null ? s.Speaker.Slug : null,
                s.MentionText, s.UnnamedSource, s.SpeakerRule, s.CueText, s.Place, s.Occasion,
                s.WhenSaidText, s.WhenSaidDate, s.WhenSaidPrecision, s.ArticleId,
                ArticleTitle = s.Article!.Title, Outlet = s.Article.Outlet != null ? s.Article.Outlet.Name : null,
                s.Article.PublishedOn, ReportedVia = s.ReportedVia ?? s.Article.ReportedVia, s.Article.Body,
                s.Status, s.Confidence, s.ExtractorVersion, s.QuoteGroupId,
                FirstSeen = s.QuoteGroup != null ? (DateTimeOffset?)s.QuoteGroup.FirstSeenAt : null,
            })
            .FirstOrDefaultAsync(ct);
        if (s is null)
        {
            return null;
        }

        string? roleThen = null;
        if (s.SpeakerId is { } speakerId)
        {
            var on = s.WhenSaidDate ?? s.PublishedOn;
            roleThen = await db.PersonRoles.AsNoTracking()
                .Where(r => r.PersonId == speakerId
                    && (on == null || ((r.StartedOn == null || r.StartedOn <= on) && (r.EndedOn == null || r.EndedOn >= on))))
                .OrderByDescending(r => r.StartedOn)
                .Select(r => r.Organisation == null ? r.Title : r.Title + ", " + r.Organisation)
                .FirstOrDefaultAsync(ct);
        }

        var others = s.QuoteGroupId is { } group
            ? await db.Statements.AsNoTracking()
                .Where(o => o.QuoteGroupId == group && o.Id != id && o.Status != StatementStatus.Rejected)
                .OrderBy(o => o.Article!.PublishedOn)
                .Select(o => new Occurrence(o.Id, o.ArticleId, o.Article!.Title, o.Article.Outlet != null ? o.Article.Outlet.Name : null, o.Article.PublishedOn))
                .ToListAsync(ct)
            : [];

        var (before, after) = Paragraph(s.Body, s.Start, s.End);
        return new StatementViewModel(
            s.Id, s.Text, s.Kind, s.SpeakerName, s.SpeakerSlug, roleThen, s.MentionText, s.UnnamedSource, s.SpeakerRule,
            s.CueText, s.Place, s.Occasion, s.WhenSaidText, s.WhenSaidDate, s.WhenSaidPrecision, s.ArticleId, s.ArticleTitle,
            s.Outlet, s.PublishedOn, s.ReportedVia, before, after, s.Status, s.Confidence, s.ExtractorVersion,
            others.Count > 0 ? s.FirstSeen : null, others);
    }

    /// <summary>The text of the statement's paragraph before and after the statement's own words.</summary>
    private static (string Before, string After) Paragraph(string body, int start, int end)
    {
        if (start < 0 || end > body.Length || start >= end)
        {
            return (string.Empty, string.Empty);
        }

        var from = body.LastIndexOf("\n\n", start, StringComparison.Ordinal);
        from = from < 0 ? 0 : from + 2;
        var to = body.IndexOf("\n\n", end, StringComparison.Ordinal);
        to = to < 0 ? body.Length : to;
        return (body[from..start], body[end..to]);
    }
}
