using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsClaims.Data.Migrations
{
    /// <summary>
    /// Committed changes to reader tables notify listeners (see <see cref="ReaderChanges"/>), so every site instance
    /// evicts its reader caches whichever process made the change. No change to the model.
    /// </summary>
    [DbContext(typeof(NewsClaimsDbContext))]
    [Migration("20261202030000_ReaderChangeNotifications")]
    public partial class ReaderChangeNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ReaderChanges.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ReaderChanges.Drop);
        }
    }
}
