using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsClaims.Core.Outlets;

namespace NewsClaims.Data.Configurations;

internal sealed class OutletConfiguration : IEntityTypeConfiguration<Outlet>
{
    public void Configure(EntityTypeBuilder<Outlet> builder)
    {
        builder.ToTable("outlets", t =>
        {
            t.HasCheckConstraint("ck_outlets_name_not_blank", "btrim(name) <> ''");
            t.HasCheckConstraint("ck_outlets_web_domain_lowercase", "web_domain = lower(web_domain)");
        });
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.WebDomain).HasMaxLength(253);

        // Case-insensitive uniqueness without citext or a non-deterministic collation (which would break LIKE).
        builder.Property<string>("NameKey").HasMaxLength(200).HasComputedColumnSql("lower(name)", stored: true);
        builder.HasIndex("NameKey").IsUnique();
        builder.HasIndex(o => o.WebDomain).IsUnique();
    }
}
