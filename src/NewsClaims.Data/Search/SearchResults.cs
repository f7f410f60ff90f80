using NewsClaims.Core.Statements;

namespace NewsClaims.Data.Search;

/// <summary>How the statements were found: by their words, by a corrected spelling, by trigram likeness, or not at all.</summary>
public enum SearchMatch
{
    None,
    Words,
    Corrected,
    Fuzzy,
}

/// <summary>A piece of a snippet; <see cref="Marked"/> pieces are the words that matched.</summary>
public sealed record SnippetPart(string Text, bool Marked);

public sealed record StatementHit(
    long Id,
    string Text,
    IReadOnlyList<SnippetPart> Snippet,
    StatementKind Kind,
    string Status,
    double Confidence,
    string? SpeakerName,
    string? SpeakerSlug,
    string? UnnamedSource,
    string? Cue,
    long ArticleId,
    string ArticleTitle,
    string? Outlet,
    DateOnly? Published,
    double Score)
{
    public bool IsEditorConfirmed => Status is "confirmed" or "corrected";
}

public sealed record FacetValue(string Value, string Label, long Count);

public sealed record ClaimHit(long Id, string Text, IReadOnlyList<SnippetPart> Snippet, string? Verdict, int StatementCount);

public sealed record AnnotationHit(
    long Id,
    IReadOnlyList<SnippetPart> Snippet,
    string Motivation,
    long? StatementId,
    long? ArticleId,
    long? ClaimId,
    string? PersonSlug);

/// <summary>
/// Claims or annotations found: the most recent matches are counted up to a window; past it <see cref="Total"/> is the
/// window and <see cref="TotalIsLowerBound"/> says there are more. <see cref="Items"/> only on the section's own tab.
/// </summary>
public sealed record SearchSection<T>(long Total, IReadOnlyList<T> Items, bool TotalIsLowerBound = false)
{
    public static SearchSection<T> None { get; } = new(0, []);

    /// <summary>On the section's own tab: the <c>after</c> of its next page, when there is one.</summary>
    public string? NextCursor { get; init; }

    /// <summary>The section from a count of matches that stopped one past <paramref name="window"/>.</summary>
    public static SearchSection<T> Counted(long found, int window, IReadOnlyList<T> items) =>
        new(Math.Min(found, window), items, found > window);
}

public sealed record SearchResult
{
    public required string Query { get; init; }

    public required SearchMatch Match { get; init; }

    /// <summary>The spelling the results were found with when it differs from the query.</summary>
    public string? SearchedFor { get; init; }

    /// <summary>A better-spelled query to offer ("did you mean"), when one finds more.</summary>
    public string? DidYouMean { get; init; }

    public required IReadOnlyList<string> Messages { get; init; }

    public required long Total { get; init; }

    /// <summary>Counts stop at <see cref="QuoteSearch.Window"/> matches; past that they are lower bounds.</summary>
    public required bool TotalIsLowerBound { get; init; }

    public required IReadOnlyList<StatementHit> Statements { get; init; }

    public string? NextCursor { get; init; }

    public required IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets { get; init; }

    public required SearchSection<ClaimHit> Claims { get; init; }

    public required SearchSection<AnnotationHit> Annotations { get; init; }

    /// <summary>The filters that were applied, by parameter name, with a readable label.</summary>
    public required IReadOnlyDictionary<string, string> AppliedFilters { get; init; }

    public required SearchSort Sort { get; init; }

    /// <summary>The section whose items were returned.</summary>
    public ResultTab Tab { get; init; }
}
