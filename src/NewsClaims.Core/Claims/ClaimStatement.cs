using NewsClaims.Core.Common;
using NewsClaims.Core.Statements;

namespace NewsClaims.Core.Claims;

/// <summary>A statement that makes a claim.</summary>
public class ClaimStatement : IHasCreatedAt
{
    private ClaimStatement()
    {
    }

    internal ClaimStatement(Claim claim, Statement statement, string? addedById)
    {
        Claim = claim;
        Statement = statement;
        AddedById = addedById;
    }

    public long ClaimId { get; private set; }

    public Claim? Claim { get; private set; }

    public long StatementId { get; private set; }

    public Statement? Statement { get; private set; }

    public string? AddedById { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
