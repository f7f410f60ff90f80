using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsClaims.Core.Annotations;
using NewsClaims.Data.Identity;

namespace NewsClaims.Data.Configurations;

internal sealed class AnnotationRevisionConfiguration : IEntityTypeConfiguration<AnnotationRevision>
{
    public void Configure(EntityTypeBuilder<AnnotationRevision> builder)
    {
        builder.ToTable("annotation_revisions", t => t.HasCheckConstraint("ck_annotation_revisions_number_positive", "number >= 1"));
        builder.Property(r => r.Body).HasMaxLength(20000);
        builder.HasIndex(r => new { r.AnnotationId, r.Number }).IsUnique();

        // Accounts are locked out, never deleted.
        builder.HasOne<EditorAccount>().WithMany().HasForeignKey(r => r.EditedById).OnDelete(DeleteBehavior.Restrict);
    }
}
