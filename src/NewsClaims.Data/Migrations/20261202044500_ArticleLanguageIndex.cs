using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NewsClaims.Data.Search;

#nullable disable

namespace NewsClaims.Data.Migrations
{
    /// <summary>
    /// An index on the articles' language, for the search's list of languages in use (see
    /// <see cref="SearchSchema.ArticleLanguageIndex"/>). Created in SQL like the other search indexes: the EF model
    /// never queries it.
    /// </summary>
    [DbContext(typeof(NewsClaimsDbContext))]
    [Migration("20261202044500_ArticleLanguageIndex")]
    public partial class ArticleLanguageIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchSchema.ArticleLanguageIndex);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchSchema.DropArticleLanguageIndex);
        }
    }
}
