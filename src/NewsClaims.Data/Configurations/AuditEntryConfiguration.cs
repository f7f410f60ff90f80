using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsClaims.Core.Auditing;
using NewsClaims.Data.Identity;

namespace NewsClaims.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries", t => t.HasCheckConstraint("ck_audit_entries_changes_object", "jsonb_typeof(changes) = 'object'"));
        builder.Property(e => e.CreatedAt).HasColumnName("at");
        builder.Property(e => e.EntityType).HasMaxLength(100);
        builder.Property(e => e.EntityId).HasMaxLength(100);
        builder.Property(e => e.Action).HasMaxLength(100);

        // A map (field → {from, to}) rather than owned JSON entities, which cannot be keyed by field name.
        builder.Property(e => e.Changes)
            .HasColumnType("jsonb")
            .HasConversion(
                changes => Serialize(changes),
                json => Deserialize(json),
                new ValueComparer<IReadOnlyDictionary<string, FieldChange>>(
                    (a, b) => Serialize(a) == Serialize(b),
                    changes => Serialize(changes).GetHashCode(StringComparison.Ordinal),
                    changes => Deserialize(Serialize(changes))));

        builder.HasIndex(e => new { e.EntityType, e.EntityId, e.CreatedAt });
        builder.HasIndex(e => e.CreatedAt);

        // Accounts are locked out, never deleted: the trail must keep its names.
        builder.HasOne<EditorAccount>().WithMany().HasForeignKey(e => e.AccountId).OnDelete(DeleteBehavior.Restrict);
    }

    private static string Serialize(IReadOnlyDictionary<string, FieldChange>? changes) =>
        JsonSerializer.Serialize(changes ?? new Dictionary<string, FieldChange>(), Json);

    private static IReadOnlyDictionary<string, FieldChange> Deserialize(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, FieldChange>>(json, Json) ?? [];
}
