using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NewsClaims.Data.Search;

#nullable disable

namespace NewsClaims.Data.Migrations
{
    /// <summary>
    /// The lexicon an import keeps filters its words with a length check and a simple letters-only pattern instead of
    /// a bounded repetition: the same words, cheaper (see <see cref="SearchSchema.CheaperLexiconWordFilter"/>).
    /// No change to the model.
    /// </summary>
    [DbContext(typeof(NewsClaimsDbContext))]
    [Migration("20261202024500_ImportLexiconWordFilter")]
    public partial class ImportLexiconWordFilter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchSchema.CheaperLexiconWordFilter);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchSchema.RegexLexiconWordFilter);
        }
    }
}
