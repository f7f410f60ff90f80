namespace NewsClaims.Core.Auditing;

/// <summary>The names the audit log files changes under, one per kind of thing editors change.</summary>
public static class AuditedEntity
{
    public const string Article = "article";
    public const string Statement = "statement";
    public const string Person = "person";
    public const string Claim = "claim";
    public const string Annotation = "annotation";
}
