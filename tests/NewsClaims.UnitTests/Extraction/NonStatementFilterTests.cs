namespace NewsClaims.UnitTests.Extraction;

public class NonStatementFilterTests
{
    [Fact]
    public void Short_scare_quoted_term_is_not_a_statement()
    {
        var result = Engine.Run("The region has become a kind of ‘grey zone’ for smugglers and traders alike.");

        Assert.Empty(result.Statements);
    }

    [Fact]
    public void Term_after_an_article_is_not_a_statement_even_when_long()
    {
        var result = Engine.Run("Several towns joined what locals call a “league of small harbours and quiet bays” last year.");

        Assert.Empty(result.Statements);
    }

    [Fact]
    public void Title_of_a_work_in_quotes_is_not_a_statement()
    {
        var result = Engine.Run("She first became famous for her role in “The Winter Garden Of Lost Letters” on national television.");

        Assert.Empty(result.Statements);
    }

    [Fact]
    public void Outlet_name_in_quotes_after_reported_by_is_a_source_not_a_statement()
    {
        var result = Engine.Run("Elena Sokol said that talks had failed.\n\nHer remarks, as reported by ‘Nordic Wire,’ were widely shared.");

        Assert.DoesNotContain(result.Statements, s => s.Text.Contains("Nordic Wire", StringComparison.Ordinal));
        var via = Assert.Single(result.ReportedVia);
        Assert.Equal("Nordic Wire", via.Name);
        Assert.Equal([0], via.Statements);
    }

    [Fact]
    public void Quoted_word_in_the_headline_is_not_a_statement()
    {
        var result = Engine.Run("Mayor Calls Budget ‘Disastrous’ for Schools\n\nThe city council met on Monday to discuss the budget.");

        Assert.Empty(result.Statements);
    }

    [Fact]
    public void Authors_echo_of_an_earlier_quote_is_not_a_statement()
    {
        var text = "Judge Ayla Demir called the ruling “a turning point for the whole valley.”\n\nFor farmers, it is indeed “a turning point for the whole valley.”";
        var result = Engine.Run(text);

        Assert.Single(result.Statements);
    }
}
