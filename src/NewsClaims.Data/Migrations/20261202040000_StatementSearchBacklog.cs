using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NewsClaims.Data.Search;

#nullable disable

namespace NewsClaims.Data.Migrations
{
    /// <summary>
    /// Bulk import batches queue the ids of the statements they insert in <c>statement_search_backlog</c> instead of
    /// building their search rows and lexicon counts in their own transaction; a drainer builds them on another
    /// connection (see <see cref="SearchSchema.Backlog"/>). Not part of the EF model, which never reads or writes it.
    /// </summary>
    [DbContext(typeof(NewsClaimsDbContext))]
    [Migration("20261202040000_StatementSearchBacklog")]
    public partial class StatementSearchBacklog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchSchema.Backlog);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchSchema.NoBacklog);
        }
    }
}
