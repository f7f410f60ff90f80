using NewsClaims.Core.Anchoring;
using NewsClaims.Core.Annotations;
using NewsClaims.Core.Common;
using static NewsClaims.UnitTests.Anchoring.Texts;

namespace NewsClaims.UnitTests.Anchoring;

/// <summary>Selectors at the edges: empty, one character, the whole body, positions that no longer fit.</summary>
public class SelectorEdgeTests
{
    [Fact]
    public void Should_refuse_an_empty_passage()
    {
        Assert.Throws<ArgumentException>(() => new Passage(""));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Passage("x", start: -1));
    }

    [Fact]
    public void Should_place_a_one_character_passage_by_its_context()
    {
        var revised = "Inserted line.\n" + Body;

        var placement = Place(Body, revised, "—");

        Assert.Equal(AnchorRule.Quote, placement.Rule);
        Assert.Equal(Span(revised, "—"), Found(placement, revised));
    }

    [Fact]
    public void Should_place_a_one_character_passage_at_the_very_start_and_end()
    {
        const string Old = "abc";
        var first = new Reanchorer(Old, Old).Place(Passage.In(Old, TextSpan.In(Old, 0, 1)));
        var last = new Reanchorer(Old, "abcd").Place(Passage.In(Old, TextSpan.In(Old, 2, 3)));

        Assert.Equal((AnchorRule.Position, 0), (first.Rule, first.Span!.Start));
        Assert.Equal((AnchorRule.Position, 2), (last.Rule, last.Span!.Start));
    }

    [Fact]
    public void Should_place_a_whole_body_passage_on_a_lightly_corrected_body()
    {
        var revised = Body.Replace("secretary-general", "secretary general", StringComparison.Ordinal);

        var placement = new Reanchorer(Body, revised).Place(Passage.In(Body, TextSpan.In(Body, 0, Body.Length)));

        Assert.Equal(AnchorRule.Fuzzy, placement.Rule);
        Assert.Equal(revised, Found(placement, revised).Text);
    }

    [Fact]
    public void Should_place_a_whole_body_passage_when_the_body_only_grew()
    {
        var revised = Body + "\n\nUpdated with a reply from the League.";

        var placement = new Reanchorer(Body, revised).Place(Passage.In(Body, TextSpan.In(Body, 0, Body.Length)));

        Assert.Equal(AnchorRule.Position, placement.Rule);
        Assert.Equal(Body, Found(placement, revised).Text);
    }

    [Fact]
    public void Should_use_an_annotation_selector_whose_position_no_longer_fits_as_a_quote()
    {
        var span = Span(Body, "Ostrovia Today");
        var selector = new AnnotationSelector(new TextQuoteSelector(span.Text, "reported by '", "'."), new TextPositionSelector(0, 3));
        var revised = "Preface.\n\n" + Body;

        var placement = new Reanchorer(Body, revised).Place(Passage.Of(selector));

        Assert.Equal(Span(revised, "Ostrovia Today"), Found(placement, revised));
    }
}
