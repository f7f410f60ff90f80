using NewsClaims.Core.Common;

namespace NewsClaims.Core.Auditing;

/// <summary>Who changed what, when, from what to what. Written once, never updated.</summary>
public class AuditEntry : IHasCreatedAt
{
    private AuditEntry()
    {
        EntityType = null!;
        EntityId = null!;
        Action = null!;
        Changes = new Dictionary<string, FieldChange>();
    }

    public AuditEntry(string? accountId, string entityType, string entityId, string action, IReadOnlyDictionary<string, FieldChange>? changes = null)
    {
        AccountId = Guard.OptionalText(accountId);
        EntityType = Guard.Text(entityType);
        EntityId = Guard.Text(entityId);
        Action = Guard.Text(action);
        Changes = new Dictionary<string, FieldChange>(changes ?? new Dictionary<string, FieldChange>());
    }

    public long Id { get; private set; }

    /// <summary>When the change was made.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The editor account; null for the system (imports, migrations).</summary>
    public string? AccountId { get; private set; }

    /// <summary>e.g. <c>Statement</c>.</summary>
    public string EntityType { get; private set; }

    public string EntityId { get; private set; }

    /// <summary>e.g. <c>confirmed</c>, <c>rejected</c>, <c>merged</c>, <c>rated</c>.</summary>
    public string Action { get; private set; }

    /// <summary>Field name to its old and new value.</summary>
    public IReadOnlyDictionary<string, FieldChange> Changes { get; private set; }
}
