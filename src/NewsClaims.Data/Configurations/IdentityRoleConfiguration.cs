using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsClaims.Data.Identity;

namespace NewsClaims.Data.Configurations;

/// <summary>Seeds the Editor and Admin roles with fixed ids and stamps, so the migration is deterministic.</summary>
internal sealed class IdentityRoleConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> builder) =>
        builder.HasData(
            new IdentityRole { Id = NewsClaimsRoles.EditorId, Name = NewsClaimsRoles.Editor, NormalizedName = "EDITOR", ConcurrencyStamp = NewsClaimsRoles.EditorId },
            new IdentityRole { Id = NewsClaimsRoles.AdminId, Name = NewsClaimsRoles.Admin, NormalizedName = "ADMIN", ConcurrencyStamp = NewsClaimsRoles.AdminId });
}
