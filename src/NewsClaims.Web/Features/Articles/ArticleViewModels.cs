using NewsClaims.Core.Statements;
using NewsClaims.Web.Features.Shared;
using NewsClaims.Web.Features.Speakers;

namespace NewsClaims.Web.Features.Articles;

public sealed record ArticleFilter(string? Outlet, DateOnly? From, DateOnly? To, string? Person, string? Before)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Outlet) && From is null && To is null && string.IsNullOrWhiteSpace(Person);
}

public sealed record ArticleListItem(long Id, string Title, string? Outlet, string? Author, DateOnly? Published, string? ReportedVia, bool IsSample, int Statements);

public sealed record ArticleIndexViewModel(
    ArticleFilter Filter, PersonCount? Person, IReadOnlyList<string> Outlets, IReadOnlyList<ArticleListItem> Articles, string? NextBefore);

public sealed record HighlightedStatement(
    long Id, int Start, int End, StatementKind Kind, string? SpeakerName, string? SpeakerSlug, string? UnnamedSource,
    string? Cue, string? Place, string? WhenText);

/// <summary>A person quoted in the article, with their highlight colour and the initials that mark their passages.</summary>
public sealed record QuotedSpeaker(string Name, string Slug, int Colour, string Initials, int Statements)
{
    public static string InitialsOf(string name)
    {
        var parts = name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Where(p => char.IsLetter(p[0])).ToList();
        return parts.Count switch
        {
            0 => "?",
            1 => parts[0][..Math.Min(2, parts[0].Length)],
            _ => $"{char.ToUpperInvariant(parts[0][0])}{char.ToUpperInvariant(parts[^1][0])}",
        };
    }
}

public sealed record ArticleViewModel(
    long Id,
    string Title,
    string? Outlet,
    string? Author,
    DateOnly? Published,
    string? Url,
    string? ReportedVia,
    bool IsSample,
    string Language,
    DateTimeOffset ImportedAt,
    string? ExtractorVersion,
    int Revision,
    IReadOnlyList<HighlightedParagraph> Paragraphs,
    IReadOnlyList<HighlightedStatement> Statements,
    IReadOnlyList<QuotedSpeaker> Speakers,
    int UnattributedStatements,
    Func<HighlightedStatement, QuotedSpeaker?> SpeakerOf,
    IReadOnlyList<OrphanedStatement> Orphans,
    IReadOnlyList<ArticleNote> Notes);

/// <summary>A published note on the article: on a passage (its quoted words; orphaned when a correction removed them) or on the whole.</summary>
public sealed record ArticleNote(AnnotationView Note, string? Quote, bool Orphaned, IReadOnlyList<AnnotationView> Replies);

/// <summary>A statement whose words a correction of the article removed: kept, with its words, for readers to see.</summary>
public sealed record OrphanedStatement(long Id, string Text, string? Speaker);
