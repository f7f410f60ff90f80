using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using NewsClaims.Data.Search;

namespace NewsClaims.Web.Features.Search;

/// <summary>A statement found: <c>highlight</c> is HTML (text escaped, matched words in <c>&lt;mark&gt;</c>); <c>snippet</c> the same as parts.</summary>
public sealed record ApiStatementHit(
    long Id,
    string Url,
    string Text,
    string Highlight,
    IReadOnlyList<SnippetPart> Snippet,
    string Kind,
    string Status,
    bool EditorConfirmed,
    double Confidence,
    ApiSpeaker? Speaker,
    string? UnnamedSource,
    string? Cue,
    ApiArticle Article,
    double Score);

public sealed record ApiSpeaker(string Name, string Slug, string Url);

public sealed record ApiArticle(long Id, string Title, string? Outlet, DateOnly? Published, string Url);

public sealed record ApiClaimHit(long Id, string Text, string Highlight, string? Verdict, int StatementCount);

public sealed record ApiAnnotationHit(long Id, string Highlight, string Motivation, long? StatementId, long? ArticleId, long? ClaimId, string? PersonSlug);

/// <summary>One result type: its total (past the counting window a lower bound, <c>totalIsLowerBound</c>), and its items on its own tab only.</summary>
public sealed record ApiSection<T>(long Total, bool TotalIsLowerBound, IReadOnlyList<T> Items);

public sealed record ApiSearchResponse(
    string Query,
    string Match,
    string? SearchedFor,
    string? DidYouMean,
    IReadOnlyList<string> Messages,
    IReadOnlyDictionary<string, string> Filters,
    string Sort,
    string Tab,
    long Total,
    bool TotalIsLowerBound,
    ApiSection<ApiStatementHit> Statements,
    string? NextCursor,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets,
    ApiSection<ApiClaimHit> Claims,
    ApiSection<ApiAnnotationHit> Annotations)
{
    /// <summary>Escapes markup characters only; accented letters stay readable.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static ApiSearchResponse From(SearchResult r) => new(
        r.Query,
        r.Match.ToString().ToLowerInvariant(),
        r.SearchedFor,
        r.DidYouMean,
        r.Messages,
        r.AppliedFilters,
        r.Sort.ToString().ToLowerInvariant(),
        r.Tab.ToString().ToLowerInvariant(),
        r.Total,
        r.TotalIsLowerBound,
        new ApiSection<ApiStatementHit>(r.Total, r.TotalIsLowerBound, [.. r.Statements.Select(Statement)]),
        r.NextCursor,
        r.Facets,
        new ApiSection<ApiClaimHit>(r.Claims.Total, r.Claims.TotalIsLowerBound, [.. r.Claims.Items.Select(c => new ApiClaimHit(c.Id, c.Text, Html(c.Snippet), c.Verdict, c.StatementCount))]),
        new ApiSection<ApiAnnotationHit>(r.Annotations.Total, r.Annotations.TotalIsLowerBound, [.. r.Annotations.Items.Select(a =>
            new ApiAnnotationHit(a.Id, Html(a.Snippet), a.Motivation, a.StatementId, a.ArticleId, a.ClaimId, a.PersonSlug))]));

    public static ApiStatementHit Statement(StatementHit s) => new(
        s.Id,
        $"/statements/{s.Id}",
        s.Text,
        Html(s.Snippet),
        s.Snippet,
        s.Kind.ToString().ToLowerInvariant(),
        s.Status,
        s.IsEditorConfirmed,
        s.Confidence,
        s.SpeakerSlug is null || s.SpeakerName is null ? null : new ApiSpeaker(s.SpeakerName, s.SpeakerSlug, $"/speakers/{s.SpeakerSlug}"),
        s.UnnamedSource,
        s.Cue,
        new ApiArticle(s.ArticleId, s.ArticleTitle, s.Outlet, s.Published, $"/articles/{s.ArticleId}#s-{s.Id}"),
        Math.Round(s.Score, 4));

    /// <summary>The snippet as safe HTML: every piece escaped, matched words wrapped in <c>mark</c>.</summary>
    public static string Html(IReadOnlyList<SnippetPart> parts)
    {
        var html = new StringBuilder();
        foreach (var part in parts)
        {
            var text = Encoder.Encode(part.Text);
            html.Append(part.Marked ? $"<mark>{text}</mark>" : text);
        }

        return html.ToString();
    }
}

public sealed record ApiQuoteMatch(ApiStatementHit Statement, double Similarity, bool? SpeakerMatches, IReadOnlyList<ApiDiffPart> Diff);

/// <summary><c>kind</c>: <c>same</c>, <c>removed</c> (in the quote as given, not in the source) or <c>inserted</c> (in the source only).</summary>
public sealed record ApiDiffPart(string Text, string Kind);

public sealed record ApiQuoteCheckResponse(string Text, string? Quote, string? NamedSpeaker, IReadOnlyList<string> Messages, IReadOnlyList<ApiQuoteMatch> Matches)
{
    public static ApiQuoteCheckResponse From(QuoteCheckResult r) => new(
        r.Text,
        r.Quote,
        r.NamedSpeaker,
        r.Messages,
        [.. r.Matches.Select(m => new ApiQuoteMatch(
            ApiSearchResponse.Statement(m.Statement),
            m.Similarity,
            m.SpeakerMatches,
            [.. m.Diff.Select(d => new ApiDiffPart(d.Text, d.Kind.ToString().ToLowerInvariant()))]))]);
}
