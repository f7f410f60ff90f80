using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using NewsClaims.Core.Annotations;
using NewsClaims.Core.Articles;
using NewsClaims.Core.Auditing;
using NewsClaims.Core.Claims;
using NewsClaims.Core.Outlets;
using NewsClaims.Core.People;
using NewsClaims.Core.Statements;
using NewsClaims.Data.Identity;

namespace NewsClaims.Data;

/// <summary>
/// The whole NewsClaims model in PostgreSQL, with the ASP.NET Core Identity tables. Tables and columns are
/// snake_case; enums are text with CHECK constraints; the mapping lives in <c>Configurations/</c>, one class per entity.
/// </summary>
/// <remarks>
/// Migrations live in <c>Migrations/</c>; no database is needed to add one (see <see cref="NewsClaimsDesignTimeFactory"/>):
/// <code>
/// dotnet tool restore
/// dotnet ef migrations add &lt;Name&gt; --project src/NewsClaims.Data --startup-project src/NewsClaims.Data
/// </code>
/// The Initial migration also creates the <c>unaccent</c> and <c>pg_trgm</c> extensions and the immutable
/// <c>f_unaccent</c> wrapper (<see cref="DatabaseFunctions"/>) that the generated search vector needs; if Initial is
/// ever regenerated, keep its <c>migrationBuilder.Sql(DatabaseFunctions.CreateUnaccent)</c> line before the tables.
/// </remarks>
public class NewsClaimsDbContext(DbContextOptions<NewsClaimsDbContext> options) : IdentityDbContext<EditorAccount>(options), IDataProtectionKeyContext
{
    /// <summary>The keys that protect sign-in cookies, bearer tokens and antiforgery tokens: shared by every instance of the site, kept across restarts.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Outlet> Outlets => Set<Outlet>();

    public DbSet<Article> Articles => Set<Article>();

    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<PersonAlias> PersonAliases => Set<PersonAlias>();

    public DbSet<PersonRole> PersonRoles => Set<PersonRole>();

    public DbSet<PersonSlugRedirect> PersonSlugRedirects => Set<PersonSlugRedirect>();

    public DbSet<Statement> Statements => Set<Statement>();

    public DbSet<StatementPerson> StatementPersons => Set<StatementPerson>();

    public DbSet<QuoteGroup> QuoteGroups => Set<QuoteGroup>();

    public DbSet<Claim> Claims => Set<Claim>();

    public DbSet<ClaimStatement> ClaimStatements => Set<ClaimStatement>();

    public DbSet<ClaimRelation> ClaimRelations => Set<ClaimRelation>();

    public DbSet<Annotation> Annotations => Set<Annotation>();

    public DbSet<AnnotationRevision> AnnotationRevisions => Set<AnnotationRevision>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("unaccent");
        builder.HasPostgresExtension("pg_trgm");
        builder.ApplyConfigurationsFromAssembly(typeof(NewsClaimsDbContext).Assembly);

        // Identity names its tables itself ("AspNetUsers"); snake_case them like everything else.
        builder.Entity<EditorAccount>().ToTable("asp_net_users");
        builder.Entity<IdentityRole>().ToTable("asp_net_roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("asp_net_user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("asp_net_user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("asp_net_user_logins");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("asp_net_role_claims");
        builder.Entity<IdentityUserToken<string>>().ToTable("asp_net_user_tokens");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Timestamps are UTC DateTimeOffset → timestamptz everywhere, never local time.
        configurationBuilder.Properties<DateTimeOffset>().HaveColumnType("timestamp with time zone");
    }
}
