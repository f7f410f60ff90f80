using NewsClaims.Extraction;
using NewsClaims.Extraction.Model;

namespace NewsClaims.UnitTests.Extraction;

public class QuotePairingTests
{
    private static List<string> Quotes(string text)
    {
        var doc = StatementExtractor.Analyse(text);
        return doc.Quotes.Where(q => q.Depth == 0).Select(q => text[q.ContentStart..q.ContentEnd]).ToList();
    }

    [Theory]
    [InlineData("He said “we will build it” today.")]
    [InlineData("He said \"we will build it\" today.")]
    [InlineData("He said ‘we will build it’ today.")]
    [InlineData("He said «we will build it» today.")]
    [InlineData("He said „we will build it“ today.")]
    [InlineData("He said ''we will build it'' today.")]
    public void Every_common_kind_of_quote_mark_pairs(string text)
    {
        Assert.Equal(["we will build it"], Quotes(text));
    }

    [Fact]
    public void Apostrophes_in_possessives_and_contractions_do_not_close_a_single_quote()
    {
        Assert.Equal(["Norway’s fleet won’t sail"], Quotes("The admiral wrote ‘Norway’s fleet won’t sail’ in his log."));
    }

    [Fact]
    public void Single_quotes_nested_in_double_quotes_stay_inside()
    {
        var text = "“They told me ‘wait here’ and left,” she said.";
        var doc = StatementExtractor.Analyse(text);

        Assert.Equal(["They told me ‘wait here’ and left,"], Quotes(text));
        Assert.Contains(doc.Quotes, q => q.Depth == 1 && text[q.ContentStart..q.ContentEnd] == "wait here");
    }

    [Fact]
    public void Quotation_over_two_paragraphs_is_marked_as_continued()
    {
        var text = "“The first part goes on\n\n“and the second part ends here.”";
        var doc = StatementExtractor.Analyse(text);

        var quotes = doc.Quotes.Where(q => q.Depth == 0).ToList();
        Assert.Equal(2, quotes.Count);
        Assert.False(quotes[0].Closed);
        Assert.True(quotes[1].ContinuesPrevious);
    }

    [Fact]
    public void Unbalanced_closing_mark_is_ignored()
    {
        Assert.Empty(Quotes("The shop” opened early and closed late."));
    }

    [Fact]
    public void Sentences_do_not_split_inside_a_closed_quotation()
    {
        var doc = StatementExtractor.Analyse("“We tried. We failed. We will try again,” Lea Roth said. Then she left.");

        Assert.Equal(2, doc.Sentences.Length);
    }

    [Fact]
    public void Abbreviated_titles_do_not_end_a_sentence()
    {
        var doc = StatementExtractor.Analyse("Sen. Mara Quist and Dr. Owen Hale met in the U.S. capital. They talked.");

        Assert.Equal(2, doc.Sentences.Length);
        Assert.Contains(doc.Mentions, m => m.Kind == MentionKind.Name && m.Surface == "Mara Quist" && m.Role == "Sen");
    }
}
