using System.Text;
using FsCheck.Xunit;
using NewsClaims.Core.Anchoring;
using NewsClaims.Core.Common;

namespace NewsClaims.UnitTests.Anchoring;

/// <summary>
/// On 1 MB bodies, including ones built to make naive searches quadratic, any edit and any passage: the placement
/// is a real span of the new body and its work stays under the linear bound. Work is counted, not timed.
/// </summary>
public class BoundedWorkProperties
{
    private const int Megabyte = 1024 * 1024;

    private static readonly string[] Words =
        ["the", "alliance", "stood", "ready", "said", "Velden", "Trell", "'fatal'", "harbour", "of", "a", "—", "on", "December", "19,", "\n\n", "\n"];

    [Property(MaxTest = 24)]
    public bool Placing_any_passage_after_any_edit_of_a_megabyte_body_stays_within_the_work_bound(int seed, byte shape, byte edit)
    {
        var random = new Random(seed);
        var old = Body(random, shape % 4);
        var (revised, editStart, editEnd) = Edit(random, old, edit % 3);
        var length = (shape / 4 % 4) switch
        {
            0 => 1,
            1 => random.Next(2, 40),
            2 => random.Next(40, 2000),
            _ => random.Next(2000, 200_000),
        };
        var start = random.Next(0, old.Length - length);
        var span = TextSpan.In(old, start, start + length);

        var anchoring = new Reanchorer(old, revised);
        var placement = anchoring.Place(Passage.In(old, span));

        var withinBound = placement.Work <= Reanchorer.WorkBound(old.Length, revised.Length)
            && anchoring.Map.Work <= 8L * (old.Length + revised.Length);
        var untouched = span.End < editStart || span.Start > editEnd;
        return withinBound && Consistent(placement, revised, span.Text, untouched);
    }

    [Property(MaxTest = 500)]
    public bool Placing_any_span_of_any_short_text_after_any_edit_never_throws_and_gives_a_real_span(string? oldText, string? inserted, int seed)
    {
        var old = string.IsNullOrEmpty(oldText) ? "x" : oldText;
        var random = new Random(seed);
        var start = random.Next(0, old.Length);
        var span = TextSpan.In(old, start, random.Next(start + 1, old.Length + 1));
        var at = random.Next(0, old.Length + 1);
        var cut = random.Next(0, old.Length - at + 1);
        var revised = old.Remove(at, cut).Insert(at, inserted ?? "");

        var placement = new Reanchorer(old, revised).Place(Passage.In(old, span));

        return placement.Span is null ? placement.Rule == AnchorRule.Orphaned : placement.Span.IsFoundIn(revised);
    }

    [Fact]
    public void Should_place_a_passage_of_a_megabyte_of_one_repeated_letter_within_the_bound()
    {
        var old = new string('a', Megabyte);
        var revised = "b" + old[..(Megabyte / 2)] + "c" + old[(Megabyte / 2)..];
        var span = TextSpan.In(old, 700_000, 700_800);

        var anchoring = new Reanchorer(old, revised);
        var placement = anchoring.Place(Passage.In(old, span));

        Assert.Equal(AnchorRule.Quote, placement.Rule);
        Assert.Equal(700_002, placement.Span!.Start);
        Assert.InRange(placement.Work, 1, Reanchorer.WorkBound(old.Length, revised.Length));
    }

    [Fact]
    public void Should_place_passages_of_unchanged_text_through_the_edit_map_without_scanning_the_body()
    {
        var old = Body(new Random(3), 0);
        var revised = "A correction note at the top.\n\n" + old;
        var anchoring = new Reanchorer(old, revised);

        foreach (var start in new[] { 10, 300_000, 999_000 })
        {
            var placement = anchoring.Place(Passage.In(old, TextSpan.In(old, start, start + 40)));

            Assert.Equal(AnchorRule.Quote, placement.Rule);
            Assert.Equal(start + 31, placement.Span!.Start);
            Assert.InRange(placement.Work, 1, 1000);
        }
    }

    [Fact]
    public void Should_orphan_a_megabyte_passage_that_is_gone_within_the_bound()
    {
        var random = new Random(7);
        var old = Body(random, 0);
        var revised = Body(new Random(8), 0);

        var anchoring = new Reanchorer(old, revised);
        var placement = anchoring.Place(Passage.In(old, TextSpan.In(old, 0, old.Length)));

        Assert.True(placement.IsOrphaned);
        Assert.InRange(placement.Work, 1, Reanchorer.WorkBound(old.Length, revised.Length));
    }

    private static bool Consistent(Placement placement, string revised, string exact, bool untouched)
    {
        if (placement.Span is not { } found)
        {
            return placement.Rule == AnchorRule.Orphaned && !untouched;
        }

        if (!found.IsFoundIn(revised))
        {
            return false;
        }

        return placement.Rule switch
        {
            AnchorRule.Position or AnchorRule.Quote => found.Text == exact,
            AnchorRule.Fuzzy => !untouched && Math.Abs(found.Length - exact.Length) <= (Math.Max(found.Length, exact.Length) / 4) + 1,
            _ => false,
        };
    }

    /// <summary>Words with paragraphs; one letter repeated; one line without breaks; nothing but line breaks and one word.</summary>
    private static string Body(Random random, int shape)
    {
        switch (shape)
        {
            case 1:
                return new string('a', Megabyte);
            case 3:
                return string.Concat(Enumerable.Repeat("\n", Megabyte / 2)) + "said" + string.Concat(Enumerable.Repeat("\n", Megabyte / 2));
        }

        var text = new StringBuilder(Megabyte + 32);
        while (text.Length < Megabyte)
        {
            var word = Words[random.Next(Words.Length)];
            text.Append(shape == 2 && word.StartsWith('\n') ? " " : word).Append(' ');
        }

        return text.ToString(0, Megabyte);
    }

    /// <summary>An insertion, a deletion or a replacement somewhere, up to 5,000 characters; returns the old range touched.</summary>
    private static (string Revised, int Start, int End) Edit(Random random, string old, int kind)
    {
        var at = random.Next(0, old.Length - 5000);
        var length = random.Next(1, 5000);
        var inserted = new string('x', random.Next(1, 5000)) + " corrected " + random.Next();
        return kind switch
        {
            0 => (old.Insert(at, inserted), at, at),
            1 => (old.Remove(at, length), at, at + length),
            _ => (old.Remove(at, length).Insert(at, inserted), at, at + length),
        };
    }
}
