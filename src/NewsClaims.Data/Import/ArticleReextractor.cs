using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsClaims.Core.Articles;
using NewsClaims.Extraction;

namespace NewsClaims.Data.Import;

/// <summary>
/// <c>newsclaims reextract</c>: runs the current engine over stored articles, in batches, updating the statements
/// no editor has touched and leaving reviewed ones exactly as the editor left them. Articles already extracted by
/// this engine version are skipped unless <c>all</c> is asked for, so an interrupted run simply continues.
/// </summary>
public sealed class ArticleReextractor(
    NewsClaimsDbContext db,
    StatementExtractor extractor,
    TimeProvider clock,
    IOptions<ImportOptions> options,
    ILogger<ArticleReextractor> logger)
{
    /// <summary>How many articles a run would go over.</summary>
    public Task<int> CountAsync(bool all, CancellationToken ct) => Pending(all).CountAsync(ct);

    public async Task<ReextractCounts> ReextractAsync(bool all, Action<ReextractCounts>? progress, CancellationToken ct)
    {
        var total = new ReextractCounts(0, 0, 0, 0, 0, 0);
        var batch = new ImportBatch(db, extractor, clock, options.Value, logger);
        long after = 0;
        while (true)
        {
            var last = after;
            var articles = await Pending(all)
                .Where(a => a.Id > last)
                .OrderBy(a => a.Id)
                .Include(a => a.Outlet)
                .Take(Math.Max(1, options.Value.BatchSize))
                .ToListAsync(ct);
            if (articles.Count == 0)
            {
                return total;
            }

            after = articles[^1].Id;
            var prepared = new (Article Article, PreparedArticle? Prepared)[articles.Count];
            Parallel.For(0, articles.Count, new ParallelOptions { CancellationToken = ct }, i => prepared[i] = (articles[i], Prepare(articles[i])));
            var usable = prepared.Where(p => p.Prepared is not null).Select(p => (p.Article, p.Prepared!)).ToList();
            var counts = await batch.ReextractAsync(usable, ct);
            total = new ReextractCounts(
                total.Articles + counts.Articles,
                total.KeptAsReviewed + counts.KeptAsReviewed,
                total.Updated + counts.Updated,
                total.Added + counts.Added,
                total.Removed + counts.Removed,
                total.PeopleCreated + counts.PeopleCreated);
            logger.LogInformation(
                "Re-extracted {Articles} articles: {Updated} statements updated, {Added} added, {Removed} removed, {Kept} kept as editors left them",
                counts.Articles, counts.Updated, counts.Added, counts.Removed, counts.KeptAsReviewed);
            progress?.Invoke(total);
        }
    }

    private IQueryable<Article> Pending(bool all) =>
        all ? db.Articles.AsNoTracking() : db.Articles.AsNoTracking().Where(a => a.ExtractorVersion == null || a.ExtractorVersion != StatementExtractor.Version);

    /// <summary>
    /// The stored article as the pipeline's prepared form: its body is already normalised, only the engine runs
    /// again. Null, and the article left as it is, when the engine fails on it.
    /// </summary>
    private PreparedArticle? Prepare(Article article)
    {
        ExtractionResult extraction;
        try
        {
            extraction = extractor.Extract(new ArticleText(article.Body, article.Title, article.PublishedOn, article.Outlet?.Name));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogError(ex, "The engine failed on article {ArticleId}; its statements are left as they were", article.Id);
            return null;
        }

        if (PreparedArticle.StraySpan(article.Body, extraction) is { } stray)
        {
            logger.LogError("The engine put '{Words}' at {Start} in article {ArticleId}, where the text differs; its statements are left as they were", stray.Text, stray.Start, article.Id);
            return null;
        }

        return new PreparedArticle(
            $"article {article.Id}", article.Title, article.Body, article.CanonicalUrl, article.ContentHash, article.Language,
            article.Outlet?.Name, article.Author, article.PublishedOn, article.ReportedVia, article.IsSample, extraction, IsExtracted: true);
    }
}
