using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NewsClaims.Extraction;

namespace NewsClaims.UnitTests.Properties;

/// <summary>Text made of the pieces that stress the engine: quote marks of every kind, cues, names, punctuation, any character.</summary>
public sealed record NewsText(string Value)
{
    public override string ToString() => Value;
}

public static class NewsTextArbitrary
{
    private static readonly string[] Pieces =
    [
        "“", "”", "‘", "’", "\"", "'", "''", "«", "»", "„", "‹", "›", "``", " ", " ", " ", "\n", "\n\n", "\r\n", ".", ",", ":", ";", "—", "-", "!", "?", "(", ")",
        "said", "told", "according to", "he", "she", "they", "that", "as", "the", "Smith", "Mr.", "Ana Lind", "Sen.", "officials", "insistence",
        "Speaking in Oslo", "on December 19", "Thursday", "last week", "reported by", "’s", "U.S.", "\u00e9", "\u4e2d", "\ud83d\ude00", "\ud800", "\udc00", "\u0000", "\u200b",
    ];

    public static Arbitrary<NewsText> Texts()
    {
        var piece = Gen.OneOf(Gen.Elements(Pieces), Gen.Choose(0, 0xFFFF).Select(c => ((char)c).ToString()));
        return Gen.ListOf(piece).Select(p => new NewsText(string.Concat(p))).ToArbitrary();
    }
}

public class RobustnessProperties
{
    private static readonly StatementExtractor Extractor = new();

    [Property(Arbitrary = [typeof(NewsTextArbitrary)], MaxTest = 500)]
    public bool Never_throws_and_every_span_lies_inside_the_text_and_matches_it(NewsText input)
    {
        var text = input.Value;
        var result = Extractor.Extract(new ArticleText(text, Published: new DateOnly(2024, 2, 29)));
        foreach (var s in result.Statements)
        {
            var spans = new[] { s.Content, s.SpeakerMention, s.Cue };
            foreach (var span in spans)
            {
                if (span is not null && !(span.Start >= 0 && span.Start <= span.End && span.End <= text.Length && text[span.Start..span.End] == span.Text))
                {
                    return false;
                }
            }

            if (s.SpeakerIndex is { } i && (i < 0 || i >= result.Speakers.Count) || s.Confidence is < 0 or > 1)
            {
                return false;
            }
        }

        return result.ReportedVia.All(r => r.Span.End <= text.Length && text[r.Span.Start..r.Span.End] == r.Span.Text
            && r.Statements.All(i => i >= 0 && i < result.Statements.Count));
    }

    [Property(MaxTest = 300)]
    public bool Never_throws_on_arbitrary_strings(string? text)
    {
        var result = Extractor.Extract(new ArticleText(text ?? ""));
        return result.Statements.All(s => s.End <= (text ?? "").Length);
    }

    [Fact]
    public void Empty_input_gives_an_empty_result()
    {
        var result = Extractor.Extract(new ArticleText(""));

        Assert.Empty(result.Statements);
        Assert.Empty(result.Speakers);
        Assert.Empty(result.ReportedVia);
    }

    [Fact]
    public void Fifty_deep_nested_quotes_are_handled()
    {
        var text = "Mira Holt said: " + string.Concat(Enumerable.Repeat("“a ‘b ", 50)) + "core" + string.Concat(Enumerable.Repeat("’ c”", 50)) + " today.";

        var result = Extractor.Extract(new ArticleText(text));

        var s = Assert.Single(result.Statements);
        Assert.Equal("Mira Holt", result.Speakers[s.SpeakerIndex!.Value].Name);
        Assert.Equal(text[s.Start..s.End], s.Text);
    }

    [Fact]
    public void Fifty_deep_unclosed_quotes_do_not_hang()
    {
        var text = string.Concat(Enumerable.Repeat("“He said ‘", 5000));

        var clock = Stopwatch.StartNew();
        Extractor.Extract(new ArticleText(text));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2));
    }
}
