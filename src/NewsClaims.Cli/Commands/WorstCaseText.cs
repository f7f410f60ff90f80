using System.Text;

namespace NewsClaims.Cli.Commands;

/// <summary>The engine's worst case the issue names: a 1 MB paragraph without punctuation, with news-like cues and names.</summary>
public static class WorstCaseText
{
    public static string OneMegabyteRunOn()
    {
        // Run-on prose with the density of cues, names and quote-free clauses of ordinary news copy.
        var words = ("the council met on a cold morning and Mayor Ana Lind said that the new budget would cut road repairs " +
            "while officials told residents the plan was fair according to the finance office and he argued it would " +
            "save money over ten years but critics in Oslo warned that schools would suffer").Split(' ');
        var text = new StringBuilder(1 << 20);
        for (var i = 0; text.Length < 1 << 20; i++)
        {
            text.Append(words[i % words.Length]).Append(' ');
        }

        return text.ToString();
    }
}
