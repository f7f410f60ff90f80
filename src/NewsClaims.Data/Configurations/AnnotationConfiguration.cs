using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsClaims.Core.Annotations;
using NewsClaims.Core.Common;
using NewsClaims.Data.Identity;

namespace NewsClaims.Data.Configurations;

internal sealed class AnnotationConfiguration : IEntityTypeConfiguration<Annotation>
{
    public void Configure(EntityTypeBuilder<Annotation> builder)
    {
        builder.ToTable("annotations", t =>
        {
            t.HasCheckConstraint("ck_annotations_single_target", "num_nonnulls(article_id, statement_id, claim_id, person_id) = 1");
            t.HasCheckConstraint("ck_annotations_body_not_blank", "btrim(body) <> ''");
            t.HasCheckConstraint("ck_annotations_motivation", EnumText.Check<AnnotationMotivation>("motivation"));
            t.HasCheckConstraint("ck_annotations_visibility", EnumText.Check<AnnotationVisibility>("visibility"));
            t.HasCheckConstraint("ck_annotations_anchor_status", EnumText.Check<AnchorStatus>("anchor_status"));
            t.HasCheckConstraint("ck_annotations_not_own_parent", "parent_id <> id");
            t.HasCheckConstraint("ck_annotations_body_revision_positive", "body_revision >= 1");
            t.HasCheckConstraint("ck_annotations_selector_quote", "selector IS NULL OR jsonb_typeof(selector->'quote'->'exact') = 'string'");
            t.HasCheckConstraint("ck_annotations_selector_position",
                "selector IS NULL OR jsonb_typeof(selector->'position') IS DISTINCT FROM 'object' OR coalesce(" +
                "(selector->'position'->>'start')::int >= 0 AND (selector->'position'->>'start')::int < (selector->'position'->>'end')::int, false)");
        });
        builder.Property(a => a.Motivation).HasTextConversion();
        builder.Property(a => a.Visibility).HasTextConversion();
        builder.Property(a => a.AnchorStatus).HasTextConversion();
        builder.Property(a => a.Body).HasMaxLength(20000);
        builder.Property(a => a.Version).IsRowVersion();
        builder.HasIndex(a => a.Tags).HasMethod("gin");

        builder.OwnsOne(a => a.Selector, s =>
        {
            s.ToJson("selector");
            s.OwnsOne(x => x.Quote, q =>
            {
                q.HasJsonPropertyName("quote");
                q.Property(x => x.Exact).HasJsonPropertyName("exact");
                q.Property(x => x.Prefix).HasJsonPropertyName("prefix");
                q.Property(x => x.Suffix).HasJsonPropertyName("suffix");
            });
            s.OwnsOne(x => x.Position, p =>
            {
                p.HasJsonPropertyName("position");
                p.Property(x => x.Start).HasJsonPropertyName("start");
                p.Property(x => x.End).HasJsonPropertyName("end");
            });
            s.Navigation(x => x.Quote).IsRequired();
        });

        // RESTRICT on every target: deleting an article, statement, claim or person never silently drops or
        // orphans an editor's note. The delete fails in the database; move or delete the notes first, on purpose.
        builder.HasOne(a => a.Article).WithMany().HasForeignKey(a => a.ArticleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Statement).WithMany().HasForeignKey(a => a.StatementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Claim).WithMany().HasForeignKey(a => a.ClaimId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Person).WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);

        // Replies are other editors' words: a note with replies cannot be deleted out from under them.
        builder.HasOne(a => a.Parent).WithMany(a => a.Replies).HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(a => a.Replies).UsePropertyAccessMode(PropertyAccessMode.Field);

        // Accounts are locked out, never deleted.
        builder.HasOne<EditorAccount>().WithMany().HasForeignKey(a => a.AuthorId).OnDelete(DeleteBehavior.Restrict);

        // The body's history goes with the annotation when it is deliberately deleted.
        builder.HasMany(a => a.Revisions).WithOne(r => r.Annotation).HasForeignKey(r => r.AnnotationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Revisions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
