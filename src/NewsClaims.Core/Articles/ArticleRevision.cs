using NewsClaims.Core.Common;

namespace NewsClaims.Core.Articles;

/// <summary>One version of an article's body. Revision 1 is the body as imported.</summary>
public class ArticleRevision : IHasCreatedAt
{
    private ArticleRevision()
    {
        Body = null!;
        ContentHash = null!;
    }

    internal ArticleRevision(Article article, int number, string body, string contentHash, string? createdById, string? reason)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        Article = article;
        Number = number;
        Body = body;
        ContentHash = contentHash;
        CreatedById = createdById;
        Reason = Guard.OptionalText(reason);
    }

    public long Id { get; private set; }

    public long ArticleId { get; private set; }

    public Article? Article { get; private set; }

    public int Number { get; private set; }

    public string Body { get; private set; }

    public string ContentHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string? CreatedById { get; private set; }

    public string? Reason { get; private set; }
}
