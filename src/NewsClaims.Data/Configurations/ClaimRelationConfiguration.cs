using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsClaims.Core.Claims;
using NewsClaims.Data.Identity;

namespace NewsClaims.Data.Configurations;

internal sealed class ClaimRelationConfiguration : IEntityTypeConfiguration<ClaimRelation>
{
    public void Configure(EntityTypeBuilder<ClaimRelation> builder)
    {
        builder.ToTable("claim_relations", t =>
        {
            t.HasCheckConstraint("ck_claim_relations_not_self", "from_claim_id <> to_claim_id");
            t.HasCheckConstraint("ck_claim_relations_kind", EnumText.Check<ClaimRelationKind>("kind"));
        });
        builder.HasKey(r => new { r.FromClaimId, r.ToClaimId, r.Kind });
        builder.Property(r => r.Kind).HasTextConversion();
        builder.HasIndex(r => r.ToClaimId);

        // A relation means nothing without both ends; deleting either claim removes it.
        builder.HasOne(r => r.To).WithMany().HasForeignKey(r => r.ToClaimId).OnDelete(DeleteBehavior.Cascade);

        // Accounts are locked out, never deleted.
        builder.HasOne<EditorAccount>().WithMany().HasForeignKey(r => r.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}
