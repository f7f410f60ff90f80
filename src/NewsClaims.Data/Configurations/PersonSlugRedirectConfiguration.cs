using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsClaims.Core.Common;
using NewsClaims.Core.People;

namespace NewsClaims.Data.Configurations;

internal sealed class PersonSlugRedirectConfiguration : IEntityTypeConfiguration<PersonSlugRedirect>
{
    public void Configure(EntityTypeBuilder<PersonSlugRedirect> builder)
    {
        builder.ToTable("person_slug_redirects", t => t.HasCheckConstraint("ck_person_slug_redirects_old_slug_format", $"old_slug ~ '{Slug.Pattern}'"));
        builder.Property(r => r.OldSlug).HasMaxLength(300);
        builder.HasIndex(r => r.OldSlug).IsUnique();
    }
}
