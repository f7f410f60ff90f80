using NewsClaims.Core.Anchoring;
using static NewsClaims.UnitTests.Anchoring.Texts;

namespace NewsClaims.UnitTests.Anchoring;

/// <summary>Rule 3: a passage that was itself corrected is found near its place, within the error bound.</summary>
public class FuzzyRuleTests
{
    private const string Typo = "the alliance stod redy to defend every member";
    private const string Fixed = "the alliance stood ready to defend every member";

    [Fact]
    public void Should_follow_a_passage_whose_own_typo_was_fixed()
    {
        var old = Body.Replace("the alliance stood ready to defend every member", Typo, StringComparison.Ordinal);

        var placement = Place(old, Body, Typo);

        Assert.Equal(AnchorRule.Fuzzy, placement.Rule);
        Assert.Equal(Fixed, Found(placement, Body).Text);
        Assert.InRange(placement.Score, 0.75, 0.99);
    }

    [Fact]
    public void Should_follow_a_corrected_passage_that_also_moved()
    {
        var old = Body.Replace("the alliance stood ready to defend every member", Typo, StringComparison.Ordinal);
        var revised = "A paragraph the editor added at the top of the article, long enough to move everything.\n\n" + Body;

        var placement = Place(old, revised, Typo);

        Assert.Equal(AnchorRule.Fuzzy, placement.Rule);
        Assert.Equal(Span(revised, Fixed), Found(placement, revised));
    }

    [Fact]
    public void Should_not_split_a_surrogate_pair_at_the_edge_of_an_approximate_match()
    {
        const string Old = "Intro line.\n\nThe crowd cheered \U0001F600 loudly at the harbour gates today.\n\nEnd.";
        const string New = "Intro line.\n\nThe crowd cheerd \U0001F601 loudly at the harbour gates today.\n\nEnd.";

        var placement = Place(Old, New, "\U0001F600 loudly at the harbour gat");

        Assert.Equal(AnchorRule.Fuzzy, placement.Rule);
        var span = Found(placement, New);
        Assert.False(char.IsLowSurrogate(span.Text[0]));
        Assert.False(char.IsHighSurrogate(span.Text[^1]));
    }

    [Fact]
    public void Should_orphan_a_passage_rewritten_beyond_the_error_bound()
    {
        var revised = Body.Replace("the alliance stood ready to defend every member", "members would be protected by all", StringComparison.Ordinal);

        var placement = Place(Body, revised, "the alliance stood ready to defend every member");

        Assert.True(placement.IsOrphaned);
        Assert.Equal(AnchorRule.Orphaned, placement.Rule);
    }

    [Fact]
    public void Should_follow_a_long_passage_with_a_correction_inside_it()
    {
        var sentence = string.Concat(Enumerable.Range(1, 60).Select(i => $"Point {i} of the harbour plan was read aloud. "));
        var old = "Opening line.\n\n" + sentence.Replace("Point 30 of", "Pont 30 of", StringComparison.Ordinal) + "\n\nClosing line.";
        var revised = "Opening line, expanded by the editor.\n\n" + sentence + "\n\nClosing line.";
        var exact = old.Split("\n\n")[1];

        var placement = Place(old, revised, exact);

        Assert.Equal(AnchorRule.Fuzzy, placement.Rule);
        Assert.True(exact.Length > 1024);
        Assert.Equal(sentence, Found(placement, revised).Text);
    }
}
