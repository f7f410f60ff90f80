using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NewsClaims.Core.Articles;
using NewsClaims.Core.Common;
using NewsClaims.Extraction;

namespace NewsClaims.Data.Import;

/// <summary>
/// An article after the steps that need no database: normalised, checked against every limit and hashed, then
/// run through the extraction engine (<see cref="Extract"/>). Pure and thread-safe, so bulk imports prepare
/// articles in parallel.
/// </summary>
internal sealed partial record PreparedArticle(
    string Origin,
    string Title,
    string Body,
    string? Url,
    string ContentHash,
    string Language,
    string? Outlet,
    string? Author,
    DateOnly? Published,
    string? ReportedVia,
    bool IsSample,
    ExtractionResult Extraction,
    bool IsExtracted = false)
{
    // Column sizes of the articles and outlets tables.
    private const int MaxTitle = 1000;
    private const int MaxUrl = 2048;
    private const int MaxAuthor = 500;
    private const int MaxOutlet = 200;
    private const int MaxReportedVia = 500;

    /// <summary>The article normalised and checked (not yet extracted), or the reason it cannot be imported.</summary>
    public static (PreparedArticle? Article, string? Problem) Prepare(ImportItem item, ImportOptions options, DateOnly today)
    {
        if (item.Submission is not { } submission)
        {
            return (null, item.Problem ?? "nothing to import");
        }

        if (Check(submission, options, today) is { } problem)
        {
            return (null, problem);
        }

        var rawBody = HtmlText.LooksLikeHtml(submission.Body) ? HtmlText.ToText(submission.Body) : submission.Body;
        var body = TextNormaliser.Normalise(rawBody);
        var title = OneLine(HtmlText.LooksLikeHtml(submission.Title) ? HtmlText.ToText(submission.Title) : submission.Title);
        if (title.Length == 0)
        {
            // As in plain text without front matter: the first line is the title.
            var firstBreak = body.IndexOf('\n', StringComparison.Ordinal);
            title = OneLine(firstBreak < 0 ? body : body[..firstBreak]);
            body = firstBreak < 0 ? string.Empty : TextNormaliser.Normalise(body[(firstBreak + 1)..]);
        }
        else
        {
            body = WithoutRepeatedTitle(body, title);
        }

        if (body.Length == 0)
        {
            return (null, "the article body is empty");
        }

        if (title.Length > MaxTitle)
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"the title has {title.Length:N0} characters; the limit is {MaxTitle:N0}"));
        }

        string? url;
        try
        {
            url = CanonicalUrl.Normalise(submission.Url);
        }
        catch (FormatException ex)
        {
            return (null, ex.Message);
        }

        if (url is { Length: > MaxUrl })
        {
            return (null, $"the address is longer than {MaxUrl} characters");
        }

        if (LanguageCode(submission.Language) is not { } language)
        {
            return (null, $"language '{submission.Language}' is not a language code like en, fr or pt-br");
        }

        var reportedVia = Guard.OptionalText(submission.ReportedVia);
        return (new PreparedArticle(
            item.Origin,
            title,
            body,
            url,
            Core.Common.ContentHash.Of(body),
            language,
            Guard.OptionalText(submission.Outlet),
            Guard.OptionalText(submission.Author),
            submission.Published,
            reportedVia is { Length: > MaxReportedVia } ? null : reportedVia,
            submission.IsSample,
            ExtractionResult.Empty), null);
    }

    /// <summary>The article with the engine's statements, or the reason the engine's output cannot be stored.</summary>
    public (PreparedArticle? Article, string? Problem) Extract(StatementExtractor extractor)
    {
        ExtractionResult extraction;
        try
        {
            extraction = extractor.Extract(new ArticleText(Body, Title, Published, Outlet));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return (null, $"the extraction engine failed on this article ({ex.GetType().Name}: {ex.Message})");
        }

        if (StraySpan(Body, extraction) is { } stray)
        {
            // Stored offsets must point at exactly these words; an engine that says otherwise is not trusted with the article.
            return (null, $"the extraction engine returned words that are not at their offsets ('{stray.Text}' at {stray.Start}); nothing was stored");
        }

        // The text's own "as reported by ..." counts when the metadata names no second-hand source.
        var reportedVia = ReportedVia ?? extraction.ReportedVia.FirstOrDefault()?.Name;
        return (this with { Extraction = extraction, IsExtracted = true, ReportedVia = reportedVia is { Length: > MaxReportedVia } ? null : reportedVia }, null);
    }

    private static string? Check(ArticleSubmission submission, ImportOptions options, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(submission.Body))
        {
            return "the article body is empty";
        }

        var bytes = Encoding.UTF8.GetByteCount(submission.Body);
        if (bytes > options.MaxBodyBytes)
        {
            return $"the article body is {ArticleFiles.Megabytes(bytes)}; the limit is {ArticleFiles.Megabytes(options.MaxBodyBytes)}";
        }

        if (submission.Body.Contains('\0', StringComparison.Ordinal))
        {
            return "the article body is binary data, not text";
        }

        if (submission.Published is { } published && published > today.AddDays(1))
        {
            return string.Create(CultureInfo.InvariantCulture, $"the published date {published:yyyy-MM-dd} is in the future");
        }

        if (submission.Published is { Year: < 1800 } old)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the published date {old:yyyy-MM-dd} is not plausible for a news article");
        }

        return Guard.OptionalText(submission.Author) is { Length: > MaxAuthor }
            ? $"the author is longer than {MaxAuthor} characters"
            : Guard.OptionalText(submission.Outlet) is { Length: > MaxOutlet }
                ? $"the outlet name is longer than {MaxOutlet} characters"
                : null;
    }

    /// <summary>The first span of the engine's output whose words are not at its offsets in <paramref name="body"/>, if any.</summary>
    public static Extraction.TextSpan? StraySpan(string body, ExtractionResult extraction) =>
        extraction.Statements.SelectMany(s => new[] { s.Content, s.SpeakerMention, s.Cue }).FirstOrDefault(span => span is not null && !IsIn(body, span));

    private static bool IsIn(string body, Extraction.TextSpan span) =>
        span.Start >= 0 && span.End <= body.Length && span.End > span.Start && body.AsSpan(span.Start, span.End - span.Start).SequenceEqual(span.Text);

    /// <summary>"EN", "en_GB" and "pt-BR" are fine; "English" is not. Missing means English.</summary>
    private static string? LanguageCode(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Article.DefaultLanguage;
        }

        var code = value.Trim().Replace('_', '-').ToLowerInvariant();
        return LanguagePattern().IsMatch(code) && code.Length <= 16 ? code : null;
    }

    private static string OneLine(string text) =>
        string.Join(' ', TextNormaliser.Normalise(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Scraped bodies often start with the headline again ("Title." then the text): it is dropped, so copies dedupe.</summary>
    private static string WithoutRepeatedTitle(string body, string title)
    {
        var firstBreak = body.IndexOf('\n', StringComparison.Ordinal);
        if (firstBreak < 0)
        {
            return body;
        }

        var firstLine = body[..firstBreak];
        return SearchKey.ForQuote(firstLine) == SearchKey.ForQuote(title) && SearchKey.ForQuote(title).Length > 0
            ? TextNormaliser.Normalise(body[(firstBreak + 1)..])
            : body;
    }

    // The articles table's CHECK: ^[a-z]{2,3}(-[a-z0-9]{2,8})*$
    [GeneratedRegex("^[a-z]{2,3}(-[a-z0-9]{2,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguagePattern();
}
