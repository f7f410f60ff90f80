using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NewsClaims.Data.Search;

#nullable disable

namespace NewsClaims.Data.Migrations
{
    /// <summary>
    /// Statistics for the claims' and annotations' search documents (see <see cref="SectionSearchSchema.Analyse"/>).
    /// No change to the model or the schema; nothing to undo.
    /// </summary>
    [DbContext(typeof(NewsClaimsDbContext))]
    [Migration("20261202041100_SectionSearchStatistics")]
    public partial class SectionSearchStatistics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SectionSearchSchema.Analyse);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
