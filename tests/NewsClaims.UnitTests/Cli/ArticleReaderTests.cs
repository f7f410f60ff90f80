using NewsClaims.Cli.Articles;

namespace NewsClaims.UnitTests.Cli;

public class ArticleReaderTests
{
    [Fact]
    public void Front_matter_gives_title_outlet_and_published_and_the_body_as_text()
    {
        var file = "---\ntitle: Harbour Reopens\noutlet: Coast News\npublished: 2025-12-20\nauthor: Kim Lee\n---\nBody starts here.";

        var article = ArticleReader.ReadText(file);

        Assert.Equal("Harbour Reopens", article.Title);
        Assert.Equal("Coast News", article.Outlet);
        Assert.Equal(new DateOnly(2025, 12, 20), article.Published);
        Assert.Equal("Body starts here.", article.Text);
    }

    [Fact]
    public void Without_front_matter_the_first_line_is_the_title_and_the_text_is_the_whole_file()
    {
        var file = "\nHarbour Reopens\n\nBody starts here.";

        var article = ArticleReader.ReadText(file);

        Assert.Equal("Harbour Reopens", article.Title);
        Assert.Equal(file, article.Text);
    }
}
