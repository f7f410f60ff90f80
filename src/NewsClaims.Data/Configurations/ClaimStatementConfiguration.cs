using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsClaims.Core.Claims;
using NewsClaims.Data.Identity;

namespace NewsClaims.Data.Configurations;

internal sealed class ClaimStatementConfiguration : IEntityTypeConfiguration<ClaimStatement>
{
    public void Configure(EntityTypeBuilder<ClaimStatement> builder)
    {
        builder.ToTable("claim_statements");
        builder.HasKey(cs => new { cs.ClaimId, cs.StatementId });
        builder.HasIndex(cs => cs.StatementId);

        // An editor's grouping of a statement into a claim blocks deleting the statement (and so its article).
        builder.HasOne(cs => cs.Statement).WithMany().HasForeignKey(cs => cs.StatementId).OnDelete(DeleteBehavior.Restrict);

        // Accounts are locked out, never deleted.
        builder.HasOne<EditorAccount>().WithMany().HasForeignKey(cs => cs.AddedById).OnDelete(DeleteBehavior.Restrict);
    }
}
