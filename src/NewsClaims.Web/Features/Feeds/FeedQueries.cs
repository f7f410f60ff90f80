using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Auditing;
using NewsClaims.Core.Claims;
using NewsClaims.Core.Statements;
using NewsClaims.Data;
using NewsClaims.Data.People;
using NewsClaims.Web.Features.Shared;

namespace NewsClaims.Web.Features.Feeds;

/// <summary>How a feed request ended: the feed, the slug a renamed or merged person now has, or nothing there.</summary>
public abstract record FeedLookup
{
    private FeedLookup()
    {
    }

    public sealed record Found(AtomFeed Feed) : FeedLookup;

    public sealed record MovedTo(string Slug) : FeedLookup;

    public sealed record Missing : FeedLookup;
}

/// <summary>
/// Atom feeds of what readers see (<see cref="ReaderVisibility"/>, published notes only), whoever asks: a feed is
/// polled by readers' feed software and cached like the reader pages, so it never carries editors' drafts.
/// </summary>
public sealed class FeedQueries(NewsClaimsDbContext db)
{
    public const int SpeakerEntries = 50;
    public const int ClaimEntries = 100;

    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary>A person's latest statements, newest first by the date said (or published), as the person page orders them.</summary>
    public async Task<FeedLookup> SpeakerAsync(string slug, string origin, CancellationToken ct)
    {
        // As the person page: an old slug (rename or merge) leads on to the person it now names.
        var lookup = await db.ResolveSlugAsync(slug, ct);
        if (lookup is not SlugLookup.Found(var id))
        {
            return lookup is SlugLookup.MovedTo(var current) ? new FeedLookup.MovedTo(current) : new FeedLookup.Missing();
        }

        var person = await db.People.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new { p.Id, p.Name, p.Slug, p.Description, p.UpdatedAt })
            .FirstAsync(ct);
        var statements = await db.Statements.AsNoTracking().Visible()
            .Where(s => s.SpeakerId == person.Id)
            .OrderBy(s => (s.WhenSaidDate ?? s.Article!.PublishedOn) == null)
            .ThenByDescending(s => s.WhenSaidDate ?? s.Article!.PublishedOn)
            .ThenByDescending(s => s.Id)
            .Take(SpeakerEntries)
            .Select(s => new
            {
                s.Id, s.Text, s.Kind, s.CueText, s.Place, s.WhenSaidText, Said = s.WhenSaidDate ?? s.Article!.PublishedOn, s.ArticleId,
                ArticleTitle = s.Article!.Title, Outlet = s.Article.Outlet != null ? s.Article.Outlet.Name : null, s.Article.PublishedOn,
                s.Status, s.Confidence, s.CreatedAt, s.UpdatedAt,
            })
            .ToListAsync(ct);

        var page = origin + SiteUrls.Person(person.Slug);
        var entries = statements.Select(s =>
        {
            var content = $"<blockquote>{Html.Encode(s.Text)}</blockquote>"
                + $"<p>{Html.Encode(person.Name)}, {Html.Encode(KindLabel(s.Kind))}{(s.CueText is null ? "" : $" (“{Html.Encode(s.CueText)}”)")}"
                + $"{(s.Place is null ? "" : $", in {Html.Encode(s.Place)}")}{(s.WhenSaidText is null ? "" : $", “{Html.Encode(s.WhenSaidText)}”")}.</p>"
                + ArticleHtml(origin, s.ArticleId, s.ArticleTitle, s.Outlet, s.PublishedOn)
                + $"<p>{Html.Encode(StatusLabel(s.Status))}</p>";
            return new AtomEntry(
                origin + SiteUrls.Statement(s.Id),
                $"“{PageMeta.Shorten(s.Text, 120)}”",
                s.UpdatedAt,
                s.CreatedAt,
                [new(origin + SiteUrls.Statement(s.Id), Type: "text/html"), new(origin + SiteUrls.Article(s.ArticleId), "related", "text/html", ArticleTitle(s.ArticleTitle, s.Outlet))],
                person.Name,
                page,
                content,
                Data.Exports.KnowledgeBaseExport.Text(s.Kind));
        }).ToList();

        return new FeedLookup.Found(new AtomFeed(
            page,
            $"{person.Name}: statements · NewsClaims",
            person.Description ?? $"The latest statements by {person.Name} found in news articles, each linked to its exact words in the source.",
            entries.Select(e => e.Updated).Append(person.UpdatedAt).Max(),
            [new(page + "/feed.atom", "self", "application/atom+xml"), new(page, Type: "text/html")],
            entries));
    }

    /// <summary>
    /// What happened to a claim, newest first: each verdict given, changed or withdrawn (from the audit log, or the
    /// current rating where the log has none), each statement grouped into it, each published note, and rewordings.
    /// </summary>
    public async Task<FeedLookup> ClaimAsync(long id, string origin, CancellationToken ct)
    {
        var claim = await db.Claims.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new { c.Id, c.Text, c.Verdict, c.VerdictExplanation, c.RatedAt, c.CreatedAt, c.UpdatedAt })
            .FirstOrDefaultAsync(ct);
        if (claim is null)
        {
            return new FeedLookup.Missing();
        }

        var page = origin + SiteUrls.Claim(id);
        var entries = new List<AtomEntry>();

        var shown = db.Statements.AsNoTracking().Visible();
        var statements = await db.ClaimStatements.AsNoTracking()
            .Where(cs => cs.ClaimId == id && shown.Any(s => s.Id == cs.StatementId))
            .OrderByDescending(cs => cs.CreatedAt).ThenByDescending(cs => cs.StatementId)
            .Take(ClaimEntries)
            .Select(cs => new
            {
                cs.StatementId, cs.CreatedAt, cs.Statement!.Text, cs.Statement.UpdatedAt, cs.Statement.Status,
                Speaker = cs.Statement.Speaker != null ? cs.Statement.Speaker.Name : null, SpeakerSlug = cs.Statement.Speaker != null ? cs.Statement.Speaker.Slug : null,
                cs.Statement.UnnamedSource, cs.Statement.ArticleId, ArticleTitle = cs.Statement.Article!.Title,
                Outlet = cs.Statement.Article.Outlet != null ? cs.Statement.Article.Outlet.Name : null, cs.Statement.Article.PublishedOn,
            })
            .ToListAsync(ct);
        foreach (var s in statements)
        {
            var who = s.Speaker ?? s.UnnamedSource ?? "An unnamed source";
            entries.Add(new AtomEntry(
                $"{page}#statement-{s.StatementId}",
                $"Statement: {who}, “{PageMeta.Shorten(s.Text, 100)}”",
                s.UpdatedAt > s.CreatedAt ? s.UpdatedAt : s.CreatedAt,
                s.CreatedAt,
                [new(origin + SiteUrls.Statement(s.StatementId), Type: "text/html"), new(origin + SiteUrls.Article(s.ArticleId), "related", "text/html", ArticleTitle(s.ArticleTitle, s.Outlet))],
                who,
                s.SpeakerSlug is null ? null : origin + SiteUrls.Person(s.SpeakerSlug),
                $"<p>Grouped into this claim:</p><blockquote>{Html.Encode(s.Text)}</blockquote>"
                    + ArticleHtml(origin, s.ArticleId, s.ArticleTitle, s.Outlet, s.PublishedOn)
                    + $"<p>{Html.Encode(StatusLabel(s.Status))}</p>",
                "statement"));
        }

        var key = id.ToString(CultureInfo.InvariantCulture);
        var history = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == AuditedEntity.Claim && e.EntityId == key)
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id)
            .Take(ClaimEntries)
            .Select(e => new { e.Id, e.CreatedAt, e.Changes, Editor = db.Users.Where(u => u.Id == e.AccountId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(ct);
        var verdicts = history.Where(e => e.Changes.ContainsKey("verdict")).ToList();
        foreach (var e in verdicts)
        {
            var change = e.Changes["verdict"];
            var to = Verdict(change.To);
            var from = Verdict(change.From);
            var explanation = e.Changes.TryGetValue("explanation", out var explained) ? explained.To
                : ReferenceEquals(e, verdicts[0]) ? claim.VerdictExplanation : null;
            var title = to is null ? "Verdict withdrawn" : $"Verdict: {to}";
            var said = from is null ? (to is null ? "" : $"Rated {to}.") : to is null ? $"The verdict {from} was withdrawn." : $"Verdict changed from {from} to {to}.";
            entries.Add(new AtomEntry(
                $"{page}#history-{e.Id.ToString(CultureInfo.InvariantCulture)}",
                title,
                e.CreatedAt,
                e.CreatedAt,
                [new(page, Type: "text/html"), new(origin + "/history/claim/" + key, "related", "text/html", "History of this claim")],
                string.IsNullOrWhiteSpace(e.Editor) ? "NewsClaims" : e.Editor,
                null,
                $"<p>{Html.Encode(said)}</p>{(explanation is null ? "" : $"<p>{Html.Encode(explanation)}</p>")}",
                "verdict"));
        }

        if (verdicts.Count == 0 && claim.Verdict is { } current)
        {
            var at = claim.RatedAt ?? claim.UpdatedAt;
            entries.Add(new AtomEntry(
                $"{page}#verdict-{at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}",
                $"Verdict: {VerdictLabels.For(current)}",
                at,
                at,
                [new(page, Type: "text/html")],
                "NewsClaims",
                null,
                $"<p>Rated {Html.Encode(VerdictLabels.For(current))}.</p>{(claim.VerdictExplanation is null ? "" : $"<p>{Html.Encode(claim.VerdictExplanation)}</p>")}",
                "verdict"));
        }

        foreach (var e in history.Where(e => e.Changes.ContainsKey("text") && e.Changes["text"].From is not null))
        {
            entries.Add(new AtomEntry(
                $"{page}#history-{e.Id.ToString(CultureInfo.InvariantCulture)}",
                "Claim reworded",
                e.CreatedAt,
                e.CreatedAt,
                [new(page, Type: "text/html")],
                string.IsNullOrWhiteSpace(e.Editor) ? "NewsClaims" : e.Editor,
                null,
                $"<p>Now: {Html.Encode(e.Changes["text"].To ?? "")}</p><p>Was: {Html.Encode(e.Changes["text"].From ?? "")}</p>",
                "edit"));
        }

        var notes = await db.Annotations.Where(a => a.ClaimId == id).ForReadersAsync(db, ct);
        foreach (var n in notes)
        {
            entries.Add(new AtomEntry(
                $"{origin}/annotations/{n.Id.ToString(CultureInfo.InvariantCulture)}",
                $"{n.MotivationLabel} by {n.Author}",
                n.UpdatedAt,
                n.CreatedAt,
                [new($"{page}#n-{n.Id.ToString(CultureInfo.InvariantCulture)}", Type: "text/html")],
                n.Author,
                null,
                NoteMarkdown.ToHtml(n.Body).ToString() ?? "",
                "note"));
        }

        var newest = entries.OrderByDescending(e => e.Updated).ThenBy(e => e.Id, StringComparer.Ordinal).Take(ClaimEntries).ToList();
        return new FeedLookup.Found(new AtomFeed(
            page,
            $"Claim: {PageMeta.Shorten(claim.Text, 100)} · NewsClaims",
            claim.Verdict is { } verdict ? $"{VerdictLabels.For(verdict)}: {claim.Text}" : claim.Text,
            newest.Select(e => e.Updated).Append(claim.UpdatedAt).Max(),
            [new(page + "/feed.atom", "self", "application/atom+xml"), new(page, Type: "text/html")],
            newest));
    }

    private static string ArticleHtml(string origin, long articleId, string title, string? outlet, DateOnly? published) =>
        $"<p>In <a href=\"{Html.Encode(origin + SiteUrls.Article(articleId))}\">{Html.Encode(title)}</a>"
        + $"{(outlet is null ? "" : $", {Html.Encode(outlet)}")}"
        + $"{(published is { } date ? $", {date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}" : "")}.</p>";

    private static string ArticleTitle(string title, string? outlet) => outlet is null ? title : $"{title} ({outlet})";

    private static string KindLabel(StatementKind kind) => kind switch
    {
        StatementKind.Direct => "direct quote",
        StatementKind.Indirect => "reported speech",
        _ => "mixed quote",
    };

    /// <summary>The review state as the pages' badge words it.</summary>
    private static string StatusLabel(StatementStatus status) => status switch
    {
        StatementStatus.Confirmed => "Editor-confirmed.",
        StatementStatus.Corrected => "Editor-corrected.",
        StatementStatus.Extracted => "Machine-extracted, awaiting review.",
        _ => "Machine-extracted.",
    };

    /// <summary>A verdict as the audit log stores it (<c>mostly_false</c>) in readers' words.</summary>
    private static string? Verdict(string? stored) =>
        stored is not null && Enum.TryParse<VerdictRating>(stored.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var verdict)
            ? VerdictLabels.For(verdict)
            : stored;
}
