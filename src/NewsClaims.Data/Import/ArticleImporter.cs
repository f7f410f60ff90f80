using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using NewsClaims.Core.Articles;
using NewsClaims.Core.Common;
using NewsClaims.Core.Outlets;
using NewsClaims.Core.People;
using NewsClaims.Core.Statements;
using NewsClaims.Extraction;
using CoreKind = NewsClaims.Core.Statements.StatementKind;
using CorePrecision = NewsClaims.Core.Statements.DatePrecision;
using CoreSpan = NewsClaims.Core.Common.TextSpan;

namespace NewsClaims.Data.Import;

/// <summary>
/// The one pipeline every article goes through, whatever channel it came from: normalise, deduplicate,
/// extract, link speakers, group repeated quotes, store — all in one transaction, so an article is either
/// wholly imported or not at all.
/// </summary>
public sealed class ArticleImporter(NewsClaimsDbContext db, StatementExtractor extractor, TimeProvider clock, ILogger<ArticleImporter> logger)
{
    public const int MaxBodyCharacters = 2 * 1024 * 1024;

    // Shorter quotes ("No.", "a disgrace") are too common to say that two articles report the same words.
    private const int MinGroupedQuoteLength = 25;

    public async Task<ImportOutcome> ImportAsync(ArticleSubmission submission, string? importedById, CancellationToken ct)
    {
        var body = TextNormaliser.Normalise(submission.Body);
        var title = TextNormaliser.Normalise(submission.Title).Replace('\n', ' ');
        if (Reject(body, title) is { } reason)
        {
            return new ImportOutcome.Rejected(reason);
        }

        string? url;
        try
        {
            url = CanonicalUrl.Normalise(submission.Url);
        }
        catch (FormatException ex)
        {
            return new ImportOutcome.Rejected(ex.Message);
        }

        if (await FindDuplicateAsync(url, ContentHash.Of(body), ct) is { } duplicate)
        {
            return duplicate;
        }

        var extraction = extractor.Extract(new ArticleText(body, title, submission.Published, submission.Outlet));
        var article = new Article(
            title,
            body,
            importedById,
            language: string.IsNullOrWhiteSpace(submission.Language) ? Article.DefaultLanguage : submission.Language.Trim(),
            outlet: await OutletAsync(submission.Outlet, url, ct),
            canonicalUrl: url,
            author: submission.Author,
            publishedOn: submission.Published,
            reportedVia: submission.ReportedVia ?? extraction.ReportedVia.FirstOrDefault()?.Name,
            extractorVersion: StatementExtractor.Version,
            isSample: submission.IsSample);
        db.Articles.Add(article);

        await StoreStatementsAsync(article, extraction, submission.Published, ct);

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another import stored the same article between our check and our write.
            db.ChangeTracker.Clear();
            return await FindDuplicateAsync(url, article.ContentHash, ct)
                ?? throw new InvalidOperationException("A unique constraint failed but no duplicate article was found.", ex);
        }

        logger.LogInformation("Imported article {ArticleId} with {StatementCount} statements", article.Id, article.Statements.Count);
        return new ImportOutcome.Imported(article.Id, article.Statements.Count);
    }

    private static string? Reject(string body, string title)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "The article body is empty.";
        }

        if (body.Length > MaxBodyCharacters)
        {
            return $"The article body has {body.Length:N0} characters; the limit is {MaxBodyCharacters:N0}.";
        }

        return string.IsNullOrWhiteSpace(title) ? "The article has no title." : null;
    }

    private async Task<ImportOutcome.Duplicate?> FindDuplicateAsync(string? url, string hash, CancellationToken ct)
    {
        if (url is not null)
        {
            var byUrl = await db.Articles.AsNoTracking().Where(a => a.CanonicalUrl == url).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct);
            if (byUrl is { } id)
            {
                return new ImportOutcome.Duplicate(id, $"An article with the address {url} is already imported.");
            }
        }

        var byHash = await db.Articles.AsNoTracking().Where(a => a.ContentHash == hash).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct);
        return byHash is { } existing ? new ImportOutcome.Duplicate(existing, "An article with exactly this text is already imported.") : null;
    }

    private async Task<Outlet?> OutletAsync(string? name, string? url, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var trimmed = name.Trim();
        var folded = trimmed.ToLowerInvariant();
        var existing = db.Outlets.Local.FirstOrDefault(o => o.Name.Equals(trimmed, StringComparison.OrdinalIgnoreCase))
            ?? await db.Outlets.FirstOrDefaultAsync(o => o.Name.ToLower() == folded, ct);
        if (existing is not null)
        {
            return existing;
        }

        // The article's host names the outlet only when no other outlet claims it (aggregators and
        // syndication hosts carry many outlets).
        var domain = url is null ? null : Outlet.NormaliseDomain(new Uri(url).Host);
        if (domain is not null && (db.Outlets.Local.Any(o => o.WebDomain == domain) || await db.Outlets.AnyAsync(o => o.WebDomain == domain, ct)))
        {
            domain = null;
        }

        return db.Outlets.Add(new Outlet(trimmed, domain)).Entity;
    }

    private async Task StoreStatementsAsync(Article article, ExtractionResult extraction, DateOnly? published, CancellationToken ct)
    {
        // Only speakers that some statement names as speaker, addressee or subject become people.
        var linker = new SpeakerLinker(db);
        var people = new Person?[extraction.Speakers.Count];
        foreach (var i in extraction.Statements
            .SelectMany(s => new[] { s.SpeakerIndex, s.AddresseeIndex, s.SubjectIndex })
            .OfType<int>()
            .Distinct()
            .Order())
        {
            people[i] = await linker.LinkAsync(extraction.Speakers[i], ct);
        }

        var seenAt = published is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : clock.GetUtcNow();
        for (var index = 0; index < extraction.Statements.Count; index++)
        {
            var found = extraction.Statements[index];
            var statement = article.AddStatement(Span(found.Content), Kind(found.Kind), found.Confidence, StatementExtractor.Version);
            statement.AttributeTo(
                found.SpeakerIndex is { } s ? people[s] : null,
                found.SpeakerMention is { } m ? Span(m) : null,
                found.Rule,
                found.UnnamedSource);
            statement.MarkCue(found.Cue is { } c ? Span(c) : null);
            if (found.When is { } when)
            {
                statement.DateAs(when.Text, when.Date, Precision(when.Precision));
            }

            statement.PlaceAt(found.Place, found.Occasion);
            statement.CiteSource(extraction.ReportedVia.FirstOrDefault(r => r.Statements.Contains(index))?.Name);
            if (found.AddresseeIndex is { } addressee)
            {
                statement.Mention(people[addressee]!, StatementPersonRole.Addressee);
            }

            if (found.SubjectIndex is { } subject)
            {
                statement.Mention(people[subject]!, StatementPersonRole.Subject);
            }

            if (found.Kind != Extraction.StatementKind.Indirect && found.Text.Length >= MinGroupedQuoteLength)
            {
                statement.GroupWith(await QuoteGroupAsync(found.Text, seenAt, ct));
            }
        }
    }

    private async Task<QuoteGroup> QuoteGroupAsync(string text, DateTimeOffset seenAt, CancellationToken ct)
    {
        var key = QuoteGroup.KeyFor(text);
        var group = db.QuoteGroups.Local.FirstOrDefault(g => g.NormalisedText == key)
            ?? await db.QuoteGroups.FirstOrDefaultAsync(g => g.NormalisedText == key, ct)
            ?? db.QuoteGroups.Add(new QuoteGroup(text, seenAt)).Entity;
        group.SeenAt(seenAt);
        return group;
    }

    private static CoreSpan Span(Extraction.TextSpan span) => new(span.Start, span.End, span.Text);

    private static CoreKind Kind(Extraction.StatementKind kind) => kind switch
    {
        Extraction.StatementKind.Direct => CoreKind.Direct,
        Extraction.StatementKind.Mixed => CoreKind.Mixed,
        _ => CoreKind.Indirect,
    };

    private static CorePrecision Precision(Extraction.DatePrecision precision) => precision switch
    {
        Extraction.DatePrecision.Day => CorePrecision.Day,
        Extraction.DatePrecision.Month => CorePrecision.Month,
        Extraction.DatePrecision.Year => CorePrecision.Year,
        _ => CorePrecision.Unknown,
    };
}
