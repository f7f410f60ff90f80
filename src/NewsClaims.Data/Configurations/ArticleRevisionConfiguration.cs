using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsClaims.Core.Articles;
using NewsClaims.Data.Identity;

namespace NewsClaims.Data.Configurations;

internal sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    public void Configure(EntityTypeBuilder<ArticleRevision> builder)
    {
        builder.ToTable("article_revisions", t =>
        {
            t.HasCheckConstraint("ck_article_revisions_number_positive", "number >= 1");
            t.HasCheckConstraint("ck_article_revisions_content_hash_sha256", "content_hash ~ '^[0-9a-f]{64}$'");
        });
        builder.Property(r => r.ContentHash).HasMaxLength(64).IsFixedLength();
        builder.Property(r => r.Reason).HasMaxLength(1000);
        builder.HasIndex(r => new { r.ArticleId, r.Number }).IsUnique();

        // Import recognises an article by any version of its text, so an editor's correction does not make it new again.
        builder.HasIndex(r => r.ContentHash);

        // Accounts are locked out, never deleted.
        builder.HasOne<EditorAccount>().WithMany().HasForeignKey(r => r.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}
