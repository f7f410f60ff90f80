using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsClaims.Core.Statements;

namespace NewsClaims.Data.Configurations;

internal sealed class StatementPersonConfiguration : IEntityTypeConfiguration<StatementPerson>
{
    public void Configure(EntityTypeBuilder<StatementPerson> builder)
    {
        builder.ToTable("statement_persons", t => t.HasCheckConstraint("ck_statement_persons_role", EnumText.Check<StatementPersonRole>("role")));
        builder.HasKey(p => new { p.StatementId, p.PersonId, p.Role });
        builder.Property(p => p.Role).HasTextConversion();
        builder.HasIndex(p => p.PersonId);

        // A person mentioned in statements cannot be deleted out from under them; merge instead.
        builder.HasOne(p => p.Person).WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
