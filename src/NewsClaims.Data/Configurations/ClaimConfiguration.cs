using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsClaims.Core.Claims;
using NewsClaims.Data.Identity;

namespace NewsClaims.Data.Configurations;

internal sealed class ClaimConfiguration : IEntityTypeConfiguration<Claim>
{
    public void Configure(EntityTypeBuilder<Claim> builder)
    {
        builder.ToTable("claims", t =>
        {
            t.HasCheckConstraint("ck_claims_text_not_blank", "btrim(text) <> ''");
            t.HasCheckConstraint("ck_claims_verdict", EnumText.Check<VerdictRating>("verdict"));
            t.HasCheckConstraint("ck_claims_rated", "(verdict IS NULL) = (rated_at IS NULL) AND (verdict IS NULL OR verdict_explanation IS NOT NULL)");
        });
        builder.Property(c => c.Text).HasMaxLength(2000);
        builder.Property(c => c.Verdict).HasTextConversion();
        builder.Property(c => c.Topics);
        builder.Property(c => c.Version).IsRowVersion();
        builder.HasIndex(c => c.Topics).HasMethod("gin");
        builder.HasIndex(c => c.Verdict);

        builder.OwnsMany(c => c.VerdictSources, s =>
        {
            s.ToJson("verdict_sources");
            s.Property(v => v.Title).HasJsonPropertyName("title");
            s.Property(v => v.Url).HasJsonPropertyName("url");
        });
        builder.Navigation(c => c.VerdictSources).UsePropertyAccessMode(PropertyAccessMode.Field);

        // Accounts are locked out, never deleted.
        builder.HasOne<EditorAccount>().WithMany().HasForeignKey(c => c.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<EditorAccount>().WithMany().HasForeignKey(c => c.RatedById).OnDelete(DeleteBehavior.Restrict);

        // Deleting a claim on purpose removes its own links and relations, never the statements or other claims.
        builder.HasMany(c => c.Statements).WithOne(s => s.Claim).HasForeignKey(s => s.ClaimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Relations).WithOne(r => r.From).HasForeignKey(r => r.FromClaimId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Statements).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(c => c.Relations).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
