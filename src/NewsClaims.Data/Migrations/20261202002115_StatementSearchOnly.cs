using Microsoft.EntityFrameworkCore.Migrations;
using NewsClaims.Data.Search;
using NpgsqlTypes;

#nullable disable

namespace NewsClaims.Data.Migrations
{
    /// <summary>
    /// The statements table no longer indexes its own words: its generated English search vector, that vector's GIN
    /// index and the text's trigram index duplicated what <c>statement_search</c> holds (document and folded-text
    /// trigrams) and cost every import a third of its server time. Word filters go through the search table, restricted
    /// to the statement's own words by <c>statement_words_query</c> (see <see cref="SearchSchema.StatementWordsQuery"/>).
    /// </summary>
    public partial class StatementSearchOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_statements_search_vector",
                table: "statements");

            migrationBuilder.DropIndex(
                name: "ix_statements_text_trgm",
                table: "statements");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "statements");

            migrationBuilder.Sql(SearchSchema.StatementWordsQuery);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchSchema.DropStatementWordsQuery);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "statements",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "to_tsvector('english'::regconfig, public.f_unaccent(text))",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_statements_search_vector",
                table: "statements",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_statements_text_trgm",
                table: "statements",
                column: "text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }
    }
}
