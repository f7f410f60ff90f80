using Microsoft.EntityFrameworkCore;
using NewsClaims.Data;
using NewsClaims.Web.Features.Shared;

namespace NewsClaims.Web.Features.Statements;

public sealed class StatementQueries(NewsClaimsDbContext db)
{
    public async Task<StatementViewModel?> StatementAsync(long id, CancellationToken ct, bool editor = false)
    {
        var s = await db.Statements.AsNoTracking().Visible()
            .Where(s => s.Id == id)
            .Select(s => new
            {
                s.Id, s.Text, s.Kind, s.Start, s.End, s.SpeakerId,
                SpeakerName = s.Speaker != null ? s.Speaker.Name : null,
                SpeakerSlug = s.Speaker != null ? s.Speaker.Slug : null,
                s.MentionText, s.UnnamedSource, s.SpeakerRule, s.CueText, s.Place, s.Occasion,
                s.WhenSaidText, s.WhenSaidDate, s.WhenSaidPrecision, s.ArticleId,
                ArticleTitle = s.Article!.Title, Outlet = s.Article.Outlet != null ? s.Article.Outlet.Name : null,
                s.Article.PublishedOn, s.Article.CanonicalUrl, s.Article.Author,
                StatementVia = s.ReportedVia, ArticleVia = s.Article.ReportedVia, s.Article.Body,
                s.Status, s.Confidence, s.ExtractorVersion, s.ReviewedAt, s.QuoteGroupId, s.AnchorStatus,
                FirstSeen = s.QuoteGroup != null ? (DateTimeOffset?)s.QuoteGroup.FirstSeenAt : null,
            })
            .FirstOrDefaultAsync(ct);
        if (s is null)
        {
            return null;
        }

        var roleThen = s.SpeakerId is { } speakerId ? await RoleOnAsync(speakerId, s.WhenSaidDate ?? s.PublishedOn, ct) : null;

        var others = s.QuoteGroupId is { } group
            ? await db.Statements.AsNoTracking().Visible()
                .Where(o => o.QuoteGroupId == group && o.Id != id)
                .OrderBy(o => o.Article!.PublishedOn).ThenBy(o => o.Id)
                .Select(o => new Occurrence(o.Id, o.ArticleId, o.Article!.Title, o.Article.Outlet != null ? o.Article.Outlet.Name : null, o.Article.PublishedOn))
                .Take(200)
                .ToListAsync(ct)
            : [];

        var persons = await db.StatementPersons.AsNoTracking()
            .Where(p => p.StatementId == id)
            .OrderBy(p => p.Role).ThenBy(p => p.Person!.Name)
            .Select(p => new MentionedPerson(p.Person!.Name, p.Person.Slug, p.Role))
            .ToListAsync(ct);

        var claims = await db.ClaimStatements.AsNoTracking()
            .Where(cs => cs.StatementId == id)
            .OrderBy(cs => cs.ClaimId)
            .Select(cs => new ClaimLink(cs.Claim!.Id, cs.Claim.Text, cs.Claim.Verdict))
            .ToListAsync(ct);

        var annotations = await db.Annotations.Where(a => a.StatementId == id).ForReadersAsync(db, ct, editor);

        var (before, after) = Paragraph(s.Body, s.Start, s.End);
        return new StatementViewModel(
            s.Id, s.Text, s.Kind, s.SpeakerName, s.SpeakerSlug, roleThen, s.MentionText, s.UnnamedSource, s.SpeakerRule,
            s.CueText, s.Place, s.Occasion, s.WhenSaidText, s.WhenSaidDate, s.WhenSaidPrecision, s.ArticleId, s.ArticleTitle,
            s.Outlet, s.PublishedOn, s.CanonicalUrl, s.Author, ViaChain(s.StatementVia, s.ArticleVia, s.Outlet), before, after,
            s.Status, s.Confidence, s.ExtractorVersion, s.ReviewedAt, s.AnchorStatus,
            others.Count > 0 ? s.FirstSeen : null, others, persons, claims, annotations);
    }

    /// <summary>
    /// The role held on the day the words were said (or, failing that, published): Rutte was Dutch prime minister
    /// before he led NATO. With no date at all, a role is shown only when the person has just one.
    /// </summary>
    private async Task<RoleThen?> RoleOnAsync(long speakerId, DateOnly? on, CancellationToken ct)
    {
        var roles = db.PersonRoles.AsNoTracking().Where(r => r.PersonId == speakerId);
        if (on is { } date)
        {
            var held = await roles
                .Where(r => (r.StartedOn == null || r.StartedOn <= date) && (r.EndedOn == null || r.EndedOn >= date))
                .OrderByDescending(r => r.StartedOn)
                .Select(r => new { Role = r.Organisation == null ? r.Title : r.Title + ", " + r.Organisation, Dated = r.StartedOn != null || r.EndedOn != null })
                .FirstOrDefaultAsync(ct);
            return held is null ? null : new RoleThen(held.Role, held.Dated ? null : "the role's dates are not recorded");
        }

        var only = await roles.Select(r => r.Organisation == null ? r.Title : r.Title + ", " + r.Organisation).Take(2).ToListAsync(ct);
        return only.Count == 1 ? new RoleThen(only[0], "the date of the statement is not known") : null;
    }

    /// <summary>Who passed the words on: the statement's own second-hand source, then the article's, then the outlet that printed them.</summary>
    private static IReadOnlyList<string> ViaChain(string? statementVia, string? articleVia, string? outlet) =>
        [.. new[] { statementVia, articleVia }.OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(v => !string.Equals(v, outlet, StringComparison.OrdinalIgnoreCase))];

    /// <summary>The text of the statement's paragraph before and after the statement's own words.</summary>
    private static (string Before, string After) Paragraph(string body, int start, int end)
    {
        if (start < 0 || end > body.Length || start >= end)
        {
            return (string.Empty, string.Empty);
        }

        var from = start == 0 ? -1 : body.LastIndexOf("\n\n", start - 1, StringComparison.Ordinal);
        from = from < 0 ? 0 : from + 2;
        var to = body.IndexOf("\n\n", end, StringComparison.Ordinal);
        to = to < 0 ? body.Length : to;
        return (body[from..start], body[end..to]);
    }
}
