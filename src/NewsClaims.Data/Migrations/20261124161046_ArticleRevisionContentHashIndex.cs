using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsClaims.Data.Migrations
{
    /// <inheritdoc />
    public partial class ArticleRevisionContentHashIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_article_revisions_content_hash",
                table: "article_revisions",
                column: "content_hash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_article_revisions_content_hash",
                table: "article_revisions");
        }
    }
}
