using NewsClaims.Core.Anchoring;
using NewsClaims.Core.Common;

namespace NewsClaims.UnitTests.Anchoring;

/// <summary>An invented article and helpers to cut passages from it and place them on a revision.</summary>
internal static class Texts
{
    public const string Body =
        "Lunport — Mara Velden, the Harbour League's secretary-general, warned that a new offensive by Ostrovia " +
        "would prove 'fatal' for its government.\n\n" +
        "Speaking in Lunport, she said the alliance stood ready to defend every member.\n\n" +
        "President Oskar Trell, during his annual live broadcast on December 19, called Velden 'intelligent and systematic' " +
        "and urged her to 'read the new Harbour Strategy'.\n\n" +
        "His remarks were reported by 'Ostrovia Today'.";

    public static TextSpan Span(string body, string words, int occurrence = 1)
    {
        var start = -1;
        for (var i = 0; i < occurrence; i++)
        {
            start = body.IndexOf(words, start + 1, StringComparison.Ordinal);
        }

        return start < 0 ? throw new ArgumentException($"'{words}' is not in the body.", nameof(words)) : TextSpan.In(body, start, start + words.Length);
    }

    public static Placement Place(string oldBody, string newBody, string words, int occurrence = 1) =>
        new Reanchorer(oldBody, newBody).Place(Passage.In(oldBody, Span(oldBody, words, occurrence)));

    /// <summary>The placement's span is real: the new body holds its text at its offsets.</summary>
    public static TextSpan Found(Placement placement, string newBody)
    {
        var span = Assert.IsType<TextSpan>(placement.Span);
        Assert.True(span.IsFoundIn(newBody), $"'{span.Text}' is not at {span.Start}..{span.End}");
        return span;
    }
}
