using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Statements;
using NewsClaims.Data;

namespace NewsClaims.Web.Features.Import;

/// <summary>An imported article as the API answers it: its id, where to read it, and its statements.</summary>
public sealed record ImportedArticle(long Id, string Title, string Url, bool Duplicate, string? Message, IReadOnlyList<ImportedStatement> Statements);

/// <summary>One statement in the shape of <c>newsclaims extract</c> output, plus its id, status and speaker's page.</summary>
public sealed record ImportedStatement(
    long Id,
    string Kind,
    int Start,
    int End,
    string Text,
    ImportedSpeaker? Speaker,
    string? UnnamedSource,
    ImportedSpan? Cue,
    string? Where,
    ImportedWhen? When,
    double Confidence,
    string Status,
    string? ReportedVia);

public sealed record ImportedSpeaker(string Name, string Slug, ImportedSpan? Mention);

public sealed record ImportedSpan(int Start, int End, string Text);

public sealed record ImportedWhen(string? Text, DateOnly? Date, string Precision);

/// <summary>Reads an article's statements back after an import, in text order.</summary>
public sealed class ImportedArticles(NewsClaimsDbContext db)
{
    public async Task<ImportedArticle?> FindAsync(long id, bool duplicate, string? message, CancellationToken ct)
    {
        var title = await db.Articles.AsNoTracking().Where(a => a.Id == id).Select(a => a.Title).FirstOrDefaultAsync(ct);
        if (title is null)
        {
            return null;
        }

        var rows = await db.Statements.AsNoTracking()
            .Where(s => s.ArticleId == id && s.Status != StatementStatus.Rejected)
            .OrderBy(s => s.Start)
            .Select(s => new
            {
                s.Id, s.Kind, s.Start, s.End, s.Text,
                SpeakerName = s.Speaker != null ? s.Speaker.Name : null,
                SpeakerSlug = s.Speaker != null ? s.Speaker.Slug : null,
                s.MentionStart, s.MentionEnd, s.MentionText, s.UnnamedSource,
                s.CueStart, s.CueEnd, s.CueText, s.Place,
                s.WhenSaidText, s.WhenSaidDate, s.WhenSaidPrecision,
                s.Confidence, s.Status, s.ReportedVia,
            })
            .ToListAsync(ct);
        var statements = rows.Select(s => new ImportedStatement(
            s.Id,
            s.Kind.ToString().ToLowerInvariant(),
            s.Start,
            s.End,
            s.Text,
            s.SpeakerName is null ? null : new ImportedSpeaker(s.SpeakerName, s.SpeakerSlug!, Span(s.MentionStart, s.MentionEnd, s.MentionText)),
            s.UnnamedSource,
            Span(s.CueStart, s.CueEnd, s.CueText),
            s.Place,
            s.WhenSaidText is null ? null : new ImportedWhen(s.WhenSaidText, s.WhenSaidDate, s.WhenSaidPrecision.ToString().ToLowerInvariant()),
            s.Confidence,
            s.Status.ToString().ToLowerInvariant(),
            s.ReportedVia)).ToList();
        return new ImportedArticle(id, title, $"/articles/{id}", duplicate, message, statements);
    }

    private static ImportedSpan? Span(int? start, int? end, string? text) =>
        start is { } s && end is { } e && text is not null ? new ImportedSpan(s, e, text) : null;
}
