using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NewsClaims.Data.Search;

#nullable disable

namespace NewsClaims.Data.Migrations
{
    /// <summary>
    /// Rebuilding the search table writes its rows in statement order, as imports do (see
    /// <see cref="SearchSchema.RebuildInIdOrder"/>). No change to the model.
    /// </summary>
    [DbContext(typeof(NewsClaimsDbContext))]
    [Migration("20261202041000_SearchRebuildInIdOrder")]
    public partial class SearchRebuildInIdOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchSchema.RebuildInIdOrder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchSchema.RebuildInJoinOrder);
        }
    }
}
