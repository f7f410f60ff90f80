using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsClaims.Core.Common;
using NewsClaims.Core.People;

namespace NewsClaims.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("people", t =>
        {
            t.HasCheckConstraint("ck_people_name_not_blank", "btrim(name) <> ''");
            t.HasCheckConstraint("ck_people_slug_format", $"slug ~ '{Slug.Pattern}'");
            t.HasCheckConstraint("ck_people_wikidata_id_format", $"wikidata_id ~ '{Person.WikidataIdPattern}'");
            t.HasCheckConstraint("ck_people_not_merged_into_self", "merged_into_id <> id");
        });
        builder.Property(p => p.Name).HasMaxLength(300);
        builder.Property(p => p.Slug).HasMaxLength(300);
        builder.Property(p => p.Description).HasMaxLength(2000);
        builder.Property(p => p.WikidataId).HasMaxLength(20);
        builder.Property(p => p.Version).IsRowVersion();

        builder.HasIndex(p => p.Slug).IsUnique();
        builder.HasIndex(p => p.WikidataId).IsUnique();
        builder.HasIndex(p => p.NeedsReview).HasFilter("needs_review");

        // A survivor of a merge cannot disappear from under the records merged into it.
        builder.HasOne(p => p.MergedInto).WithMany().HasForeignKey(p => p.MergedIntoId).OnDelete(DeleteBehavior.Restrict);

        // Aliases, roles and old slugs describe the person and mean nothing without them.
        builder.HasMany(p => p.Aliases).WithOne(a => a.Person).HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Roles).WithOne(r => r.Person).HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.SlugRedirects).WithOne(r => r.Person).HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Aliases).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.Roles).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.SlugRedirects).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
