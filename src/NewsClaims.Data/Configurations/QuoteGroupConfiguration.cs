using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsClaims.Core.Statements;

namespace NewsClaims.Data.Configurations;

internal sealed class QuoteGroupConfiguration : IEntityTypeConfiguration<QuoteGroup>
{
    public void Configure(EntityTypeBuilder<QuoteGroup> builder)
    {
        builder.ToTable("quote_groups", t => t.HasCheckConstraint("ck_quote_groups_normalised_text_not_empty", "normalised_text <> ''"));

        // Long quotes overflow a B-tree entry (~2.7 kB), so uniqueness is on the text's md5 and lookups use a hash index.
        builder.Property<string>("NormalisedTextMd5").HasMaxLength(32).HasComputedColumnSql("md5(normalised_text)", stored: true);
        builder.HasIndex("NormalisedTextMd5").IsUnique();
        builder.HasIndex(g => g.NormalisedText).HasMethod("hash");
        builder.Navigation(g => g.Statements).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
