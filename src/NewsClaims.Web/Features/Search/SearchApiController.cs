using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using NewsClaims.Data.Search;
using NewsClaims.Web.Features.Shared;

namespace NewsClaims.Web.Features.Search;

/// <summary>The search page's JSON twin: same parameters, with highlights and facets.</summary>
[ApiController]
[EnableRateLimiting(SearchRateLimiting.Policy)]
[OutputCache(PolicyName = ReaderCachePolicy.Name)]
[Produces("application/json")]
public sealed class SearchApiController(QuoteSearch search, QuoteCheck quoteCheck) : ControllerBase
{
    /// <summary>Statements (paged by <c>after</c>), claims and annotations matching <c>q</c>, with facet counts.</summary>
    [HttpGet("/api/v1/search")]
    [ProducesResponseType<ApiSearchResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status429TooManyRequests)]
    public async Task<ApiSearchResponse> Search([FromQuery] SearchParameters parameters, CancellationToken ct) =>
        ApiSearchResponse.From(await search.SearchAsync(parameters.ToRequest(), ct));

    /// <summary>A quote as remembered against the real statements: closest wordings, similarity and a word-level diff.</summary>
    [HttpGet("/api/v1/search/quote-check")]
    [ProducesResponseType<ApiQuoteCheckResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status429TooManyRequests)]
    public async Task<ApiQuoteCheckResponse> QuoteCheck([FromQuery(Name = "text")] string? text, CancellationToken ct) =>
        ApiQuoteCheckResponse.From(await quoteCheck.CheckAsync(text, ct));
}
