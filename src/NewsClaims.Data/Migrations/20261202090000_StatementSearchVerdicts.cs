using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NewsClaims.Data.Search;

#nullable disable

namespace NewsClaims.Data.Migrations
{
    /// <summary>
    /// The search rows carry the verdicts of their statements' claims, kept current by triggers (see
    /// <see cref="SearchSchema.Verdicts"/>). Created in SQL like the rest of the search table: the EF model never maps it.
    /// </summary>
    [DbContext(typeof(NewsClaimsDbContext))]
    [Migration("20261202090000_StatementSearchVerdicts")]
    public partial class StatementSearchVerdicts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchSchema.Verdicts);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchSchema.NoVerdicts);
        }
    }
}
