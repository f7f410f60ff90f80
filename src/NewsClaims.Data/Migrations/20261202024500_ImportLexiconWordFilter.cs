using Microsoft.EntityFrameworkCore.Migrations;
using NewsClaims.Data.Search;

#nullable disable

namespace NewsClaims.Data.Migrations
{
    /// <summary>
    /// The lexicon an import keeps filters its words with a length check and a simple letters-only pattern instead of
    /// a bounded repetition: the same words, cheaper (see <see cref="SearchSchema.CheaperLexiconWordFilter"/>).
    /// </summary>
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
