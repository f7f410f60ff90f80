namespace NewsClaims.Core.Statements;

/// <summary>Direct: the words inside quote marks. Indirect: reported speech. Mixed: a paraphrase with a quoted fragment.</summary>
public enum StatementKind
{
    Direct,
    Indirect,
    Mixed,
}
