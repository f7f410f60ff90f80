using Microsoft.EntityFrameworkCore.Migrations;
using NewsClaims.Data.Search;

#nullable disable

namespace NewsClaims.Data.Migrations
{
    /// <summary>The search side table, per-language configurations, lexicon and the triggers that keep them current (see <see cref="SearchSchema"/>).</summary>
    public partial class QuoteSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchSchema.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchSchema.Drop);
        }
    }
}
