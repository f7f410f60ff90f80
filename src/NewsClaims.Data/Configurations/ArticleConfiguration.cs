using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsClaims.Core.Articles;
using NewsClaims.Data.Identity;

namespace NewsClaims.Data.Configurations;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.ToTable("articles", t =>
        {
            t.HasCheckConstraint("ck_articles_title_not_blank", "btrim(title) <> ''");
            t.HasCheckConstraint("ck_articles_body_not_empty", "body <> ''");
            t.HasCheckConstraint("ck_articles_content_hash_sha256", "content_hash ~ '^[0-9a-f]{64}$'");
            t.HasCheckConstraint("ck_articles_language", "language ~ '^[a-z]{2,3}(-[a-z0-9]{2,8})*$'");
            t.HasCheckConstraint("ck_articles_current_revision_positive", "current_revision >= 1");
        });
        builder.Property(a => a.Title).HasMaxLength(1000);
        builder.Property(a => a.CanonicalUrl).HasMaxLength(2048);
        builder.Property(a => a.Author).HasMaxLength(500);
        builder.Property(a => a.Language).HasMaxLength(16);
        builder.Property(a => a.ContentHash).HasMaxLength(64).IsFixedLength();
        builder.Property(a => a.ReportedVia).HasMaxLength(500);
        builder.Property(a => a.ExtractorVersion).HasMaxLength(100);
        builder.Property(a => a.Version).IsRowVersion();
        builder.Ignore(a => a.ImportedAt);

        builder.HasIndex(a => a.CanonicalUrl).IsUnique();
        builder.HasIndex(a => a.ContentHash).IsUnique();
        builder.HasIndex(a => a.PublishedOn);

        // An outlet with articles cannot be deleted: the articles would lose their provenance.
        builder.HasOne(a => a.Outlet).WithMany().HasForeignKey(a => a.OutletId).OnDelete(DeleteBehavior.Restrict);

        // Accounts are locked out, never deleted, so who did what is never lost.
        builder.HasOne<EditorAccount>().WithMany().HasForeignKey(a => a.ImportedById).OnDelete(DeleteBehavior.Restrict);

        // Revisions and statements are the article's own derived data: they go with it. Editor work on them
        // (annotations, claim links) restricts the delete instead; see those configurations.
        builder.HasMany(a => a.Revisions).WithOne(r => r.Article).HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Statements).WithOne(s => s.Article).HasForeignKey(s => s.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Revisions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(a => a.Statements).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
