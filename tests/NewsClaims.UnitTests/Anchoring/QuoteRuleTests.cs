using NewsClaims.Core.Anchoring;
using static NewsClaims.UnitTests.Anchoring.Texts;

namespace NewsClaims.UnitTests.Anchoring;

/// <summary>Rule 2: unchanged words that moved are found again, and duplicates are told apart by their context.</summary>
public class QuoteRuleTests
{
    [Fact]
    public void Should_follow_a_passage_moved_by_text_inserted_before_it()
    {
        var revised = "Correction appended on 21 December: an earlier version misnamed the city.\n\n" + Body;

        var placement = Place(Body, revised, "intelligent and systematic");

        Assert.Equal(AnchorRule.Quote, placement.Rule);
        Assert.Equal(1, placement.Score);
        var span = Found(placement, revised);
        Assert.Equal("intelligent and systematic", span.Text);
        Assert.Equal(Span(revised, "intelligent and systematic"), span);
    }

    [Fact]
    public void Should_follow_a_paragraph_moved_to_another_place()
    {
        var paragraphs = Body.Split("\n\n");
        var revised = string.Join("\n\n", paragraphs[2], paragraphs[0], paragraphs[1], paragraphs[3]);

        var placement = Place(Body, revised, "the alliance stood ready");

        Assert.Equal(AnchorRule.Quote, placement.Rule);
        Assert.Equal(Span(revised, "the alliance stood ready"), Found(placement, revised));
    }

    [Fact]
    public void Should_pick_the_duplicate_whose_prefix_and_suffix_agree()
    {
        const string Old =
            "Velden said the plan was 'a mistake' on Monday.\n\n" +
            "Trell replied that the treaty was 'a mistake' as well.";
        const string New =
            "Update: both leaders spoke again on Tuesday.\n\n" +
            "Trell replied that the treaty was 'a mistake' as well.\n\n" +
            "Velden said the plan was 'a mistake' on Monday.";

        var first = Place(Old, New, "a mistake", occurrence: 1);
        var second = Place(Old, New, "a mistake", occurrence: 2);

        Assert.Equal(Span(New, "a mistake", occurrence: 2), Found(first, New));
        Assert.Equal(Span(New, "a mistake", occurrence: 1), Found(second, New));
        Assert.Equal((AnchorRule.Quote, AnchorRule.Quote), (first.Rule, second.Rule));
    }

    [Fact]
    public void Should_pick_the_nearest_of_identical_duplicates_where_the_edit_moved_the_passage()
    {
        const string Line = "The minister said 'no comment' again.";
        var old = string.Join("\n", Line, Line, Line);
        var revised = "New first line.\n" + old;

        var placement = Place(old, revised, "no comment", occurrence: 2);

        Assert.Equal(Span(revised, "no comment", occurrence: 2), Found(placement, revised));
    }

    [Fact]
    public void Should_find_a_quote_only_selector_without_a_position()
    {
        var revised = "Editor's note added.\n\n" + Body;
        var passage = new Passage("read the new Harbour Strategy", "and urged her to '", "'.");

        var placement = new Reanchorer(Body, revised).Place(passage);

        Assert.Equal(AnchorRule.Quote, placement.Rule);
        Assert.Equal(Span(revised, "read the new Harbour Strategy"), Found(placement, revised));
    }
}
