using Microsoft.EntityFrameworkCore.Migrations;
using NewsClaims.Data.Search;

#nullable disable

namespace NewsClaims.Data.Migrations
{
    /// <summary>
    /// Bulk imports keep the search table current once per SQL statement rather than once per row: a statement-level
    /// alias trigger and a refresh that computes title and speaker-name vectors once (see <see cref="SearchSchema.StatementLevelMaintenance"/>).
    /// </summary>
    public partial class ImportSearchMaintenance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchSchema.StatementLevelMaintenance);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchSchema.RowLevelMaintenance);
        }
    }
}
