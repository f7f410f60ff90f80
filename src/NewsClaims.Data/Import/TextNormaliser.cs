using System.Text;

namespace NewsClaims.Data.Import;

/// <summary>
/// The one place that decides what an article body looks like when stored: Unicode NFC, LF line ends, no
/// control characters but newline and tab, no trailing spaces on lines, at most one blank line between
/// paragraphs. Every stored offset points into this form.
/// </summary>
public static class TextNormaliser
{
    public static string Normalise(string text)
    {
        var composed = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(composed.Length);
        var blankLines = 0;
        foreach (var rawLine in composed.Split('\n'))
        {
            var line = StripControlCharacters(rawLine).TrimEnd();
            if (line.Length == 0)
            {
                blankLines++;
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(blankLines > 0 ? "\n\n" : "\n");
            }

            builder.Append(line);
            blankLines = 0;
        }

        return builder.ToString();
    }

    private static string StripControlCharacters(string line)
    {
        if (!line.Any(IsUnwanted))
        {
            return line;
        }

        return new string([.. line.Where(c => !IsUnwanted(c))]);
    }

    // Tabs stay; other C0/C1 controls, zero-width marks and the byte-order mark go.
    private static bool IsUnwanted(char c) =>
        (char.IsControl(c) && c != '\t') || c is '\uFEFF' or '\u200B' or '\u200E' or '\u200F';
}
