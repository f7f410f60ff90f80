using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsClaims.Core.Common;
using NewsClaims.Core.Statements;
using NewsClaims.Data.Identity;

namespace NewsClaims.Data.Configurations;

internal sealed class StatementConfiguration : IEntityTypeConfiguration<Statement>
{
    public void Configure(EntityTypeBuilder<Statement> builder)
    {
        builder.ToTable("statements", t =>
        {
            t.HasCheckConstraint("ck_statements_span", "span_start >= 0 AND span_start < span_end");
            t.HasCheckConstraint("ck_statements_text_not_empty", "text <> ''");
            // All three or none; num_nulls keeps a half-filled span from slipping through as NULL (a CHECK passes on NULL).
            t.HasCheckConstraint("ck_statements_mention_span",
                "num_nulls(mention_start, mention_end, mention_text) IN (0, 3) AND (mention_start IS NULL OR (mention_start >= 0 AND mention_start < mention_end))");
            t.HasCheckConstraint("ck_statements_cue_span",
                "num_nulls(cue_start, cue_end, cue_text) IN (0, 3) AND (cue_start IS NULL OR (cue_start >= 0 AND cue_start < cue_end))");
            t.HasCheckConstraint("ck_statements_confidence_range", "confidence >= 0 AND confidence <= 1");
            t.HasCheckConstraint("ck_statements_kind", EnumText.Check<StatementKind>("kind"));
            t.HasCheckConstraint("ck_statements_status", EnumText.Check<StatementStatus>("status"));
            t.HasCheckConstraint("ck_statements_when_said_precision", EnumText.Check<DatePrecision>("when_said_precision"));
            t.HasCheckConstraint("ck_statements_when_said_date_has_precision", "(when_said_date IS NULL) = (when_said_precision = 'unknown')");
            t.HasCheckConstraint("ck_statements_anchor_status", EnumText.Check<AnchorStatus>("anchor_status"));
            t.HasCheckConstraint("ck_statements_reviewed", "status IN ('extracted', 'published') OR reviewed_at IS NOT NULL");
            t.HasCheckConstraint("ck_statements_rejection_reason", "(status = 'rejected') = (rejection_reason IS NOT NULL)");
            t.HasCheckConstraint("ck_statements_anchored_revision_positive", "anchored_revision >= 1");
        });

        builder.Property(s => s.Start).HasColumnName("span_start");
        builder.Property(s => s.End).HasColumnName("span_end");
        builder.Property(s => s.Kind).HasTextConversion();
        builder.Property(s => s.Status).HasTextConversion();
        builder.Property(s => s.WhenSaidPrecision).HasTextConversion();
        builder.Property(s => s.AnchorStatus).HasTextConversion();
        builder.Property(s => s.MentionText).HasMaxLength(500);
        builder.Property(s => s.UnnamedSource).HasMaxLength(500);
        builder.Property(s => s.SpeakerRule).HasMaxLength(200);
        builder.Property(s => s.CueText).HasMaxLength(500);
        builder.Property(s => s.WhenSaidText).HasMaxLength(500);
        builder.Property(s => s.Place).HasMaxLength(500);
        builder.Property(s => s.Occasion).HasMaxLength(1000);
        builder.Property(s => s.RejectionReason).HasMaxLength(2000);
        builder.Property(s => s.ExtractorVersion).HasMaxLength(100);
        builder.Property(s => s.ReportedVia).HasMaxLength(500);
        builder.Property(s => s.AnchoredRevision).HasDefaultValue(1);
        builder.Property(s => s.Version).IsRowVersion();
        builder.Ignore(s => s.Span);
        builder.Ignore(s => s.SpeakerMention);
        builder.Ignore(s => s.Cue);

        // Words and trigrams of the text are indexed once, in statement_search (see SearchSchema), not here as well.
        builder.HasIndex(s => new { s.ArticleId, s.Start });
        builder.HasIndex(s => new { s.SpeakerId, s.Status });
        builder.HasIndex(s => s.Status).HasFilter("status = 'extracted'").HasDatabaseName("ix_statements_review_queue");
        builder.HasIndex(s => s.QuoteGroupId);

        // Never SET NULL: a speaker silently vanishing from a quote is a misattribution. Merge people instead.
        builder.HasOne(s => s.Speaker).WithMany().HasForeignKey(s => s.SpeakerId).OnDelete(DeleteBehavior.Restrict);

        // A quote group is derived from the statements' words and can be rebuilt; dropping one only ungroups.
        builder.HasOne(s => s.QuoteGroup).WithMany(g => g.Statements).HasForeignKey(s => s.QuoteGroupId).OnDelete(DeleteBehavior.SetNull);

        // Accounts are locked out, never deleted.
        builder.HasOne<EditorAccount>().WithMany().HasForeignKey(s => s.ReviewedById).OnDelete(DeleteBehavior.Restrict);

        // Addressee and subject links are part of the statement.
        builder.HasMany(s => s.Persons).WithOne(p => p.Statement).HasForeignKey(p => p.StatementId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Persons).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
