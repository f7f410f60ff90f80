using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsClaims.Data.Migrations
{
    /// <inheritdoc />
    public partial class PublishedStatementStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_statements_reviewed",
                table: "statements");

            migrationBuilder.DropCheckConstraint(
                name: "ck_statements_status",
                table: "statements");

            migrationBuilder.AddCheckConstraint(
                name: "ck_statements_reviewed",
                table: "statements",
                sql: "status IN ('extracted', 'published') OR reviewed_at IS NOT NULL");

            migrationBuilder.AddCheckConstraint(
                name: "ck_statements_status",
                table: "statements",
                sql: "status IN ('extracted', 'published', 'confirmed', 'corrected', 'rejected')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Without the published state, machine-published statements go back to the review queue.
            migrationBuilder.Sql("UPDATE statements SET status = 'extracted' WHERE status = 'published'");

            migrationBuilder.DropCheckConstraint(
                name: "ck_statements_reviewed",
                table: "statements");

            migrationBuilder.DropCheckConstraint(
                name: "ck_statements_status",
                table: "statements");

            migrationBuilder.AddCheckConstraint(
                name: "ck_statements_reviewed",
                table: "statements",
                sql: "status = 'extracted' OR reviewed_at IS NOT NULL");

            migrationBuilder.AddCheckConstraint(
                name: "ck_statements_status",
                table: "statements",
                sql: "status IN ('extracted', 'confirmed', 'corrected', 'rejected')");
        }
    }
}
