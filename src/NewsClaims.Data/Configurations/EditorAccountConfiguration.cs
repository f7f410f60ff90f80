using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsClaims.Data.Identity;

namespace NewsClaims.Data.Configurations;

internal sealed class EditorAccountConfiguration : IEntityTypeConfiguration<EditorAccount>
{
    public void Configure(EntityTypeBuilder<EditorAccount> builder) =>
        builder.Property(a => a.DisplayName).HasMaxLength(100);
}
