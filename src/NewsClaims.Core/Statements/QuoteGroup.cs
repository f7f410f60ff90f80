using NewsClaims.Core.Common;

namespace NewsClaims.Core.Statements;

/// <summary>
/// The same words reported by several articles: one quote, many occurrences. Occurrences are the group's
/// statements, counted when read rather than stored, so the count cannot drift.
/// </summary>
public class QuoteGroup : IHasUpdatedAt
{
    private readonly List<Statement> _statements = [];

    private QuoteGroup()
    {
        NormalisedText = null!;
        CanonicalText = null!;
    }

    public QuoteGroup(string canonicalText, DateTimeOffset firstSeenAt)
    {
        CanonicalText = Guard.Text(canonicalText);
        NormalisedText = KeyFor(CanonicalText);
        FirstSeenAt = firstSeenAt;
    }

    public long Id { get; private set; }

    /// <summary><see cref="SearchKey.ForQuote"/> of the words: unique, the key statements are grouped by.</summary>
    public string NormalisedText { get; private set; }

    public string CanonicalText { get; private set; }

    /// <summary>Earliest publication (or import) time among the occurrences.</summary>
    public DateTimeOffset FirstSeenAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyCollection<Statement> Statements => _statements.AsReadOnly();

    public static string KeyFor(string text) => SearchKey.ForQuote(text);

    /// <summary>Moves first-seen earlier when an older occurrence turns up.</summary>
    public void SeenAt(DateTimeOffset at)
    {
        if (at < FirstSeenAt)
        {
            FirstSeenAt = at;
        }
    }
}
