using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace NewsClaims.Data.Import;

/// <summary>
/// Fetches a web page to import: http(s) only, redirects followed by hand up to a limit, the whole fetch under
/// a timeout, the body read up to a size limit (after decompression) and refused beyond it, HTML or plain text
/// only. Every failure is a <see cref="WebPageException"/> whose message says what went wrong.
/// </summary>
public sealed class WebPageFetcher(HttpClient http, IOptions<ImportOptions> options)
{
    private static readonly string[] Accepted = ["text/html", "application/xhtml+xml", "text/plain"];

    /// <summary>The handler the client needs: no automatic redirects (they are counted here), decompression on.</summary>
    public static SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    /// <summary>Fetches <paramref name="url"/> and reads it as an article (title, date, author and main text from the HTML).</summary>
    public async Task<ImportItem> FetchArticleAsync(string url, CancellationToken ct)
    {
        var page = await FetchAsync(url, ct);
        try
        {
            if (page.MediaType == "text/plain")
            {
                if (!ArticleFiles.TryDecode(page.Content, out var text, out var problem))
                {
                    return ImportItem.Unreadable(url, problem);
                }

                return ImportItem.Of(url, PlainTextArticle.Parse(text) with { Url = page.FinalUrl });
            }

            if (ArticleFiles.LooksBinary(page.Content))
            {
                return ImportItem.Unreadable(url, "the page is binary data, not HTML");
            }

            using var stream = new MemoryStream(page.Content, writable: false);
            var article = HtmlArticle.Parse(stream, page.FinalUrl);
            return ImportItem.Of(url, article with { Url = article.Url ?? page.FinalUrl });
        }
        catch (FormatException ex)
        {
            return ImportItem.Unreadable(url, ex.Message);
        }
    }

    public async Task<WebPage> FetchAsync(string url, CancellationToken ct)
    {
        var limits = options.Value;
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var address) || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            throw new WebPageException($"'{url}' is not an http or https address");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(limits.FetchTimeout);
        try
        {
            for (var redirects = 0; ; redirects++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, address);
                request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml;q=0.9,text/plain;q=0.5");
                request.Headers.UserAgent.Add(new ProductInfoHeaderValue("NewsClaims", "1.0"));
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                if (IsRedirect(response.StatusCode))
                {
                    if (redirects >= limits.MaxRedirects)
                    {
                        throw new WebPageException($"{url} redirects more than {limits.MaxRedirects} times; giving up");
                    }

                    address = Next(address, response.Headers.Location) ?? throw new WebPageException($"{address} redirects without a valid Location");
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new WebPageException($"{address} answered {(int)response.StatusCode} {response.ReasonPhrase}");
                }

                var mediaType = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant() ?? "text/html";
                if (!Accepted.Contains(mediaType))
                {
                    throw new WebPageException($"{address} is {mediaType}, not a web page (HTML or plain text)");
                }

                if (response.Content.Headers.ContentLength is { } length && length > limits.MaxPageBytes)
                {
                    throw new WebPageException($"{address} is {ArticleFiles.Megabytes(length)}; pages over {ArticleFiles.Megabytes(limits.MaxPageBytes)} are not fetched");
                }

                var content = await ReadLimitedAsync(response.Content, limits.MaxPageBytes, address, timeout.Token);
                return new WebPage(address.AbsoluteUri, mediaType, content);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new WebPageException($"{url} did not answer within {limits.FetchTimeout.TotalSeconds:0} seconds");
        }
        catch (HttpRequestException ex)
        {
            throw new WebPageException($"{url} could not be fetched: {ex.Message}");
        }
    }

    private static async Task<byte[]> ReadLimitedAsync(HttpContent content, int maxBytes, Uri address, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new WebPageException($"{address} is larger than {ArticleFiles.Megabytes(maxBytes)}; stopped reading");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static Uri? Next(Uri current, Uri? location)
    {
        if (location is null)
        {
            return null;
        }

        var next = location.IsAbsoluteUri ? location : new Uri(current, location);
        return next.Scheme == Uri.UriSchemeHttp || next.Scheme == Uri.UriSchemeHttps ? next : null;
    }
}

/// <summary>A fetched page: where it ended up after redirects, its media type and its bytes.</summary>
public sealed record WebPage(string FinalUrl, string MediaType, byte[] Content);

/// <summary>A page that could not be fetched; the message names the address and the reason.</summary>
public sealed class WebPageException(string message) : Exception(message);
