using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using SmartReader;

namespace NewsClaims.Data.Import;

/// <summary>
/// A saved or fetched web page read as an article: the main text (readability-style extraction, with the whole
/// page minus its furniture as the fallback), and the title, date, author, outlet, language and canonical
/// address from the page's metadata. Scripts, styles and frames never reach the text.
/// </summary>
public static class HtmlArticle
{
    /// <summary>Reads a page from its bytes; the encoding comes from the byte-order mark or the page's meta charset.</summary>
    public static ArticleSubmission Parse(Stream html, string? pageUrl)
    {
        var document = new HtmlParser().ParseDocument(html);
        return Read(document, pageUrl);
    }

    public static ArticleSubmission Parse(string html, string? pageUrl) => Read(new HtmlParser().ParseDocument(html), pageUrl);

    private static ArticleSubmission Read(IHtmlDocument document, string? pageUrl)
    {
        // Metadata first: the main-text extractor rearranges the document.
        var metaTitle = Meta(document, "og:title") ?? Meta(document, "twitter:title");
        var url = Link(document, "canonical") ?? Meta(document, "og:url") ?? pageUrl;
        var published = PublishedDate(document);
        var author = Meta(document, "author") ?? Meta(document, "article:author") ?? JsonLd(document, "author");
        var outlet = Meta(document, "og:site_name") ?? Meta(document, "application-name");
        var language = document.DocumentElement.GetAttribute("lang") ?? Meta(document, "og:locale");
        var pageTitle = document.Title;
        var fallbackBody = document.Body is { } body ? HtmlText.ToText(body, dropFurniture: true) : string.Empty;

        // The page's own markup says where the article is, when it says so; readability-style scoring otherwise.
        var marked = MarkedArticle(document) is { } element ? HtmlText.ToText(element, dropFurniture: true) : string.Empty;
        var reader = new Reader(AbsoluteOrPlaceholder(pageUrl), document) { ContinueIfNotReadable = true };
        var article = reader.GetArticle();
        var scored = string.IsNullOrWhiteSpace(article.Content) ? string.Empty : HtmlText.ToText(article.Content, dropFurniture: true);

        // A pick much shorter than the page's text probably missed paragraphs: keep the page's text.
        var floor = Math.Min(fallbackBody.Length / 3, 500);
        var text = marked.Length > 0 && marked.Length >= floor ? marked
            : scored.Length > 0 && scored.Length >= floor ? scored
            : fallbackBody;
        var title = FirstNonBlank(metaTitle, article.Title, pageTitle, FirstHeading(document));
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FormatException("The page has no readable text.");
        }

        return new ArticleSubmission(
            title ?? string.Empty,
            text,
            Url: AbsoluteHttp(url, pageUrl),
            Outlet: FirstNonBlank(outlet, article.SiteName),
            Author: CleanAuthor(FirstNonBlank(author, article.Author, article.Byline)),
            Published: published ?? (article.PublicationDate is { } d && Plausible(DateOnly.FromDateTime(d)) ? DateOnly.FromDateTime(d) : null),
            Language: LanguageCode(FirstNonBlank(language, article.Language)));
    }

    /// <summary>The element the page marks as its article: schema.org articleBody, else its only &lt;article&gt;.</summary>
    private static IElement? MarkedArticle(IHtmlDocument document)
    {
        if (document.QuerySelector("[itemprop=articleBody]") is { } body)
        {
            return body;
        }

        var articles = document.QuerySelectorAll("article");
        return articles.Length == 1 ? articles[0] : null;
    }

    private static string? Meta(IHtmlDocument document, string name)
    {
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (key is not null && key.Equals(name, StringComparison.OrdinalIgnoreCase) && meta.GetAttribute("content") is { } content
                && !string.IsNullOrWhiteSpace(content))
            {
                return content.Trim();
            }
        }

        return null;
    }

    private static string? Link(IHtmlDocument document, string rel) =>
        document.QuerySelectorAll("link[rel][href]")
            .FirstOrDefault(l => l.GetAttribute("rel")!.Split(' ').Contains(rel, StringComparer.OrdinalIgnoreCase))
            ?.GetAttribute("href");

    private static DateOnly? PublishedDate(IHtmlDocument document)
    {
        string?[] candidates =
        [
            Meta(document, "article:published_time"),
            Meta(document, "datePublished"),
            Meta(document, "date"),
            Meta(document, "dc.date"),
            Meta(document, "pubdate"),
            JsonLd(document, "datePublished"),
            document.QuerySelector("time[datetime]")?.GetAttribute("datetime"),
        ];
        return candidates.Select(ParseDate).FirstOrDefault(d => d is not null);
    }

    private static DateOnly? ParseDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        if (DateOnly.TryParseExact(trimmed.Length >= 10 ? trimmed[..10] : trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return Plausible(day) ? day : null;
        }

        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) && Plausible(DateOnly.FromDateTime(at.UtcDateTime))
            ? DateOnly.FromDateTime(at.UtcDateTime)
            : null;
    }

    // Metadata dates outside this range are typos or placeholders; a future date is the pipeline's to refuse.
    private static bool Plausible(DateOnly date) => date.Year is >= 1800 and <= 2200;

    /// <summary>A string property of the page's first schema.org JSON-LD object that has it (author names included).</summary>
    private static string? JsonLd(IHtmlDocument document, string property)
    {
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent);
                var objects = json.RootElement.ValueKind == JsonValueKind.Array ? json.RootElement.EnumerateArray().ToArray() : [json.RootElement];
                foreach (var item in objects.Where(o => o.ValueKind == JsonValueKind.Object))
                {
                    if (item.TryGetProperty(property, out var value) && NameOf(value) is { } found)
                    {
                        return found;
                    }
                }
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common on real pages; the other metadata still counts.
            }
        }

        return null;
    }

    private static string? NameOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Object when value.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String => name.GetString(),
        JsonValueKind.Array => value.EnumerateArray().Select(NameOf).FirstOrDefault(n => n is not null),
        _ => null,
    };

    private static string? FirstHeading(IHtmlDocument document) => document.QuerySelector("h1")?.TextContent;

    private static string? FirstNonBlank(params string?[] values) =>
        values.Select(v => v is null ? null : string.Join(' ', v.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private static string? CleanAuthor(string? author)
    {
        if (author is null)
        {
            return null;
        }

        var trimmed = author.Trim();
        return trimmed.StartsWith("By ", StringComparison.OrdinalIgnoreCase) ? trimmed[3..].Trim() : trimmed;
    }

    /// <summary>"en-GB" → "en-gb", "en_US" → "en-us"; anything else is left for the pipeline to reject or default.</summary>
    private static string? LanguageCode(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim().Replace('_', '-').ToLowerInvariant();

    private static string? AbsoluteHttp(string? url, string? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        Uri? absolute = null;

        // "/news/1" parses as an absolute file path on Unix: only http(s) counts as absolute here.
        if (Uri.TryCreate(url.Trim(), UriKind.Absolute, out var direct) && direct.Scheme is "http" or "https")
        {
            absolute = direct;
        }
        else if (baseUrl is not null && Uri.TryCreate(baseUrl, UriKind.Absolute, out var baseUri))
        {
            Uri.TryCreate(baseUri, url.Trim(), out absolute);
        }

        return absolute is not null && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps) ? absolute.AbsoluteUri : baseUrl;
    }

    private static string AbsoluteOrPlaceholder(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out _) ? url : "https://article.invalid/";
}
