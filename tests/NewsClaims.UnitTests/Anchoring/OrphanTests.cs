using NewsClaims.Core.Anchoring;
using static NewsClaims.UnitTests.Anchoring.Texts;

namespace NewsClaims.UnitTests.Anchoring;

/// <summary>Rule 4: words that are gone are reported as orphaned, never placed on someone else's words.</summary>
public class OrphanTests
{
    [Fact]
    public void Should_orphan_a_deleted_passage()
    {
        var revised = Body.Replace(" called Velden 'intelligent and systematic' and", "", StringComparison.Ordinal);

        var placement = Place(Body, revised, "intelligent and systematic");

        Assert.Equal(AnchorRule.Orphaned, placement.Rule);
        Assert.Null(placement.Span);
        Assert.Equal(0, placement.Score);
    }

    [Fact]
    public void Should_orphan_a_deleted_word_rather_than_take_the_same_word_in_another_sentence()
    {
        const string Old = "She called the plan fatal for the city.\n\nLater, analysts said a fatal error had been made in the count.";
        const string New = "She called the plan costly for the city.\n\nLater, analysts said a fatal error had been made in the count.";

        var placement = Place(Old, New, "fatal", occurrence: 1);

        Assert.True(placement.IsOrphaned);
    }

    [Fact]
    public void Should_orphan_a_deleted_sentence_rather_than_take_its_near_identical_neighbour()
    {
        var sentences = Enumerable.Range(1, 5).Select(i => $"Velden told reporters 'point {i} stands' before the vote.").ToList();
        var old = string.Join("\n\n", sentences);
        var revised = string.Join("\n\n", sentences.Where((_, i) => i != 2));

        var placement = Place(old, revised, "'point 3 stands' before the vote");

        Assert.True(placement.IsOrphaned, $"placed by {placement.Rule} on '{placement.Span?.Text}'");
    }

    [Fact]
    public void Should_orphan_a_deleted_word_rather_than_take_the_same_word_in_a_neighbour_with_the_same_context()
    {
        var sentences = Enumerable.Range(1, 5).Select(i => $"Velden told reporters 'point {i} stands' before the vote.").ToList();
        var old = string.Join("\n\n", sentences);
        var revised = string.Join("\n\n", sentences.Where((_, i) => i != 2));

        var placement = Place(old, revised, "stands", occurrence: 3);

        Assert.True(placement.IsOrphaned, $"placed by {placement.Rule} on {placement.Span}");
    }

    [Fact]
    public void Should_orphan_a_passage_when_the_whole_body_was_replaced()
    {
        var placement = Place(Body, "An entirely different article about the weather in Kessa.", "the alliance stood ready");

        Assert.True(placement.IsOrphaned);
    }
}
