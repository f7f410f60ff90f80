using NewsClaims.Core.Anchoring;

namespace NewsClaims.UnitTests.Anchoring;

/// <summary>The edit's map of old offsets to new ones: exact on shared text, proportional only inside a change.</summary>
public class OffsetMapTests
{
    [Fact]
    public void Should_map_text_before_and_after_a_change_exactly()
    {
        const string Old = "one two three\nfour five six\nseven eight nine";
        const string New = "one two three\nfour 5 six\nseven eight nine";

        var map = OffsetMap.Between(Old, New);

        Assert.Equal(4, map.Map(4));
        Assert.Equal(New.IndexOf("six", StringComparison.Ordinal), map.Map(Old.IndexOf("six", StringComparison.Ordinal)));
        Assert.Equal(New.IndexOf("seven", StringComparison.Ordinal), map.Map(Old.IndexOf("seven", StringComparison.Ordinal)));
        Assert.Equal(New.Length, map.Map(Old.Length));
    }

    [Fact]
    public void Should_map_moved_paragraphs_by_their_unique_lines()
    {
        const string Old = "Alpha paragraph.\nBeta paragraph.\nGamma paragraph.\nDelta paragraph.\nEpsilon paragraph.";
        const string New = "Delta paragraph.\nAlpha paragraph, edited.\nBeta paragraph.\nGamma paragraph.\nEpsilon paragraph.";

        var map = OffsetMap.Between(Old, New);

        Assert.Equal(New.IndexOf("Beta", StringComparison.Ordinal), map.Map(Old.IndexOf("Beta", StringComparison.Ordinal)));
        Assert.Equal(New.IndexOf("Epsilon", StringComparison.Ordinal), map.Map(Old.IndexOf("Epsilon", StringComparison.Ordinal)));
        Assert.True(map.Keeps(Old.IndexOf("Beta", StringComparison.Ordinal), Old.IndexOf("Beta", StringComparison.Ordinal) + 15));
    }

    [Fact]
    public void Should_keep_every_mapped_offset_inside_the_new_body_and_in_order()
    {
        const string Old = "aaaa\nbbbb\ncccc\ndddd";
        const string New = "dddd\nxx\ncccc";

        var map = OffsetMap.Between(Old, New);
        var mapped = Enumerable.Range(0, Old.Length + 1).Select(map.Map).ToList();

        Assert.All(mapped, m => Assert.InRange(m, 0, New.Length));
        Assert.Equal(mapped.Order(), mapped);
    }
}
