using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsClaims.Core.People;

namespace NewsClaims.Data.Configurations;

internal sealed class PersonRoleConfiguration : IEntityTypeConfiguration<PersonRole>
{
    public void Configure(EntityTypeBuilder<PersonRole> builder)
    {
        builder.ToTable("person_roles", t =>
        {
            t.HasCheckConstraint("ck_person_roles_title_not_blank", "btrim(title) <> ''");
            t.HasCheckConstraint("ck_person_roles_dates_in_order", "started_on <= ended_on");
        });
        builder.Property(r => r.Title).HasMaxLength(300);
        builder.Property(r => r.Organisation).HasMaxLength(300);
    }
}
