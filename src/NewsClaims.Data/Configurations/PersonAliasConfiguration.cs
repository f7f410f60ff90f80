using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsClaims.Core.People;

namespace NewsClaims.Data.Configurations;

internal sealed class PersonAliasConfiguration : IEntityTypeConfiguration<PersonAlias>
{
    public void Configure(EntityTypeBuilder<PersonAlias> builder)
    {
        builder.ToTable("person_aliases", t =>
        {
            t.HasCheckConstraint("ck_person_aliases_alias_not_blank", "btrim(alias) <> ''");
            t.HasCheckConstraint("ck_person_aliases_normalised_lowercase", "normalised_alias = lower(normalised_alias) AND normalised_alias <> ''");
        });
        builder.Property(a => a.Alias).HasMaxLength(300);
        builder.Property(a => a.NormalisedAlias).HasMaxLength(300);

        builder.HasIndex(a => new { a.PersonId, a.NormalisedAlias }).IsUnique();

        // Exact lookups ("who is 'rutte'?") and typo-tolerant ones ("rute" % "rutte").
        builder.HasIndex(a => a.NormalisedAlias, "NormalisedAliasLookup").HasDatabaseName("ix_person_aliases_normalised_alias");
        builder.HasIndex(a => a.NormalisedAlias, "NormalisedAliasTrigrams").HasDatabaseName("ix_person_aliases_normalised_alias_trgm")
            .HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}
