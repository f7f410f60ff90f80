using NewsClaims.Core.Anchoring;
using static NewsClaims.UnitTests.Anchoring.Texts;

namespace NewsClaims.UnitTests.Anchoring;

/// <summary>Rule 1: words the edit did not touch or move stay exactly where they were.</summary>
public class PositionRuleTests
{
    [Fact]
    public void Should_keep_every_passage_in_place_when_the_text_is_unchanged()
    {
        var anchoring = new Reanchorer(Body, Body);

        foreach (var words in new[] { "fatal", "the alliance stood ready", "intelligent and systematic", "Ostrovia Today" })
        {
            var placement = anchoring.Place(Passage.In(Body, Span(Body, words)));

            Assert.Equal(AnchorRule.Position, placement.Rule);
            Assert.Equal(1, placement.Score);
            Assert.Equal(Span(Body, words), placement.Span);
        }
    }

    [Fact]
    public void Should_keep_a_passage_in_place_when_the_edit_is_after_it()
    {
        var revised = Body.Replace("'Ostrovia Today'", "the broadcaster 'Ostrovia Today'", StringComparison.Ordinal);

        var placement = Place(Body, revised, "the alliance stood ready");

        Assert.Equal(AnchorRule.Position, placement.Rule);
        Assert.Equal(Span(Body, "the alliance stood ready"), placement.Span);
    }

    [Fact]
    public void Should_not_take_the_same_offsets_when_the_edit_moved_the_passage_and_other_words_landed_there()
    {
        // Five characters inserted at the start, and the same five-character word now sits at the old offset.
        const string Old = "abcde fatal ghijk fatal lmnop";
        const string New = "12345abcde fatal ghijk fatal lmnop";

        var placement = Place(Old, New, "fatal", occurrence: 1);

        Assert.Equal(AnchorRule.Quote, placement.Rule);
        Assert.Equal(11, Found(placement, New).Start);
    }
}
